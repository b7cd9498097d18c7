package dev.irqtopo.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * For each owner {@code 0..owners-1}, the lowest message (by address, then data, both unsigned, as
 * {@link Message#compareTo} orders them) offered so far. Kept as plain numbers, so that condensing
 * thousands of destinations builds no message objects.
 */
final class LowestMessages {

    private final long[] address;
    private final int[] data;
    private final boolean[] reached;

    LowestMessages(int owners) {
        this.address = new long[owners];
        this.data = new int[owners];
        this.reached = new boolean[owners];
    }

    /** Keeps {@code (address, data)} for {@code owner} if it is the first or the lowest so far. */
    void offer(int owner, long address, int data) {
        if (!reached[owner] || isLower(address, data, this.address[owner], this.data[owner])) {
            reached[owner] = true;
            this.address[owner] = address;
            this.data[owner] = data;
        }
    }

    /** Offers every owner's message of {@code other}. */
    void offerAll(LowestMessages other) {
        for (int owner = 0; owner < reached.length; owner++) {
            if (other.reached[owner]) {
                offer(owner, other.address[owner], other.data[owner]);
            }
        }
    }

    /** One element per owner: its lowest message, or empty when nothing was offered for it. */
    List<Optional<Message>> toList() {
        List<Optional<Message>> lowest = new ArrayList<>(reached.length);
        for (int owner = 0; owner < reached.length; owner++) {
            lowest.add(reached[owner] ? Optional.of(Message.of(address[owner], data[owner])) : Optional.empty());
        }
        return lowest;
    }

    /** Whether {@code (address, data)} orders before {@code (otherAddress, otherData)}. */
    static boolean isLower(long address, int data, long otherAddress, int otherData) {
        int byAddress = Long.compareUnsigned(address, otherAddress);
        return byAddress < 0 || byAddress == 0 && Integer.compareUnsigned(data, otherData) < 0;
    }
}
