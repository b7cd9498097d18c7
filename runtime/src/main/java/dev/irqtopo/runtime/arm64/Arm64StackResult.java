package dev.irqtopo.runtime.arm64;

import dev.irqtopo.model.StorageKind;
import dev.irqtopo.runtime.message.Errno;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What booting did with one stack: the interrupts it allocated in slot order, or the errno with
 * nothing taken; for a guest's stack whose storage is trapped, the host interrupt behind each slot.
 *
 * @param kernel   {@code host} or the guest's name
 * @param chain    the chain as written
 * @param unit     the ITS or GICv2m frame the stack allocates through ({@code its}: a guest's vITS)
 * @param deviceId the DeviceID the device presents to that ITS (a guest's: on its vITS); empty for a frame
 * @param trapped  a guest's stack whose storage the VMM traps
 * @param backing  by slot, the host interrupt that backs a trapped guest vector
 */
public record Arm64StackResult(String kernel, String device, StorageKind storage, List<String> chain, String unit,
                               OptionalLong deviceId, boolean trapped, Optional<Errno> errno, List<ArmVector> interrupts,
                               Map<Integer, HostBacking> backing) {

    public Arm64StackResult {
        Objects.requireNonNull(kernel);
        Objects.requireNonNull(device);
        Objects.requireNonNull(storage);
        chain = List.copyOf(chain);
        Objects.requireNonNull(unit);
        Objects.requireNonNull(deviceId);
        Objects.requireNonNull(errno);
        interrupts = List.copyOf(interrupts);
        backing = Map.copyOf(backing);
        if (errno.isPresent() && !interrupts.isEmpty()) {
            throw new IllegalArgumentException("a failed stack has no interrupts");
        }
    }

    public boolean isHost() {
        return kernel.equals(Arm64Platform.HOST);
    }

    public Optional<HostBacking> backing(int slot) {
        return Optional.ofNullable(backing.get(slot));
    }
}
