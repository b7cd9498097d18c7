package dev.irqtopo.runtime.riscv64;

import dev.irqtopo.model.StorageKind;
import dev.irqtopo.runtime.message.Errno;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One stack after boot: the kernel that built it, its chain, whether the VMM traps a guest's storage,
 * the device's MSI translation word ({@link DeviceTranslation#word}), the errno if allocation failed
 * (nothing taken then), the interrupts in slot order and, for a trapped guest storage the host backs,
 * the host vector behind each slot.
 */
public record RiscvStackResult(String kernel, String device, StorageKind storage, List<String> chain, boolean trapped,
                               String msi, Optional<Errno> errno, List<RiscvVector> interrupts,
                               Map<Integer, RiscvVector> backing) {

    public RiscvStackResult {
        Objects.requireNonNull(kernel);
        Objects.requireNonNull(device);
        Objects.requireNonNull(storage);
        chain = List.copyOf(chain);
        Objects.requireNonNull(msi);
        Objects.requireNonNull(errno);
        interrupts = List.copyOf(interrupts);
        backing = Map.copyOf(backing);
        if (errno.isPresent() && !interrupts.isEmpty()) {
            throw new IllegalArgumentException("a failed stack has taken nothing");
        }
    }

    public boolean isHost() {
        return kernel.equals(RiscvPlatform.HOST);
    }

    public Optional<RiscvVector> backing(int slot) {
        return Optional.ofNullable(backing.get(slot));
    }
}
