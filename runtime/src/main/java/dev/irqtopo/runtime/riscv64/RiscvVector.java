package dev.irqtopo.runtime.riscv64;

import dev.irqtopo.model.riscv.InterruptFile;
import dev.irqtopo.runtime.message.Message;
import java.util.Objects;

/**
 * One interrupt a kernel allocated: its irq, the CPU (a host hart, or a guest's vCPU), the interrupt
 * file the identity lives in (a host hart's supervisor-level file, or the guest file backing the vCPU)
 * and the message its IMSIC domain composed (for a guest, the guest-physical page of its vCPU's file).
 */
public record RiscvVector(int slot, int virq, int cpu, InterruptFile file, int identity, Message composed) {

    public RiscvVector {
        Objects.requireNonNull(file);
        Objects.requireNonNull(composed);
        if (slot < 0 || virq < 1 || cpu < 0 || identity < 1) {
            throw new IllegalArgumentException("vector slot " + slot + " virq " + virq + " cpu " + cpu + " identity " + identity);
        }
    }
}
