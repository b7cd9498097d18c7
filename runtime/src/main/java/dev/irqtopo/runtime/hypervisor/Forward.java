package dev.irqtopo.runtime.hypervisor;

import dev.irqtopo.runtime.remap.PostedTarget;
import dev.irqtopo.runtime.vector.VectorDomain;

import java.util.Objects;

/**
 * Where a host interrupt made for a guest delivers: a vCPU and vector of the guest's vector domain.
 * The host's handler injects it (VFIO's eventfd into KVM), or, when the remap domain posts, the entry
 * posts to it directly and the host vector stays allocated, unused.
 *
 * @param guest the guest's vector domain, whose owner of {@code (vcpu, vector)} the injection reaches
 */
public record Forward(VectorDomain<?> guest, int vcpu, int vector) {

    public Forward {
        Objects.requireNonNull(guest);
    }

    /** The guest's name. */
    public String guestName() {
        return guest.kernel();
    }

    /** The same target as a posted VT-d entry names it. */
    public PostedTarget posted() {
        return new PostedTarget(guest.kernel(), vcpu, vector);
    }
}
