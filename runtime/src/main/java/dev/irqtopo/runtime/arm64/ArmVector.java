package dev.irqtopo.runtime.arm64;

import dev.irqtopo.model.arm.Mpidr;
import dev.irqtopo.runtime.message.Message;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One interrupt a kernel (the host, or a guest on its virtual ITS) allocated for one storage slot.
 *
 * @param virq  the kernel's irq number, numbered from 1 in allocation order per kernel (a real boot
 *              hands out lower numbers to SGIs, PPIs and the timers first, which are not modelled)
 * @param cpu   the kernel's CPU (a guest's vCPU) the interrupt targets: an LPI's collection, an
 *              SPI's route
 * @param mpidr that CPU's affinity
 */
public record ArmVector(int slot, int virq, int cpu, Mpidr mpidr, Taken taken) {

    public ArmVector {
        Objects.requireNonNull(mpidr);
        Objects.requireNonNull(taken);
    }

    public int intid() {
        return taken.interrupt().intid();
    }

    /** {@code lpi} or {@code spi}. */
    public String kind() {
        return taken.interrupt().kind();
    }

    public String unit() {
        return taken.unit();
    }

    public OptionalLong deviceId() {
        return taken.deviceId();
    }

    public OptionalLong eventId() {
        return taken.eventId();
    }

    public Message composed() {
        return taken.composed();
    }
}
