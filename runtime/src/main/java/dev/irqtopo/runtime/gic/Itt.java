package dev.irqtopo.runtime.gic;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One device's interrupt translation table inside the ITS: the EventID range MAPD gave it
 * (2^{@code eventIdBits} events) and the entries MAPTI has written.
 */
public final class Itt {

    private final int eventIdBits;
    private final TreeMap<Long, Ite> entries = new TreeMap<>();

    Itt(int eventIdBits) {
        this.eventIdBits = eventIdBits;
    }

    public int eventIdBits() {
        return eventIdBits;
    }

    /** Whether {@code eventId} lies in the range MAPD gave the table. */
    public boolean covers(long eventId) {
        return eventId >= 0 && eventId >>> eventIdBits == 0;
    }

    /** The present entries by EventID, in EventID order. */
    public SortedMap<Long, Ite> entries() {
        return Collections.unmodifiableSortedMap(entries);
    }

    Ite get(long eventId) {
        return entries.get(eventId);
    }

    void put(long eventId, Ite ite) {
        entries.put(eventId, ite);
    }

    Ite remove(long eventId) {
        return entries.remove(eventId);
    }
}
