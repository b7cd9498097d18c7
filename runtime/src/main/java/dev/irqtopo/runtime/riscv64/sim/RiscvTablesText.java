package dev.irqtopo.runtime.riscv64.sim;

import dev.irqtopo.model.riscv.MsiPte;
import dev.irqtopo.runtime.message.Hex;
import dev.irqtopo.runtime.text.TextTable;
import java.util.List;

/**
 * {@code irqtopo tables} on riscv64 platforms for people: per RISC-V IOMMU its device contexts in use
 * (device_id, msiptp, msi_addr_mask, msi_addr_pattern) and each MSI page table entry with the fields the
 * RISC-V IOMMU specification names (V, M, PPN; MRIF Address, NPPN, NID); then each interrupt file's
 * identities taken.
 */
public final class RiscvTablesText {

    private RiscvTablesText() {
    }

    public static String render(List<RiscvTablesReport> reports) {
        StringBuilder out = new StringBuilder();
        for (RiscvTablesReport report : reports) {
            out.append("platform ").append(report.platform()).append(" (riscv64)\n");
            if (report.iommus().isEmpty()) {
                out.append("  no IOMMU: every write goes to the physical address it names\n");
            }
            report.iommus().forEach(i -> iommu(i, out));
            out.append("  interrupt files: identities taken\n");
            TextTable files = new TextTable().row("file", "owner", "identity", "taken by", "for");
            for (RiscvTablesReport.FileIdentities file : report.files()) {
                for (RiscvTablesReport.Identity id : file.identities()) {
                    files.row(file.file().word(), file.owner(), Integer.toString(id.identity()), id.owner(), id.use());
                }
            }
            files.appendTo(out, "    ");
        }
        return out.toString();
    }

    private static void iommu(RiscvTablesReport.IommuTables iommu, StringBuilder out) {
        int n = iommu.contexts().size();
        out.append("  ").append(iommu.unit()).append(": RISC-V IOMMU, ").append(n)
                .append(n == 1 ? " device context in use\n" : " device contexts in use\n");
        if (n == 0) {
            return;
        }
        TextTable table = new TextTable().row("device_id", "requester id", "functions", "owner", "MSI", "msiptp.PPN",
                "msi_addr_mask", "msi_addr_pattern");
        for (RiscvTablesReport.Context c : iommu.contexts()) {
            boolean translates = !c.ptes().isEmpty();
            table.row("0x" + Hex.of(c.deviceId(), 6), c.requesterId().toString(), String.join(", ", c.devices()),
                    c.owner(), c.msi(), translates ? "0x" + Long.toHexString(c.msiptpPpn()) : "-",
                    translates ? "0x" + Long.toHexString(c.msiAddrMask()) : "-",
                    translates ? "0x" + Long.toHexString(c.msiAddrPattern()) : "-");
        }
        table.appendTo(out, "    ");
        for (RiscvTablesReport.Context c : iommu.contexts()) {
            if (c.ptes().isEmpty()) {
                continue;
            }
            out.append("    MSI page table of device_id 0x").append(Hex.of(c.deviceId(), 6)).append(" (msiptp.MODE Flat, ")
                    .append(c.ptes().size()).append(c.ptes().size() == 1 ? " entry)\n" : " entries)\n");
            TextTable ptes = new TextTable().row("index", "V", "M", "PPN", "MRIF Address", "NPPN", "NID");
            for (RiscvTablesReport.Pte p : c.ptes()) {
                ptes.row(fields(p));
            }
            ptes.appendTo(out, "      ");
        }
    }

    private static String[] fields(RiscvTablesReport.Pte p) {
        String index = Long.toString(p.index());
        String v = Integer.toString(p.v());
        if (p.v() == 0) {
            return new String[] {index, v, "-", "-", "-", "-", "-"};
        }
        String m = p.m() + " (" + p.mode() + ")";
        if (p.pte() instanceof MsiPte.Basic b) {
            return new String[] {index, v, m, "0x" + Long.toHexString(b.ppn()), "-", "-", "-"};
        }
        if (p.pte() instanceof MsiPte.Mrif r) {
            return new String[] {index, v, m, "-", "0x" + Hex.of(r.address(), 12), "0x" + Long.toHexString(r.noticePpn()),
                Integer.toString(r.nid())};
        }
        return new String[] {index, v, m, "dw0 0x" + Hex.of(p.pte().dw0(), 16), "dw1 0x" + Hex.of(p.pte().dw1(), 16), "-", "-"};
    }
}
