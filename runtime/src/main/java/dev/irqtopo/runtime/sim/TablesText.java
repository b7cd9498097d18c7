package dev.irqtopo.runtime.sim;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.IommuKind;
import dev.irqtopo.runtime.message.Hex;
import dev.irqtopo.runtime.remap.AmdViIrte;
import dev.irqtopo.runtime.remap.Irte;
import dev.irqtopo.runtime.text.TextTable;
import java.util.List;

/**
 * {@code tables} for people: per IOMMU a header line, then one aligned row per present entry with each
 * field as the VT-d or AMD IOMMU specification names it, decoded from the bits the hardware reads, and
 * those bits: a VT-d entry's two 64-bit words, high then low, an AMD-Vi entry's 32 bits. A field the
 * entry's format does not have reads {@code -}; one-bit fields read 0 or 1, multi-bit codes in binary.
 */
public final class TablesText {

    private static final String NONE = "-";

    private TablesText() {
    }

    public static String render(List<TablesReport> reports) {
        StringBuilder out = new StringBuilder();
        for (TablesReport report : reports) {
            out.append("platform ").append(report.platform()).append('\n');
            if (report.iommus().isEmpty()) {
                out.append("  no IOMMU\n");
            }
            for (RemapTable table : report.iommus()) {
                out.append("  ").append(header(table)).append('\n');
                if (table.rows().isEmpty()) {
                    continue;
                }
                TextTable text = table.kind() == IommuKind.VTD ? vtd(table) : amdVi(table);
                text.appendTo(out, "    ");
            }
        }
        return out.toString();
    }

    /**
     * {@code dmar0: vtd, 22 present entries of 65536; x2APIC mode (EIME 1): DST holds the 32-bit destination}, or
     * {@code ivhd0: amdvi, 3 present entries, 512 in each requester id's table}.
     */
    private static String header(RemapTable table) {
        StringBuilder line = new StringBuilder(table.iommu()).append(": ").append(table.kind().keyword());
        if (!table.remapping()) {
            return line.append(", remapping off: no table").toString();
        }
        int n = table.rows().size();
        line.append(", ").append(n).append(n == 1 ? " present entry" : " present entries");
        if (table.kind() == IommuKind.VTD) {
            return line.append(" of ").append(table.entries()).append("; ")
                    .append(table.apicMode() == ApicMode.X2APIC ? "x2APIC mode (EIME 1): DST holds the 32-bit destination"
                            : "xAPIC mode (EIME 0): DST holds the 8-bit destination in bits 15:8")
                    .toString();
        }
        return line.append(", ").append(table.entries()).append(" in each requester id's table").toString();
    }

    private static TextTable vtd(RemapTable table) {
        TextTable text = new TextTable().row("index", "P", "FPD", "IM", "DM", "RH", "TM", "DLM", "AVAIL", "V", "DST",
                "URG", "VV", "PDA", "SID", "SQ", "SVT", "IRTE_high", "IRTE_low");
        for (RemapTable.Row row : table.rows()) {
            Irte irte = ((RemapTable.VtdRow) row).irte();
            boolean posted = irte.posted();
            text.row(
                    Integer.toString(row.index()),
                    Integer.toString(irte.p()),
                    Integer.toString(irte.fpd()),
                    Integer.toString(irte.im()),
                    posted ? NONE : Integer.toString(irte.dm()),
                    posted ? NONE : Integer.toString(irte.rh()),
                    posted ? NONE : Integer.toString(irte.tm()),
                    posted ? NONE : binary(irte.dlm(), 3),
                    "0x" + Integer.toHexString(irte.avail()),
                    posted ? NONE : hex(irte.vector(), 2),
                    posted ? NONE : hex(irte.dst(), 8),
                    posted ? Integer.toString(irte.urg()) : NONE,
                    posted ? hex(irte.vector(), 2) : NONE,
                    posted ? "0x" + Hex.of(irte.descriptorAddress(), 16) : NONE,
                    hex(irte.sid(), 4),
                    binary(irte.sq(), 2),
                    binary(irte.svt(), 2),
                    "0x" + Hex.of(irte.high(), 16),
                    "0x" + Hex.of(irte.low(), 16));
        }
        return text;
    }

    private static TextTable amdVi(RemapTable table) {
        TextTable text = new TextTable().row("table", "index", "RemapEn", "SupIOPF", "IntType", "RqEoi", "DM", "GuestMode",
                "Destination", "Vector", "IRTE");
        for (RemapTable.Row row : table.rows()) {
            RemapTable.AmdViRow amd = (RemapTable.AmdViRow) row;
            if (amd.irte().isEmpty()) {
                text.row(amd.table().toString(), Integer.toString(row.index()), amd.entry().remapEnabled() ? "1" : "0",
                        NONE, NONE, NONE, NONE, NONE, "0x" + Integer.toHexString(amd.entry().destination()),
                        hex(amd.entry().vector(), 2), "- (the destination needs the 128-bit format)");
                continue;
            }
            AmdViIrte irte = amd.irte().get();
            text.row(
                    amd.table().toString(),
                    Integer.toString(row.index()),
                    Integer.toString(irte.remapEn()),
                    Integer.toString(irte.supIopf()),
                    binary(irte.intType(), 3),
                    Integer.toString(irte.rqEoi()),
                    Integer.toString(irte.dm()),
                    Integer.toString(irte.guestMode()),
                    hex(irte.destination(), 2),
                    hex(irte.vector(), 2),
                    hex(irte.raw(), 8));
        }
        return text;
    }

    private static String hex(int value, int digits) {
        return "0x" + Hex.of(value, digits);
    }

    private static String binary(int value, int digits) {
        String bits = Integer.toBinaryString(value);
        return "0".repeat(Math.max(0, digits - bits.length())) + bits;
    }
}
