package dev.irqtopo.runtime.stack;

import dev.irqtopo.model.StackPlan;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.vector.CpuSet;
import dev.irqtopo.runtime.vector.VectorAllocation;
import dev.irqtopo.runtime.vector.VectorDomain;

import java.util.List;

/** The kernel's vector domain as the root of a chain: a CPU, vector and irq number per interrupt. */
final class VectorLevel implements Domain {

    private final VectorDomain<Interrupt> domain;
    /**
     * The CPUs to choose from: all of them, unless the kernel composes compatibility format itself,
     * when CPUs whose APIC ID that format cannot carry are left out.
     */
    private final CpuSet affinity;

    VectorLevel(VectorDomain<Interrupt> domain, StackPlan plan) {
        this.domain = domain;
        this.affinity = plan.compatibilityDestinationsOnly() ? domain.compatibilityCpus() : domain.allCpus();
    }

    @Override
    public StackPlan.Composer composer() {
        return StackPlan.Composer.VECTOR_DOMAIN;
    }

    /** One vector per interrupt in slot order, each by the matrix rule; ENOSPC when the affinity has none left. */
    @Override
    public Errno alloc(List<Interrupt> unit) {
        for (Interrupt irq : unit) {
            VectorAllocation allocation = domain.allocate(affinity, irq);
            if (allocation == null) {
                free(unit);
                return domain.exhausted();
            }
            irq.vector = allocation;
        }
        return null;
    }

    @Override
    public void free(List<Interrupt> unit) {
        for (int i = unit.size() - 1; i >= 0; i--) {
            VectorAllocation allocation = unit.get(i).vector;
            if (allocation != null) {
                domain.free(allocation);
            }
        }
    }

    /** The compatibility format for the interrupt's CPU and vector. */
    @Override
    public Message compose(List<Interrupt> unit, int i) {
        return domain.compose(unit.get(i).vector);
    }
}
