package dev.irqtopo.runtime.arm64;

import dev.irqtopo.model.StorageKind;
import java.util.Objects;

/** Who takes an interrupt in one kernel: the stack slot the kernel allocated it for, and its irq number. */
public record Handler(String kernel, String device, StorageKind storage, int slot, int virq) {

    public Handler {
        Objects.requireNonNull(kernel);
        Objects.requireNonNull(device);
        Objects.requireNonNull(storage);
    }
}
