package dev.irqtopo.runtime.riscv64;

import dev.irqtopo.model.riscv.InterruptFile;
import dev.irqtopo.runtime.riommu.Target;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The kernel that takes an identity made pending, and where: {@code kernel} ({@code host}, a guest, or
 * {@code none} for a guest file nobody's vCPU uses), its CPU (hart or vCPU; -1 for none), the file and
 * identity, the irq its handler has (none for the IPI, a notice or an unowned identity), and for
 * {@link TakenRoute#IRQFD} the host identity that was pending first.
 */
public record Taken(String kernel, int cpu, InterruptFile file, int identity, OptionalInt virq, TakenRoute route,
                    Optional<Target.FileIdentity> host) {

    public Taken {
        Objects.requireNonNull(kernel);
        Objects.requireNonNull(file);
        Objects.requireNonNull(virq);
        Objects.requireNonNull(route);
        Objects.requireNonNull(host);
    }
}
