package dev.irqtopo.runtime.stack;

import dev.irqtopo.model.StackPlan;
import dev.irqtopo.runtime.hypervisor.Forward;
import dev.irqtopo.runtime.hypervisor.Hypervisor;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.vector.VectorDomain;

import java.util.ArrayList;
import java.util.List;

/**
 * The guest's hypercall domain (as Hyper-V's vPCI driver composes): once the guest's vector domain has
 * given each interrupt a vCPU and guest vector, one hypercall asks the hypervisor to allocate on the
 * host for the whole unit, and the guest composes what it returns, or fails with the host's errno.
 */
final class HypercallLevel implements Domain {

    private final Hypervisor hypervisor;
    /** The guest's vector domain, where the host's interrupts deliver. */
    private final VectorDomain<Interrupt> guest;
    private final HostSide host;

    HypercallLevel(Hypervisor hypervisor, VectorDomain<Interrupt> guest, HostSide host) {
        this.hypervisor = hypervisor;
        this.guest = guest;
        this.host = host;
    }

    @Override
    public StackPlan.Composer composer() {
        return StackPlan.Composer.HYPERCALL;
    }

    @Override
    public Errno alloc(List<Interrupt> unit) {
        if (unit.size() == 1) {
            Interrupt irq = unit.get(0);
            return host.serve(unit, List.of(hypervisor.hypercall(guest, irq.cpu(), irq.vector())));
        }
        List<Forward> targets = new ArrayList<>(unit.size());
        for (Interrupt irq : unit) {
            targets.add(hypervisor.hypercall(guest, irq.cpu(), irq.vector()));
        }
        return host.serve(unit, targets);
    }

    @Override
    public void free(List<Interrupt> unit) {
        host.release(unit);
    }

    /** The returned message, with the message number added to data for message {@code i} of a block. */
    @Override
    public Message compose(List<Interrupt> unit, int i) {
        return hypervisor.returned(unit.get(0).host.composed(), i);
    }
}
