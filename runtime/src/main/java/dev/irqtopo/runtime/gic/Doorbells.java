package dev.irqtopo.runtime.gic;

import dev.irqtopo.model.arm.ItsModel;
import dev.irqtopo.model.arm.V2mFrameModel;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The addresses a sender can write: every address (no SMMU translates its writes, or one that maps
 * every doorbell), or only a given set (an SMMU that maps just the doorbell page of its own MSI
 * controller, as Linux's {@code iommu_dma_prepare_msi} does for a device's own ITS or frame).
 */
public record Doorbells(Optional<Set<Long>> only) {

    public Doorbells {
        only = only.map(s -> Set.copyOf(new TreeSet<>(s)));
    }

    public static Doorbells all() {
        return new Doorbells(Optional.empty());
    }

    public static Doorbells only(Set<Long> addresses) {
        return new Doorbells(Optional.of(addresses));
    }

    /** Only the GITS_TRANSLATER of {@code its}. */
    public static Doorbells onlyOf(ItsModel its) {
        return only(Set.of(its.doorbell()));
    }

    /** Only the MSI_SETSPI_NS of {@code frame}. */
    public static Doorbells onlyOf(V2mFrameModel frame) {
        return only(Set.of(frame.doorbell()));
    }

    public boolean permits(long address) {
        return only.map(s -> s.contains(address)).orElse(true);
    }
}
