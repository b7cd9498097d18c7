package dev.irqtopo.runtime.riscv64;

import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.StorageModel;
import dev.irqtopo.runtime.message.Message;
import java.util.Objects;
import java.util.Optional;

/**
 * One storage of a device on a booted riscv64 platform, as {@code Arm64Storage} is on arm64: its slots,
 * what each holds (the message the device emits when it fires) and firing one. Generated code hands it
 * out; it keeps no state of its own.
 *
 * @param size the declared number of slots
 */
public record RiscvStorage(RiscvPlatform platform, String device, StorageKind kind, int size) {

    public RiscvStorage {
        Objects.requireNonNull(platform);
        Objects.requireNonNull(device);
        Objects.requireNonNull(kind);
    }

    /** The storage {@code kind} of {@code device}, sized as declared. */
    public static RiscvStorage of(RiscvPlatform platform, String device, StorageKind kind) {
        StorageModel storage = platform.device(device).storage(kind).orElseThrow(
                () -> new IllegalArgumentException("device " + device + " has no " + kind.keyword() + " storage"));
        return new RiscvStorage(platform, device, kind, storage.size());
    }

    /** The booted stack of {@code kernel} over {@code device}'s storage {@code kind}, if it declared one. */
    public static Optional<RiscvStackResult> stack(RiscvPlatform platform, String kernel, String device, StorageKind kind) {
        return platform.stacks().stream()
                .filter(s -> s.kernel().equals(kernel) && s.device().equals(device) && s.storage() == kind)
                .findFirst();
    }

    /** What slot {@code slot} holds: empty when no stack wrote it. */
    public Optional<Message> stored(int slot) {
        check(slot);
        return platform.stored(device, kind, slot);
    }

    /**
     * The device emits what slot {@code slot} holds; a storage no stack was declared over sends nothing.
     * A device belongs to one kernel, so at most one booted stack covers the storage.
     */
    public RiscvOutcome fire(int slot) {
        check(slot);
        return platform.stacks().stream().filter(s -> s.device().equals(device) && s.storage() == kind).findFirst()
                .map(s -> platform.fire(s, slot))
                .orElseGet(() -> new RiscvOutcome.NotSentAtAll(NotSent.NEVER_WRITTEN));
    }

    private void check(int slot) {
        if (slot < 0 || slot >= size) {
            throw new IndexOutOfBoundsException("slot " + slot + " of " + device + "." + kind.keyword() + " (" + size + " slots)");
        }
    }
}
