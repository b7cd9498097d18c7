package dev.irqtopo.runtime.sim;

import dev.irqtopo.runtime.message.Message;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One interrupt the host took at boot, before any device probed (under a Linux profile): a remapping
 * unit's fault event or a started I/O APIC pin.
 *
 * @param source     {@code dmar0 fault event}, {@code ioapic0 pin 4}
 * @param virq       the host's irq number: a fault event's from 24, a pin's its legacy irq
 * @param remapIndex the pin's remap entry; empty for a fault event, which is not remapped
 * @param composed   the fault event's compatibility-format message; for a pin, its redirection entry's
 *                   write in remappable format (the handle, SHV 0, the pin as data)
 */
public record BootInterrupt(String source, int virq, int cpu, int apicId, int vector, OptionalInt remapIndex,
                            Message composed) {

    public BootInterrupt {
        Objects.requireNonNull(source);
        Objects.requireNonNull(remapIndex);
        Objects.requireNonNull(composed);
    }
}
