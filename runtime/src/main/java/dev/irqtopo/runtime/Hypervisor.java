package dev.irqtopo.runtime;

import dev.irqtopo.model.HypervisorModel;

import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.remap.PostedTarget;
import dev.irqtopo.runtime.remap.RemapDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hypervisor under the guests: it traps and translates guest stores into the storages it traps,
 * and serves the compose hypercall. Either way it allocates on the host for the physical device as a
 * host stack would, plus a host irq number: the host's forwarding handler, which injects the guest
 * vector (VFIO's eventfd handler plays that part in Linux).
 */
final class Hypervisor {

    private final HypervisorModel model;
    private final Kernel host;

    Hypervisor(HypervisorModel model, Kernel host) {
        this.model = model;
        this.host = host;
    }

    HypervisorModel model() {
        return model;
    }

    /**
     * A guest's store of {@code message} into a storage the hypervisor traps: decode the guest's
     * compatibility message (destination to vCPU, with address bits 11:5 as destination bits 14:8 when
     * the hypervisor offers {@code ext_dest_id}; data to the guest vector), allocate on the host, and
     * write the host's message into the real slot. A message naming no vCPU, or a host allocation that
     * fails, is dropped: the real slot stays masked and the guest is not told.
     */
    void trapStore(Irq guestIrq, Message message, Journal journal) {
        int vcpu = message.destination(model.extDestId());
        if (!message.isInterrupt() || vcpu >= guestIrq.kernel.cpus()) {
            return;
        }
        Journal hostSide = new Journal();
        Irq hostIrq = Irq.forwarding(host, guestIrq, vcpu, message.vector());
        if (allocateOnHost(hostIrq, hostSide) != null) {
            hostSide.rollback();
            return;
        }
        guestIrq.remapIndex = hostIrq.remapIndex;
        guestIrq.storage.write(guestIrq.slot, hostIrq.composed, hostSide);
        journal.append(hostSide);
    }

    /**
     * The compose hypercall for a guest interrupt that already has its vCPU and guest vector: the host
     * allocates, and the guest gets the host's message back to store, or the host's errno.
     */
    Errno composeByHypercall(Irq guestIrq, Journal journal) {
        Irq hostIrq = Irq.forwarding(host, guestIrq, guestIrq.cpu, guestIrq.vector);
        Errno failure = allocateOnHost(hostIrq, journal);
        if (failure != null) {
            return failure;
        }
        guestIrq.remapIndex = hostIrq.remapIndex;
        guestIrq.composed = hostIrq.composed;
        return null;
    }

    /**
     * The compose hypercall for a multi-message MSI block whose guest interrupts have their vCPUs and
     * guest vectors: the host takes a vector per message, then one entry block (only remapping makes a
     * block of unrelated vectors possible, so without it the host answers ENOSPC), and each guest
     * interrupt gets the returned message with its message number added to data.
     */
    Errno composeBlockByHypercall(List<Irq> guestIrqs, Journal journal) {
        Device device = guestIrqs.get(0).device;
        RemapDomain remap = device.remap;
        if (remap == null) {
            return Errno.ENOSPC;
        }
        List<Irq> hostIrqs = new ArrayList<>(guestIrqs.size());
        for (Irq guestIrq : guestIrqs) {
            Irq hostIrq = Irq.forwarding(host, guestIrq, guestIrq.cpu, guestIrq.vector);
            Errno failure = host.allocateVector(hostIrq, host.vectors.allCpus(), journal);
            if (failure != null) {
                return failure;
            }
            hostIrqs.add(hostIrq);
        }
        int count = guestIrqs.size();
        int base = remap.allocate(device.model, count);
        if (base < 0) {
            return remap.exhausted();
        }
        journal.record(() -> remap.free(device.model, base, count));
        Message returned = remap.compose(base, 0);
        for (int i = 0; i < hostIrqs.size(); i++) {
            Irq hostIrq = hostIrqs.get(i);
            remap.program(device.model, base + i, hostIrq.vector, host.apicId(hostIrq.cpu), posted(remap, hostIrq));
            hostIrq.remapIndex = base + i;
            hostIrq.composed = remap.compose(base, i);
            Irq guestIrq = guestIrqs.get(i);
            guestIrq.remapIndex = base + i;
            guestIrq.composed = returned.withData(returned.data() + i);
        }
        return null;
    }

    private static Optional<PostedTarget> posted(RemapDomain remap, Irq hostIrq) {
        return remap != null && remap.posts()
                ? Optional.of(new PostedTarget(hostIrq.injects.name(), hostIrq.injectCpu, hostIrq.injectVector))
                : Optional.empty();
    }

    private Errno allocateOnHost(Irq hostIrq, Journal journal) {
        RemapDomain remap = hostIrq.device.remap;
        return HostChain.allocate(hostIrq, remap, posted(remap, hostIrq), journal);
    }
}
