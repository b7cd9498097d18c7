package dev.irqtopo.runtime.hypervisor;

import dev.irqtopo.runtime.remap.PostedTarget;

import java.util.Objects;

/**
 * Where a host interrupt made for a guest delivers: the guest's vCPU and guest vector. The host's
 * handler injects it (VFIO's eventfd into KVM), or, when the remap domain posts, the entry posts to it
 * directly and the host vector stays allocated, unused.
 */
public record Forward(String guest, int vcpu, int vector) {

    public Forward {
        Objects.requireNonNull(guest);
    }

    /** The same target as a posted VT-d entry names it. */
    public PostedTarget posted() {
        return new PostedTarget(guest, vcpu, vector);
    }
}
