package dev.irqtopo.cli.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irqtopo.runtime.arm64.sim.Arm64TablesReport;
import dev.irqtopo.runtime.message.Hex;
import java.util.List;

/**
 * The JSON of {@code tables --json} for an arm64 platform: per ITS its device table as MAPD wrote it
 * ({@code DeviceID}, {@code Size}), each ITT as MAPTI wrote it ({@code EventID}, {@code pINTID},
 * {@code ICID}) and its collection table as MAPC wrote it ({@code ICID}, {@code RDbase}); per GICv2m
 * frame its SPI range and the SPIs allocated. Field names are the GIC architecture's command fields.
 */
public final class Arm64TablesJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Arm64TablesJson() {
    }

    public static ArrayNode tables(List<Arm64TablesReport> reports) {
        ArrayNode array = NODES.arrayNode();
        for (Arm64TablesReport report : reports) {
            ObjectNode platform = array.addObject();
            platform.put("platform", report.platform());
            platform.put("architecture", "arm64");
            ArrayNode its = platform.putArray("its");
            report.its().forEach(t -> its.add(its(t)));
            ArrayNode v2m = platform.putArray("v2m");
            for (Arm64TablesReport.V2mSpis frame : report.v2m()) {
                ObjectNode node = v2m.addObject();
                node.put("frame", frame.frame());
                node.put("doorbell", "0x" + Hex.of(frame.doorbell(), 16));
                node.put("spi_base", frame.spiBase());
                node.put("spis", frame.spis());
                ArrayNode allocated = node.putArray("allocated");
                frame.allocated().forEach(allocated::add);
            }
        }
        return array;
    }

    private static ObjectNode its(Arm64TablesReport.ItsTables its) {
        ObjectNode node = NODES.objectNode();
        node.put("kernel", its.kernel());
        node.put("unit", its.unit());
        node.put("enabled", its.enabled());
        node.put("device_id_bits", its.deviceIdBits());
        node.put("event_id_bits", its.eventIdBits());
        ArrayNode devices = node.putArray("device_table");
        for (Arm64TablesReport.DeviceEntry d : its.devices()) {
            ObjectNode device = devices.addObject();
            device.put("DeviceID", d.deviceId());
            device.put("Size", d.size());
            device.put("event_ids", d.eventIds());
            ArrayNode itt = device.putArray("itt");
            for (Arm64TablesReport.Translation t : d.itt()) {
                ObjectNode entry = itt.addObject();
                entry.put("EventID", t.eventId());
                entry.put("pINTID", t.pintid());
                entry.put("ICID", t.icid());
            }
        }
        ArrayNode collections = node.putArray("collections");
        for (Arm64TablesReport.Collection c : its.collections()) {
            ObjectNode collection = collections.addObject();
            collection.put("ICID", c.icid());
            collection.put("RDbase", c.rdbase());
            collection.put("mpidr", c.mpidr().toString());
        }
        return node;
    }
}
