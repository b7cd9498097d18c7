package dev.irqtopo.cli.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irqtopo.runtime.message.Hex;
import dev.irqtopo.runtime.remap.AmdViIrte;
import dev.irqtopo.runtime.remap.Irte;
import dev.irqtopo.runtime.sim.RemapTable;
import dev.irqtopo.runtime.sim.TablesReport;
import java.util.List;

/**
 * The JSON of {@code tables --json}: an array with one object per platform, {@code platform} and
 * {@code iommus}, each {@code name}, {@code kind}, {@code remapping} and its present {@code entries}.
 * A VT-d entry has every field of the IRTE by its specification name in lower case, decoded from the
 * 128 bits, with null for the fields its format (IM) does not have, and {@code raw} as
 * {@code {"high", "low"}}; an AMD-Vi entry has {@code table} (the requester id), its fields, and
 * {@code raw}, its 32 bits (null when its destination needs the 128-bit format). Field values are
 * integers; raw words and the posted descriptor's address are hex strings.
 */
public final class TablesJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TablesJson() {
    }

    public static ArrayNode tables(List<TablesReport> reports) {
        ArrayNode array = NODES.arrayNode();
        for (TablesReport report : reports) {
            ObjectNode platform = array.addObject();
            platform.put("platform", report.platform());
            ArrayNode iommus = platform.putArray("iommus");
            for (RemapTable table : report.iommus()) {
                ObjectNode iommu = iommus.addObject();
                iommu.put("name", table.iommu());
                iommu.put("kind", table.kind().keyword());
                iommu.put("remapping", table.remapping());
                ArrayNode entries = iommu.putArray("entries");
                for (RemapTable.Row row : table.rows()) {
                    entries.add(row instanceof RemapTable.VtdRow vtd ? vtd(vtd) : amdVi((RemapTable.AmdViRow) row));
                }
            }
        }
        return array;
    }

    private static ObjectNode vtd(RemapTable.VtdRow row) {
        Irte irte = row.irte();
        boolean posted = irte.posted();
        ObjectNode node = NODES.objectNode();
        node.put("index", row.index());
        node.put("p", irte.p());
        node.put("fpd", irte.fpd());
        node.put("im", irte.im());
        putRemapped(node, "dm", irte.dm(), posted);
        putRemapped(node, "rh", irte.rh(), posted);
        putRemapped(node, "tm", irte.tm(), posted);
        putRemapped(node, "dlm", irte.dlm(), posted);
        node.put("avail", irte.avail());
        putRemapped(node, "v", irte.vector(), posted);
        if (posted) {
            node.putNull("dst");
        } else {
            node.put("dst", Integer.toUnsignedLong(irte.dst()));
        }
        putPosted(node, "urg", irte.urg(), posted);
        putPosted(node, "vv", irte.vector(), posted);
        putPosted(node, "pda_low", irte.pdaLow(), posted);
        if (posted) {
            node.put("pda_high", Integer.toUnsignedLong(irte.pdaHigh()));
            node.put("pda", "0x" + Hex.of(irte.descriptorAddress(), 16));
        } else {
            node.putNull("pda_high");
            node.putNull("pda");
        }
        node.put("sid", irte.sid());
        node.put("sq", irte.sq());
        node.put("svt", irte.svt());
        ObjectNode raw = node.putObject("raw");
        raw.put("high", "0x" + Hex.of(irte.high(), 16));
        raw.put("low", "0x" + Hex.of(irte.low(), 16));
        return node;
    }

    private static void putRemapped(ObjectNode node, String key, int value, boolean posted) {
        if (posted) {
            node.putNull(key);
        } else {
            node.put(key, value);
        }
    }

    private static void putPosted(ObjectNode node, String key, int value, boolean posted) {
        putRemapped(node, key, value, !posted);
    }

    private static ObjectNode amdVi(RemapTable.AmdViRow row) {
        ObjectNode node = NODES.objectNode();
        node.put("table", row.table().toString());
        node.put("index", row.index());
        if (row.irte().isEmpty()) {
            // no 32-bit form: the entry's own fields, the unmodelled ones unknown
            node.put("remap_en", row.entry().remapEnabled() ? 1 : 0);
            for (String key : List.of("sup_iopf", "int_type", "rq_eoi", "dm", "guest_mode")) {
                node.putNull(key);
            }
            node.put("destination", row.entry().destination());
            node.put("vector", row.entry().vector());
            node.putNull("raw");
            return node;
        }
        AmdViIrte irte = row.irte().get();
        node.put("remap_en", irte.remapEn());
        node.put("sup_iopf", irte.supIopf());
        node.put("int_type", irte.intType());
        node.put("rq_eoi", irte.rqEoi());
        node.put("dm", irte.dm());
        node.put("guest_mode", irte.guestMode());
        node.put("destination", irte.destination());
        node.put("vector", irte.vector());
        node.put("raw", "0x" + Hex.of(irte.raw(), 8));
        return node;
    }
}
