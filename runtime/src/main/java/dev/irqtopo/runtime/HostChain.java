package dev.irqtopo.runtime;

import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.remap.PostedTarget;
import dev.irqtopo.runtime.remap.RemapDomain;
import dev.irqtopo.runtime.vector.VectorAllocation;

import java.util.Optional;

/**
 * The Alloc and Compose steps of one host interrupt below the bus domain: the host's vector domain,
 * then the remap domain if there is one. Host stacks use it, and so does the hypervisor when it
 * allocates on the host for a guest, "as a host stack for that device would".
 */
final class HostChain {

    private HostChain() {
    }

    /**
     * Allocates a vector (leaving out CPUs a compatibility message cannot reach when there is no
     * remapping), then one remap entry filled for that vector, posted to {@code posted} when given,
     * and composes the message into {@code irq.composed}.
     *
     * @return null on success, else the errno of the level that failed
     */
    static Errno allocate(Irq irq, RemapDomain remap, Optional<PostedTarget> posted, Journal journal) {
        Kernel host = irq.kernel;
        Errno failure = host.allocateVector(irq, remap == null ? host.vectors.compatibilityCpus() : host.vectors.allCpus(), journal);
        if (failure != null) {
            return failure;
        }
        if (remap == null) {
            irq.composed = host.vectors.compose(new VectorAllocation(irq.cpu, irq.vector, irq.virq));
            return null;
        }
        int index = remap.allocate(irq.device.model, 1);
        if (index < 0) {
            return remap.exhausted();
        }
        journal.record(() -> remap.free(irq.device.model, index, 1));
        remap.program(irq.device.model, index, irq.vector, host.apicId(irq.cpu), posted);
        irq.remapIndex = index;
        irq.composed = remap.compose(index, 0);
        return null;
    }
}
