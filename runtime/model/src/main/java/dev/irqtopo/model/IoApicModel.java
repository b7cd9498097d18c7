package dev.irqtopo.model;

import java.util.List;
import java.util.Objects;

/**
 * The platform's I/O APIC: its 24 redirection entries (pins 0 to 23) send their interrupts as memory
 * writes tagged with the requester id the DMAR table's device scope gives it, so that the platform's first
 * VT-d unit with remapping on remaps them. Only a Linux host kernel takes anything for it at boot
 * (see {@link KernelProfile}); under {@code design} it is inert.
 *
 * @param requesterId the id its writes carry (QEMU's q35: ff:00.0)
 * @param pins        the legacy pins a driver started, whose entries the kernel makes present, ascending
 */
public record IoApicModel(String name, RequesterId requesterId, List<Integer> pins) {

    /** The number of redirection entries, hence pins: 0 to 23. */
    public static final int PINS = 24;

    public IoApicModel {
        Objects.requireNonNull(name);
        Objects.requireNonNull(requesterId);
        pins = List.copyOf(pins);
        int last = -1;
        for (int pin : pins) {
            if (pin < 0 || pin >= PINS) {
                throw new IllegalArgumentException("ioapic " + name + " has no pin " + pin);
            }
            if (pin <= last) {
                throw new IllegalArgumentException("ioapic " + name + " pins must ascend without repeats: " + pins);
            }
            last = pin;
        }
    }

    /** Whether a driver started {@code pin}. */
    public boolean started(int pin) {
        return pins.contains(pin);
    }
}
