package dev.irqtopo.runtime;

import dev.irqtopo.model.RequesterId;

import java.util.Arrays;

/**
 * What the present entries of one remapping table deliver to, condensed: entries added in index
 * order that accept the same requesters and land on the same owner join one run, which keeps only
 * the lowest message selecting any of them. Which owners a requester reaches then costs one
 * source-validation check per run rather than per entry: a table filled device by device has about
 * one run per device.
 */
final class EntryRuns implements RemapDomain.EntryReach {

    /** Per run, an entry whose source validation stands for all of the run's; null where the table itself decides (AMD-Vi). */
    private VtdRemapEntry[] validation = new VtdRemapEntry[8];
    private int[] owner = new int[8];
    private long[] address = new long[8];
    private int[] data = new int[8];
    private int runs;

    /**
     * Adds an entry that lands on {@code owner} and is selected at lowest by {@code (address, data)};
     * {@code validation} is the entry itself for VT-d, whose source validation decides who may use it,
     * and null for a table every request reaching it may use.
     */
    void add(VtdRemapEntry validation, int owner, long address, int data) {
        int last = runs - 1;
        if (last >= 0 && this.owner[last] == owner && sameValidation(this.validation[last], validation)) {
            if (LowestMessages.isLower(address, data, this.address[last], this.data[last])) {
                this.address[last] = address;
                this.data[last] = data;
            }
            return;
        }
        if (runs == this.owner.length) {
            int capacity = runs * 2;
            this.validation = Arrays.copyOf(this.validation, capacity);
            this.owner = Arrays.copyOf(this.owner, capacity);
            this.address = Arrays.copyOf(this.address, capacity);
            this.data = Arrays.copyOf(this.data, capacity);
        }
        this.validation[runs] = validation;
        this.owner[runs] = owner;
        this.address[runs] = address;
        this.data[runs] = data;
        runs++;
    }

    /** Offers to {@code lowest} each run that a request carrying {@code requester} may use. */
    @Override
    public void offerTo(RequesterId requester, LowestMessages lowest) {
        for (int run = 0; run < runs; run++) {
            if (validation[run] == null || validation[run].accepts(requester)) {
                lowest.offer(owner[run], address[run], data[run]);
            }
        }
    }

    private static boolean sameValidation(VtdRemapEntry a, VtdRemapEntry b) {
        return a == null ? b == null : b != null && a.acceptsAlike(b);
    }
}
