package dev.irqtopo.runtime.diff;

import dev.irqtopo.model.riscv.MsiPte;
import dev.irqtopo.runtime.diff.Subject.Declaration;
import dev.irqtopo.runtime.message.Hex;
import dev.irqtopo.runtime.riscv64.sim.RiscvTablesReport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The RISC-V IOMMUs' device contexts in use as facts, named as {@code tables --json} names them: no line
 * of a design declares one, yet what a guest's function can write is decided there. A context is per
 * device_id, so a function moved behind a bridge, assigned elsewhere, or under another {@code msi} shows
 * here as the context that changed, with its MSI page table.
 */
final class RiscvDeviceContexts {

    private RiscvDeviceContexts() {
    }

    /** Each IOMMU's contexts in IOMMU order, then device_id order; named {@code iommu0 0x000200}. */
    static Map<Declaration, Facts> of(RiscvTablesReport tables) {
        Map<Declaration, Facts> contexts = new LinkedHashMap<>();
        for (RiscvTablesReport.IommuTables iommu : tables.iommus()) {
            for (RiscvTablesReport.Context c : iommu.contexts()) {
                contexts.put(Declaration.of(Part.DEVICE_CONTEXT, iommu.unit() + " 0x" + Hex.of(c.deviceId(), 6)),
                        facts(c));
            }
        }
        return contexts;
    }

    /** Under {@code msiptp.MODE} Off the context has no MSI page table, and its MSI fields mean nothing. */
    private static Facts facts(RiscvTablesReport.Context c) {
        boolean flat = !c.ptes().isEmpty();
        Optional<RiscvTablesReport.Context> table = flat ? Optional.of(c) : Optional.empty();
        return new Facts()
                .word("requester_id", c.requesterId().toString())
                .word("devices", Declarations.joined(c.devices()))
                .word("owner", c.owner())
                .word("msi", c.msi())
                .word("msiptp_mode", flat ? "Flat" : "Off")
                .word("msiptp_ppn", table.map(t -> "0x" + Long.toHexString(t.msiptpPpn())))
                .word("msi_addr_mask", table.map(t -> "0x" + Long.toHexString(t.msiAddrMask())))
                .word("msi_addr_pattern", table.map(t -> "0x" + Long.toHexString(t.msiAddrPattern())))
                .word("msi_ptes", table.map(t -> String.join("; ", t.ptes().stream().map(RiscvDeviceContexts::pte).toList())));
    }

    /** {@code 0: PPN 0x28001}, {@code 1: MRIF_Address 0x000110000200 NPPN 0x28000 NID 3}, {@code 2: V 0}. */
    private static String pte(RiscvTablesReport.Pte p) {
        String fields;
        if (p.v() == 0) {
            fields = "V 0";
        } else if (p.pte() instanceof MsiPte.Basic b) {
            fields = "PPN 0x" + Long.toHexString(b.ppn());
        } else if (p.pte() instanceof MsiPte.Mrif m) {
            fields = "MRIF_Address 0x" + Hex.of(m.address(), 12) + " NPPN 0x" + Long.toHexString(m.noticePpn())
                    + " NID " + m.nid();
        } else {
            fields = "dw0 0x" + Hex.of(p.pte().dw0(), 16) + " dw1 0x" + Hex.of(p.pte().dw1(), 16);
        }
        return p.index() + ": " + fields;
    }
}
