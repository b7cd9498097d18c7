package dev.irqtopo.cli.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irqtopo.model.riscv.MsiPte;
import dev.irqtopo.runtime.message.Hex;
import dev.irqtopo.runtime.riscv64.sim.RiscvTablesReport;
import java.util.List;

/**
 * The JSON of {@code tables --json} for a riscv64 platform: per RISC-V IOMMU its device contexts in use
 * ({@code device_id}, {@code msiptp}, {@code msi_addr_mask}, {@code msi_addr_pattern}) and their MSI page
 * tables ({@code V}, {@code M}, {@code PPN}; {@code MRIF_Address}, {@code NPPN}, {@code NID}), then each
 * interrupt file's identities taken. Field names are the RISC-V IOMMU specification's.
 */
public final class RiscvTablesJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RiscvTablesJson() {
    }

    public static ArrayNode tables(List<RiscvTablesReport> reports) {
        ArrayNode array = NODES.arrayNode();
        for (RiscvTablesReport report : reports) {
            ObjectNode platform = array.addObject();
            platform.put("platform", report.platform());
            platform.put("architecture", "riscv64");
            ArrayNode iommus = platform.putArray("iommus");
            for (RiscvTablesReport.IommuTables iommu : report.iommus()) {
                ObjectNode node = iommus.addObject();
                node.put("unit", iommu.unit());
                ArrayNode contexts = node.putArray("device_contexts");
                iommu.contexts().forEach(c -> contexts.add(context(c)));
            }
            ArrayNode files = platform.putArray("files");
            for (RiscvTablesReport.FileIdentities file : report.files()) {
                ObjectNode node = files.addObject();
                node.put("file", file.file().word());
                node.put("owner", file.owner());
                ArrayNode taken = node.putArray("identities");
                for (RiscvTablesReport.Identity id : file.identities()) {
                    ObjectNode entry = taken.addObject();
                    entry.put("identity", id.identity());
                    entry.put("taken_by", id.owner());
                    entry.put("for", id.use());
                }
            }
        }
        return array;
    }

    private static ObjectNode context(RiscvTablesReport.Context c) {
        ObjectNode node = NODES.objectNode();
        node.put("device_id", "0x" + Hex.of(c.deviceId(), 6));
        node.put("requester_id", c.requesterId().toString());
        ArrayNode devices = node.putArray("devices");
        c.devices().forEach(devices::add);
        node.put("owner", c.owner());
        node.put("msi", c.msi());
        boolean translates = !c.ptes().isEmpty();
        node.put("msiptp_mode", translates ? "Flat" : "Off");
        node.put("msiptp_ppn", "0x" + Long.toHexString(c.msiptpPpn()));
        node.put("msi_addr_mask", "0x" + Long.toHexString(c.msiAddrMask()));
        node.put("msi_addr_pattern", "0x" + Long.toHexString(c.msiAddrPattern()));
        ArrayNode ptes = node.putArray("msi_ptes");
        for (RiscvTablesReport.Pte p : c.ptes()) {
            ObjectNode pte = ptes.addObject();
            pte.put("index", p.index());
            pte.put("V", p.v());
            if (p.v() == 0) {
                continue;
            }
            pte.put("M", p.m());
            pte.put("mode", p.mode());
            if (p.pte() instanceof MsiPte.Basic b) {
                pte.put("PPN", "0x" + Long.toHexString(b.ppn()));
            } else if (p.pte() instanceof MsiPte.Mrif r) {
                pte.put("MRIF_Address", "0x" + Hex.of(r.address(), 12));
                pte.put("NPPN", "0x" + Long.toHexString(r.noticePpn()));
                pte.put("NID", r.nid());
            } else {
                pte.put("dw0", "0x" + Hex.of(p.pte().dw0(), 16));
                pte.put("dw1", "0x" + Hex.of(p.pte().dw1(), 16));
            }
        }
        return node;
    }
}
