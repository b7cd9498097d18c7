package dev.irqtopo.runtime.remap;

import dev.irqtopo.runtime.message.Message;

import java.util.Arrays;

/**
 * What one device's messages reach, per victim: the lowest message (by address, then data, both
 * unsigned, as {@link Message#compareTo} orders them) and how it got past the remapping unit. Kept as
 * plain numbers, so that condensing thousands of destinations builds no message objects; the victims
 * reached are listed apart, so that reading them costs what was reached rather than the number of
 * victims (one per guest, and a large platform has many guests).
 */
public final class ReachedVictims {

    private final long[] address;
    private final int[] data;
    private final Passage[] passage;
    /** The victims reached, in the order first reached. */
    private int[] reached;
    private int reachedCount;

    public ReachedVictims(int victims) {
        address = new long[victims];
        data = new int[victims];
        passage = new Passage[victims];
        reached = new int[Math.min(victims, 8)];
    }

    /** Keeps {@code (address, data)} for {@code victim} if it is the first or the lowest so far. */
    public void offer(int victim, long address, int data, Passage passage) {
        if (this.passage[victim] == null) {
            if (reachedCount == reached.length) {
                reached = Arrays.copyOf(reached, Math.max(8, reachedCount * 2));
            }
            reached[reachedCount++] = victim;
        }
        if (this.passage[victim] == null || isLower(address, data, this.address[victim], this.data[victim])) {
            this.address[victim] = address;
            this.data[victim] = data;
            this.passage[victim] = passage;
        }
    }

    /** The victims reached, in increasing order. */
    public int[] reached() {
        int[] sorted = Arrays.copyOf(reached, reachedCount);
        Arrays.sort(sorted);
        return sorted;
    }

    public Message message(int victim) {
        return Message.of(address[victim], data[victim]);
    }

    public Passage passage(int victim) {
        return passage[victim];
    }

    /** Whether {@code (address, data)} orders before {@code (otherAddress, otherData)}. */
    static boolean isLower(long address, int data, long otherAddress, int otherData) {
        return Message.compare(address, data, otherAddress, otherData) < 0;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        for (int v = 0; v < passage.length; v++) {
            if (passage[v] != null) {
                out.append(out.length() > 1 ? ", " : "").append(v).append('=').append(message(v)).append(' ').append(passage[v]);
            }
        }
        return out.append('}').toString();
    }
}
