package dev.irqtopo.runtime.arm64;

import dev.irqtopo.model.StorageKind;
import dev.irqtopo.runtime.message.Message;
import java.util.Objects;
import java.util.Optional;

/**
 * One storage of a device on a booted arm64 platform: its slots, what each holds (the message the
 * device emits when it fires) and firing one.
 *
 * @param size the declared number of slots
 */
public record Arm64Storage(Arm64Platform platform, String device, StorageKind kind, int size) {

    public Arm64Storage {
        Objects.requireNonNull(platform);
        Objects.requireNonNull(device);
        Objects.requireNonNull(kind);
    }

    /** What slot {@code slot} holds: empty when no stack wrote it. */
    public Optional<Message> stored(int slot) {
        check(slot);
        return platform.stored(device, kind, slot);
    }

    /** The device emits what slot {@code slot} holds. */
    public Arm64Outcome fire(int slot) {
        check(slot);
        return platform.fire(device, kind, slot);
    }

    private void check(int slot) {
        if (slot < 0 || slot >= size) {
            throw new IndexOutOfBoundsException("slot " + slot + " of " + device + "." + kind.keyword() + " (" + size + " slots)");
        }
    }
}
