package dev.irqtopo.runtime.stack;

import dev.irqtopo.runtime.hypervisor.Forward;
import dev.irqtopo.runtime.message.Errno;

import java.util.ArrayList;
import java.util.List;

/**
 * What the host allocates for a guest's interrupts (semantics section 5): one host interrupt each,
 * through the host's own chain for the physical device, as a host stack for it would, whose handler
 * forwards to the guest (or whose entry posts to it). The compose hypercall and trap-and-translate
 * both come here.
 */
final class HostSide {

    private final String host;
    /** The host's chain for the device: its vector domain, then the remap domain covering the device. */
    private final Chain chain;

    HostSide(String host, Chain chain) {
        this.host = host;
        this.chain = chain;
    }

    /**
     * Allocates and composes on the host for {@code guests}, interrupt {@code i} delivering to
     * {@code targets.get(i)}, and links each guest interrupt to its host one. All or nothing: on failure
     * nothing stays taken and the host's errno is returned (EOPNOTSUPP when the host's kernel would not
     * create its own bus domain for the device).
     */
    Errno serve(List<Interrupt> guests, List<Forward> targets) {
        if (!chain.plan().created()) {
            // the host's kernel has no bus domain of this kind for the device: as its own stack, it refuses
            return Errno.EOPNOTSUPP;
        }
        List<Interrupt> served;
        if (guests.size() == 1) {
            served = List.of(Interrupt.serving(host, guests.get(0), targets.get(0)));
        } else {
            served = new ArrayList<>(guests.size());
            for (int i = 0; i < guests.size(); i++) {
                served.add(Interrupt.serving(host, guests.get(i), targets.get(i)));
            }
        }
        Errno failure = chain.alloc(served);
        if (failure != null) {
            return failure;
        }
        chain.compose(served);
        for (int i = 0; i < guests.size(); i++) {
            guests.get(i).host = served.get(i);
        }
        return null;
    }

    /** Frees the host interrupts {@link #serve} made for {@code guests}. */
    void release(List<Interrupt> guests) {
        if (guests.size() == 1) {
            chain.free(List.of(guests.get(0).host));
            return;
        }
        List<Interrupt> served = new ArrayList<>(guests.size());
        for (Interrupt guest : guests) {
            served.add(guest.host);
        }
        chain.free(served);
    }
}
