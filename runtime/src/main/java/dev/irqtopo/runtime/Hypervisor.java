package dev.irqtopo.runtime;

import dev.irqtopo.model.HypervisorModel;
import dev.irqtopo.model.StorageKind;

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

    boolean traps(StorageKind storage) {
        return model.traps(storage);
    }

    /**
     * A guest's store of {@code message} into a storage the hypervisor traps: decode the guest's
     * compatibility message (destination to vCPU, with address bits 11:5 as destination bits 14:8 when
     * the hypervisor offers {@code ext_dest_id}; data to the guest vector), allocate on the host, and
     * write the host's message into the real slot. A message naming no vCPU, or a host allocation that
     * fails, is dropped: the real slot stays masked and the guest is not told.
     */
    void trapStore(Irq guestIrq, Message message, Journal journal) {
        int vcpu = message.destination() | (model.extDestId() ? message.extendedDestination() << 8 : 0);
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

    private Errno allocateOnHost(Irq hostIrq, Journal journal) {
        RemapDomain remap = hostIrq.device.remap;
        Optional<PostedTarget> posted = remap != null && remap.posts()
                ? Optional.of(new PostedTarget(hostIrq.injects.name(), hostIrq.injectCpu, hostIrq.injectVector))
                : Optional.empty();
        return HostChain.allocate(hostIrq, remap, posted, journal);
    }
}
