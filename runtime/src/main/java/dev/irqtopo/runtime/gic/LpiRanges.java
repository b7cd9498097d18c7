package dev.irqtopo.runtime.gic;

import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Result;
import java.util.ArrayList;
import java.util.List;

/**
 * Linux's LPI allocator, shared by every ITS of the system (irq-gic-v3-its.c, v6.1 and v6.12 alike): a
 * list of free ranges kept in INTID order. {@link #allocRange} takes from the front of the first range
 * large enough ({@code alloc_lpi_range}); {@link #alloc} retries with half as many until one fits
 * ({@code its_lpi_alloc}), so a device may get fewer LPIs than it asked for; {@link #free} puts a range
 * back and merges it with its neighbours ({@code free_lpi_range}).
 */
public final class LpiRanges {

    /** The first LPI INTID: 0..8191 are SGIs, PPIs, SPIs and reserved ids. */
    public static final int FIRST_LPI = 8192;
    /**
     * Linux sizes its LPI property table for at most 16 ID bits ({@code ITS_MAX_LPI_NRBITS}), whatever
     * more the distributor offers.
     */
    public static final int LINUX_MAX_ID_BITS = 16;

    private final List<LpiBlock> free = new ArrayList<>();
    private final int count;

    /** {@code count} LPIs from 8192, all free (as {@code its_lpi_init} frees the whole range). */
    public LpiRanges(int count) {
        if (count < 1 || (long) FIRST_LPI + count > 1L << 32) {
            throw new IllegalArgumentException("LPI count " + count);
        }
        this.count = count;
        free.add(new LpiBlock(FIRST_LPI, count));
    }

    /**
     * The LPIs Linux uses for a distributor with {@code idBits} interrupt ID bits (GICD_TYPER.IDbits + 1):
     * 2^min(idBits, 16) − 8192 ({@code its_setup_lpi_prop_table}, {@code its_lpi_init}). A hypervisor that
     * restricts GICD_TYPER.num_LPIs is {@link #LpiRanges(int)} with that count.
     */
    public static LpiRanges forIdBits(int idBits) {
        if (idBits < 14 || idBits > 32) {
            throw new IllegalArgumentException("ID bits " + idBits + " leave no LPIs");
        }
        return new LpiRanges((1 << Math.min(idBits, LINUX_MAX_ID_BITS)) - FIRST_LPI);
    }

    /** How many LPIs the allocator manages. */
    public int count() {
        return count;
    }

    /** One past the last LPI INTID the allocator manages. */
    public long limit() {
        return (long) FIRST_LPI + count;
    }

    /** {@code alloc_lpi_range}: exactly {@code n} LPIs from the front of the first free range that holds them. */
    public Result<LpiBlock> allocRange(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("LPI count " + n);
        }
        for (int i = 0; i < free.size(); i++) {
            LpiBlock range = free.get(i);
            if (range.count() >= n) {
                if (range.count() == n) {
                    free.remove(i);
                } else {
                    free.set(i, new LpiBlock(range.base() + n, range.count() - n));
                }
                return Result.ok(new LpiBlock(range.base(), n));
            }
        }
        return Result.failed(Errno.ENOSPC);
    }

    /**
     * {@code its_lpi_alloc}: {@code nrIrqs}, else half of it, and so on down to one; ENOSPC when not even
     * one LPI is free, or when asked for none (the kernel's loop then ends with zero and reports ENOSPC).
     */
    public Result<LpiBlock> alloc(int nrIrqs) {
        if (nrIrqs < 0) {
            throw new IllegalArgumentException("LPI count " + nrIrqs);
        }
        for (int n = nrIrqs; n > 0; n /= 2) {
            Result<LpiBlock> block = allocRange(n);
            if (block.isOk()) {
                return block;
            }
        }
        return Result.failed(Errno.ENOSPC);
    }

    /**
     * {@code free_lpi_range}: inserts the block after the last free range below it and merges it with
     * the range before and the one after when they touch. The kernel trusts its caller; here a block
     * that overlaps a free range or lies outside the allocator is a programmer error.
     */
    public void free(LpiBlock block) {
        if (block.end() > limit()) {
            throw new IllegalArgumentException(block + " beyond the LPI limit " + limit());
        }
        int at = 0;
        while (at < free.size() && free.get(at).base() < block.base()) {
            at++;
        }
        if (at > 0 && free.get(at - 1).end() > block.base() || at < free.size() && block.end() > free.get(at).base()) {
            throw new IllegalStateException(block + " overlaps a free LPI range");
        }
        LpiBlock merged = block;
        if (at < free.size() && merged.end() == free.get(at).base()) {
            merged = new LpiBlock(merged.base(), merged.count() + free.remove(at).count());
        }
        if (at > 0 && free.get(at - 1).end() == merged.base()) {
            LpiBlock before = free.remove(--at);
            merged = new LpiBlock(before.base(), before.count() + merged.count());
        }
        free.add(at, merged);
    }

    /** The free ranges in INTID order, each maximal. */
    public List<LpiBlock> freeRanges() {
        return List.copyOf(free);
    }

    /** How many LPIs are free. */
    public int freeCount() {
        return free.stream().mapToInt(LpiBlock::count).sum();
    }
}
