package dev.irqtopo.runtime.remap;

import dev.irqtopo.model.RequesterId;

import java.util.HashMap;
import java.util.Map;

/**
 * The entries of one source-validation bucket condensed per victim: the lowest message selecting an
 * entry that lands on the victim, and the requester id that entry was allocated for, which decides
 * whether a device reaching it shares that requester id. A table filled device by device lands on a
 * few victims per bucket, so a device asks a handful of these rather than walking every entry.
 */
final class EntryLowest {

    private static final class Lowest {
        long address;
        int data;
        RequesterId boundTo;

        Lowest(long address, int data, RequesterId boundTo) {
            this.address = address;
            this.data = data;
            this.boundTo = boundTo;
        }
    }

    private final Map<Integer, Lowest> byVictim = new HashMap<>(4);

    /** An entry allocated for {@code boundTo}, landing on {@code victim}, selected at lowest by {@code (address, data)}. */
    void offer(int victim, long address, int data, RequesterId boundTo) {
        Lowest lowest = byVictim.get(victim);
        if (lowest == null) {
            byVictim.put(victim, new Lowest(address, data, boundTo));
        } else if (ReachedVictims.isLower(address, data, lowest.address, lowest.data)) {
            lowest.address = address;
            lowest.data = data;
            lowest.boundTo = boundTo;
        }
    }

    /**
     * Offers every victim to {@code into} as reached by a request carrying {@code requester}, which
     * the bucket's validation accepts: through its own requester id's entry, or {@code otherwise}.
     */
    void offerTo(RequesterId requester, ReachedVictims into, Passage otherwise) {
        byVictim.forEach((victim, lowest) -> into.offer(victim, lowest.address, lowest.data,
                lowest.boundTo.equals(requester) ? Passage.SAME_REQUESTER_ID : otherwise));
    }
}
