package dev.irqtopo.importer.acpi.ivrs;

import dev.irqtopo.importer.acpi.AcpiHeader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The I/O Virtualization Reporting Structure (48882, 5.2.1).
 *
 * @param ivInfo the IVinfo field: bit 0 EFRSup, the address sizes above
 */
public record IvrsTable(AcpiHeader header, long ivInfo, List<IvrsBlock> blocks) {

    public IvrsTable {
        blocks = List.copyOf(blocks);
    }

    public List<Ivhd> ivhds() {
        return blocks.stream().filter(Ivhd.class::isInstance).map(Ivhd.class::cast).toList();
    }

    /**
     * One IVHD per IOMMU: of the blocks that describe the same IOMMU (segment, device id, base address),
     * the one of the highest type, as Linux chooses it; in table order.
     */
    public List<Ivhd> iommus() {
        Map<String, Ivhd> chosen = new LinkedHashMap<>();
        for (Ivhd ivhd : ivhds()) {
            String key = ivhd.segment() + ":" + ivhd.deviceId() + ":" + ivhd.baseAddress();
            chosen.merge(key, ivhd, (a, b) -> b.type() > a.type() ? b : a);
        }
        List<Ivhd> iommus = new ArrayList<>(chosen.values());
        iommus.sort(Comparator.comparingInt(Ivhd::offset));
        return iommus;
    }
}
