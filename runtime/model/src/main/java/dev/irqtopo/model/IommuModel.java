package dev.irqtopo.model;

import java.util.List;
import java.util.Objects;

/**
 * An IOMMU's interrupt-remapping unit.
 *
 * @param entries       table size: for vtd the one global table, for amdvi each requester id's table
 * @param sourceCheck   vtd source validation (amdvi: always {@link SourceCheck#FULL}, as its tables are per requester id)
 * @param compatAllowed vtd: whether compatibility-format messages pass while remapping is on
 * @param posted        vtd: entries for guest interrupts post to the vCPU directly
 * @param covers        the buses whose devices' messages pass through this unit, resolved (a sole IOMMU
 *                      without {@code covers} covers every bus)
 */
public record IommuModel(
        String name,
        IommuKind kind,
        boolean remapping,
        int entries,
        SourceCheck sourceCheck,
        boolean compatAllowed,
        boolean posted,
        List<String> covers) {

    public static final int VTD_MAX_ENTRIES = 65536;
    public static final int AMDVI_MAX_ENTRIES = 2048;

    public IommuModel {
        Objects.requireNonNull(name);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(sourceCheck);
        covers = List.copyOf(covers);
        int max = kind == IommuKind.VTD ? VTD_MAX_ENTRIES : AMDVI_MAX_ENTRIES;
        if (entries < 1 || entries > max || Integer.bitCount(entries) != 1) {
            throw new IllegalArgumentException(kind.keyword() + " entries " + entries + " not a power of two in 1.." + max);
        }
    }

    public boolean covers(String bus) {
        return covers.contains(bus);
    }
}
