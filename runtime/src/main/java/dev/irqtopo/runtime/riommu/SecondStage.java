package dev.irqtopo.runtime.riommu;

import java.util.Set;
import java.util.TreeSet;

/**
 * Which physical pages a device's writes that are not MSIs reach through the second stage. The model
 * has no G-stage page tables: a permitted page is reached at the same address (identity mapping, as
 * a hypervisor maps what it lets a guest's device write), any other write faults in the second stage.
 * {@link #all()} is a device with no translation at all.
 */
public final class SecondStage {

    private final Set<Long> pages;

    private SecondStage(Set<Long> pages) {
        this.pages = pages;
    }

    /** Every address reached as it is. */
    public static SecondStage all() {
        return new SecondStage(null);
    }

    /** Nothing reached but MSI pages. */
    public static SecondStage none() {
        return new SecondStage(Set.of());
    }

    /** Exactly the pages containing {@code addresses}. */
    public static SecondStage only(Set<Long> addresses) {
        Set<Long> pages = new TreeSet<>();
        addresses.forEach(a -> pages.add(a & -4096L));
        return new SecondStage(Set.copyOf(pages));
    }

    public boolean permits(long address) {
        return pages == null || pages.contains(address & -4096L);
    }

    @Override
    public String toString() {
        return pages == null ? "all" : "pages " + new TreeSet<>(pages);
    }
}
