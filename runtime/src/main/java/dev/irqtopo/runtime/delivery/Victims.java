package dev.irqtopo.runtime.delivery;

import dev.irqtopo.runtime.vector.VectorDomain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whose interrupt a delivery hits, as a number: 0 for the host, then the guests in the order given.
 * The kernel whose handler ran owns a delivery (an injected or posted guest vector is that guest's);
 * everything else that reaches a host CPU is the host's: a vector nobody owns, an illegal vector, a
 * special delivery mode. Faults, memory writes and messages no CPU receives hit nobody. A multicast
 * hits whom each of its CPUs' deliveries hits.
 */
public final class Victims {

    /** The number of the host. */
    public static final int HOST = 0;
    /** What {@link #of} returns for a delivery that hits nobody. */
    public static final int NOBODY = -1;

    private static final int[] NONE = new int[0];

    private final List<String> kernels;
    private final Map<String, Integer> numbers = new HashMap<>();
    /** Per victim, the one-element answer of {@link #all}, made once. */
    private final int[][] single;

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
        single = new int[this.kernels.size()][];
        for (int i = 0; i < single.length; i++) {
            single[i] = new int[] {i};
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
     * Every victim {@code delivery} hits, in increasing order, none when it hits nobody: one, or for a
     * multicast those of its CPUs' deliveries; a broadcast as {@link #of}.
     */
    public int[] all(Delivery delivery) {
        if (delivery instanceof Delivery.Multicast multicast) {
            boolean[] hit = new boolean[kernels.size()];
            int count = 0;
            for (Delivery each : multicast.deliveries()) {
                int victim = of(each);
                if (victim != NOBODY && !hit[victim]) {
                    hit[victim] = true;
                    count++;
                }
            }
            int[] victims = new int[count];
            for (int v = 0, i = 0; v < hit.length; v++) {
                if (hit[v]) {
                    victims[i++] = v;
                }
            }
            return victims;
        }
        int victim = of(delivery);
        return victim == NOBODY ? NONE : single[victim];
    }

    /**
     * Whose interrupt {@code delivery} hits; for a broadcast, the host (the guests whose forwarded
     * vectors it also hits are found per CPU, by the caller that routes it); for a multicast, the
     * lowest-numbered of those {@link #all} gives.
     */
    public int of(Delivery delivery) {
        if (delivery instanceof Delivery.Multicast) {
            int[] victims = all(delivery);
            return victims.length == 0 ? NOBODY : victims[0];
        }
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
