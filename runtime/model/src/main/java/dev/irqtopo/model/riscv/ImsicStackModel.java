package dev.irqtopo.model.riscv;

import dev.irqtopo.model.StackDeclaration;
import dev.irqtopo.model.StorageKind;
import java.util.List;
import java.util.Objects;

/**
 * A domain hierarchy a riscv64 kernel builds for one storage of one device, root first: the IMSIC domain
 * (an identity in a hart's interrupt file; for a guest, in its vCPU's guest file), then the bus domain.
 *
 * @param storage the device's storage the bus domain stores into ({@code ims} resolved)
 * @param alloc   how many interrupts the driver allocates at probe time
 */
public record ImsicStackModel(String device, StorageKind storage, int alloc) implements StackDeclaration {

    public ImsicStackModel {
        Objects.requireNonNull(device);
        Objects.requireNonNull(storage);
        if (alloc < 1) {
            throw new IllegalArgumentException("alloc " + alloc + " below 1");
        }
    }

    /** The chain as the language writes it: {@code ["imsic", "msix"]}. */
    public List<String> chain() {
        return List.of("imsic", busDomain().keyword());
    }
}
