package dev.irqtopo.runtime.delivery;

import dev.irqtopo.runtime.vector.VectorDomain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whose interrupt a delivery hits, as a number: 0 for the host, then the guests in the order given.
 * The kernel whose handler ran owns a delivery (an injected or posted guest vector is that guest's);
 * everything else that reaches a host CPU is the host's: a vector nobody owns, an illegal vector, a
 * special delivery mode. Faults, memory writes and messages no CPU receives hit nobody.
 */
public final class Victims {

    /** The number of the host. */
    public static final int HOST = 0;
    /** What {@link #of} returns for a delivery that hits nobody. */
    public static final int NOBODY = -1;

    private final List<String> kernels;
    private final Map<String, Integer> numbers = new HashMap<>();

    /** {@code kernels}: the host first, then the guests in report order. */
    public Victims(List<String> kernels) {
        if (kernels.isEmpty() || !kernels.get(0).equals(VectorDomain.HOST)) {
            throw new IllegalArgumentException("the host comes first: " + kernels);
        }
        this.kernels = List.copyOf(kernels);
        for (int i = 0; i < this.kernels.size(); i++) {
            if (numbers.put(this.kernels.get(i), i) != null) {
                throw new IllegalArgumentException("kernel " + this.kernels.get(i) + " named twice");
            }
        }
    }

    public int count() {
        return kernels.size();
    }

    public String name(int victim) {
        return kernels.get(victim);
    }

    /** The number of the kernel named {@code kernel}. */
    public int number(String kernel) {
        Integer n = numbers.get(kernel);
        if (n == null) {
            throw new IllegalArgumentException("no kernel " + kernel);
        }
        return n;
    }

    /**
     * Whose interrupt {@code delivery} hits; for a broadcast, the host (the guests whose forwarded
     * vectors it also hits are found per CPU, by the caller that routes it).
     */
    public int of(Delivery delivery) {
        if (delivery instanceof Delivery.Delivered delivered) {
            return number(delivered.kernel());
        }
        if (delivery instanceof Delivery.Special || delivery instanceof Delivery.Broadcast) {
            return HOST;
        }
        if (delivery instanceof Delivery.Spurious spurious) {
            return spurious.cpu().isPresent() ? HOST : NOBODY;
        }
        return NOBODY;
    }
}
