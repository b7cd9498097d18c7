package dev.irqtopo.runtime.sim;

import dev.irqtopo.model.GuestModel;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.runtime.Platform;
import dev.irqtopo.runtime.RemapTableEntry;
import dev.irqtopo.runtime.remap.AmdViIrte;
import dev.irqtopo.runtime.remap.AmdViRemapEntry;
import dev.irqtopo.runtime.remap.PostedDescriptors;
import dev.irqtopo.runtime.remap.VtdRemapEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Boots a platform as {@link Simulation} does (every stack allocates) and reads every present entry of
 * its remapping units' tables, with the bits the hardware reads for each. Posted entries point at
 * descriptors laid out as {@link PostedDescriptors} says.
 */
public final class Tables {

    private Tables() {
    }

    /**
     * The tables of every IOMMU of {@code model}, or only of {@code iommu}.
     *
     * @throws IllegalArgumentException when {@code iommu} names no IOMMU of the platform
     */
    public static TablesReport run(PlatformModel model, Optional<String> iommu) {
        if (iommu.isPresent() && model.iommu(iommu.get()).isEmpty()) {
            throw new IllegalArgumentException("no IOMMU " + iommu.get() + " on platform " + model.name());
        }
        Platform platform = Platform.create(model);
        platform.boot();
        PostedDescriptors descriptors = PostedDescriptors.of(model.guests().stream().map(GuestModel::name).toList());
        List<RemapTable> tables = new ArrayList<>();
        for (IommuModel unit : model.iommus()) {
            if (iommu.isPresent() && !iommu.get().equals(unit.name())) {
                continue;
            }
            List<RemapTable.Row> rows = new ArrayList<>();
            for (RemapTableEntry present : platform.hardware().remapEntries(unit.name())) {
                rows.add(row(present, descriptors));
            }
            tables.add(new RemapTable(unit.name(), unit.kind(), unit.entries(), model.cpu().apic(), unit.remapping(), rows));
        }
        return new TablesReport(model.name(), tables);
    }

    private static RemapTable.Row row(RemapTableEntry present, PostedDescriptors descriptors) {
        if (present.entry() instanceof VtdRemapEntry vtd) {
            return new RemapTable.VtdRow(present.index(), vtd, vtd.irte(descriptors));
        }
        AmdViRemapEntry amd = (AmdViRemapEntry) present.entry();
        return new RemapTable.AmdViRow(present.table().orElseThrow(), present.index(), amd,
                AmdViIrte.fits(amd) ? Optional.of(AmdViIrte.of(amd)) : Optional.empty());
    }
}
