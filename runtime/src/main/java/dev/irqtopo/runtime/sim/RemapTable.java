package dev.irqtopo.runtime.sim;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.IommuKind;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.runtime.remap.AmdViIrte;
import dev.irqtopo.runtime.remap.AmdViRemapEntry;
import dev.irqtopo.runtime.remap.Irte;
import dev.irqtopo.runtime.remap.VtdRemapEntry;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One IOMMU's interrupt remapping tables after boot: every present entry with the bits the hardware
 * reads for it, by index (AMD-Vi: by requester id, then index).
 *
 * @param entries   each table's size
 * @param apicMode  the platform's: whether VT-d runs in x2APIC mode (EIME = 1), which says how DST reads
 * @param remapping false for a unit whose remapping is off, which has no table
 */
public record RemapTable(String iommu, IommuKind kind, int entries, ApicMode apicMode, boolean remapping, List<Row> rows) {

    public RemapTable {
        Objects.requireNonNull(iommu);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(apicMode);
        rows = List.copyOf(rows);
    }

    /** A present entry. */
    public sealed interface Row permits VtdRow, AmdViRow {
        int index();
    }

    /** A VT-d entry and its 128 bits. */
    public record VtdRow(int index, VtdRemapEntry entry, Irte irte) implements Row {
        public VtdRow {
            Objects.requireNonNull(entry);
            Objects.requireNonNull(irte);
        }
    }

    /**
     * An AMD-Vi entry of {@code table}'s table and its 32 bits, which exist only when its destination
     * fits the 8-bit field (a higher APIC ID needs the 128-bit format, not modelled).
     */
    public record AmdViRow(RequesterId table, int index, AmdViRemapEntry entry, Optional<AmdViIrte> irte) implements Row {
        public AmdViRow {
            Objects.requireNonNull(table);
            Objects.requireNonNull(entry);
            Objects.requireNonNull(irte);
        }
    }
}
