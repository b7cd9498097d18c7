package dev.irqtopo.runtime.riscv64;

import dev.irqtopo.model.StorageKind;
import java.util.Objects;

/** Who takes an identity: slot {@code slot} of {@code device}'s storage, in {@code kernel} ({@code host} or a guest), as its irq {@code virq}. */
public record Handler(String kernel, String device, StorageKind storage, int slot, int virq) {

    public Handler {
        Objects.requireNonNull(kernel);
        Objects.requireNonNull(device);
        Objects.requireNonNull(storage);
    }

    /** {@code nic.msix slot 0}. */
    public String words() {
        return device + "." + storage.busDomain().keyword() + " slot " + slot;
    }
}
