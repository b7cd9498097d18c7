package dev.irqtopo.compiler.ast;

import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.StorageKind;
import java.util.Objects;

/**
 * A device's storage: {@code msi N maskable?;}, {@code msix N;}, {@code ims device|queue N;}.
 * Two {@code ims} storages are one property given twice, reported as IRQ043.
 */
public record StorageDecl(Pos at, StorageKind kind, Num size, boolean maskable) implements Property {

    public StorageDecl {
        Objects.requireNonNull(at);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(size);
    }

    /** The first word: {@code msi}, {@code msix} or {@code ims}. */
    @Override
    public String keyword() {
        return kind.busDomain().keyword();
    }

    public BusDomainKind busDomain() {
        return kind.busDomain();
    }
}
