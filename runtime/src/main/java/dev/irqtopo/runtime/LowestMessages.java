package dev.irqtopo.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * For each owner {@code 0..owners-1}, the lowest message (by address, then data, both unsigned, as
 * {@link Message#compareTo} orders them) offered so far. Kept as plain numbers, so that condensing
 * thousands of destinations builds no message objects; and only for the owners reached, so that the
 * messages of one device cost what it reaches, not the number of owners (one per guest, and a large
 * platform has thousands of guests).
 */
final class LowestMessages {

    /** An owner's lowest message so far. */
    private static final class Lowest {
        long address;
        int data;

        Lowest(long address, int data) {
            this.address = address;
            this.data = data;
        }
    }

    private final int owners;
    private final Map<Integer, Lowest> byOwner = new HashMap<>();

    LowestMessages(int owners) {
        if (owners < 0) {
            throw new IllegalArgumentException("owners " + owners);
        }
        this.owners = owners;
    }

    /** Keeps {@code (address, data)} for {@code owner} if it is the first or the lowest so far. */
    void offer(int owner, long address, int data) {
        if (owner < 0 || owner >= owners) {
            throw new IndexOutOfBoundsException("owner " + owner + " outside 0.." + (owners - 1));
        }
        Lowest lowest = byOwner.get(owner);
        if (lowest == null) {
            byOwner.put(owner, new Lowest(address, data));
        } else if (isLower(address, data, lowest.address, lowest.data)) {
            lowest.address = address;
            lowest.data = data;
        }
    }

    /** Offers every owner's message of {@code other}. */
    void offerAll(LowestMessages other) {
        other.byOwner.forEach((owner, lowest) -> offer(owner, lowest.address, lowest.data));
    }

    /** One element per owner: its lowest message, or empty when nothing was offered for it. */
    List<Optional<Message>> toList() {
        List<Optional<Message>> lowest = new ArrayList<>(owners);
        for (int owner = 0; owner < owners; owner++) {
            Lowest l = byOwner.get(owner);
            lowest.add(l == null ? Optional.empty() : Optional.of(Message.of(l.address, l.data)));
        }
        return lowest;
    }

    /** The owners reached, in increasing order, each with its lowest message. */
    SortedMap<Integer, Message> toMap() {
        SortedMap<Integer, Message> lowest = new TreeMap<>();
        byOwner.forEach((owner, l) -> lowest.put(owner, Message.of(l.address, l.data)));
        return lowest;
    }

    /** Whether {@code (address, data)} orders before {@code (otherAddress, otherData)}. */
    static boolean isLower(long address, int data, long otherAddress, int otherData) {
        int byAddress = Long.compareUnsigned(address, otherAddress);
        return byAddress < 0 || byAddress == 0 && Integer.compareUnsigned(data, otherData) < 0;
    }
}
