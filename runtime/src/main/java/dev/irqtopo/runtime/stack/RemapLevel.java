package dev.irqtopo.runtime.stack;

import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.StackPlan;
import dev.irqtopo.runtime.hypervisor.Forward;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.remap.EntryIndex;
import dev.irqtopo.runtime.remap.PostedTarget;
import dev.irqtopo.runtime.remap.RemapDomain;
import dev.irqtopo.runtime.vector.VectorDomain;

import java.util.List;
import java.util.Optional;

/**
 * The host's remap domain for one device as a level of its chain: one block of entries per unit,
 * filled from the vectors below (naming the CPU as the host's vector domain does), posted for a guest's
 * interrupt when the unit posts.
 */
final class RemapLevel implements Domain {

    private final RemapDomain domain;
    private final DeviceModel device;
    /** The host's vector domain, whose destination ids (APIC IDs, or logical ids) the entries name. */
    private final VectorDomain<Interrupt> cpus;

    RemapLevel(RemapDomain domain, DeviceModel device, VectorDomain<Interrupt> cpus) {
        this.domain = domain;
        this.device = device;
        this.cpus = cpus;
    }

    @Override
    public StackPlan.Composer composer() {
        return StackPlan.Composer.REMAP_DOMAIN;
    }

    @Override
    public Errno alloc(List<Interrupt> unit) {
        int base = domain.allocate(device, unit.size());
        if (base < 0) {
            return domain.exhausted();
        }
        for (int i = 0; i < unit.size(); i++) {
            Interrupt irq = unit.get(i);
            Forward forward = irq.forward();
            Optional<PostedTarget> posted = forward != null && domain.posts() ? Optional.of(forward.posted()) : Optional.empty();
            domain.program(device, base + i, irq.vector(), cpus.destinationId(irq.cpu()), cpus.destinationMode().logical(),
                    posted);
            irq.entry = new EntryIndex(base, i);
        }
        return null;
    }

    @Override
    public void free(List<Interrupt> unit) {
        domain.free(device, unit.get(0).entry.base(), unit.size());
    }

    /** The message that selects the interrupt's entry: the block's base and its message number. */
    @Override
    public Message compose(List<Interrupt> unit, int i) {
        EntryIndex entry = unit.get(i).entry;
        return domain.compose(entry.base(), entry.offset());
    }
}
