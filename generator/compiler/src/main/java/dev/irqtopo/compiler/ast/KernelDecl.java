package dev.irqtopo.compiler.ast;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code kernel FAMILY [VERSION];}: the kernel profile a host or guest runs, as written; whether it names
 * a known profile is the checker's to say.
 *
 * @param family    {@code design} or {@code linux}, as written
 * @param version   {@code 6.1} as written, with where it starts; absent for {@code kernel design;}
 * @param misplaced the block it was written in when that is neither a host nor a guest block
 *                  ({@code "platform"}, {@code "cpu"}, {@code "iommu"}, {@code "hypervisor"}), for the
 *                  checker's diagnostic; such a line decides nothing
 */
public record KernelDecl(Pos at, Name family, Optional<Word<String>> version, Optional<String> misplaced)
        implements PlatformItem, GuestItem, Property {

    public KernelDecl {
        Objects.requireNonNull(at);
        Objects.requireNonNull(family);
        Objects.requireNonNull(version);
        Objects.requireNonNull(misplaced);
    }

    /** {@code linux 6.1} or {@code design}: as written, for messages. */
    public String words() {
        return family.text() + version.map(v -> " " + v.value()).orElse("");
    }

    @Override
    public String keyword() {
        return "kernel";
    }
}
