package dev.irqtopo.runtime.arm64.sim;

import dev.irqtopo.runtime.arm64.Arm64Platform;
import dev.irqtopo.runtime.message.Hex;
import dev.irqtopo.runtime.text.TextTable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code irqtopo tables} on arm64 platforms for people: per ITS its device table, each ITT and its
 * collection table with the command fields' names (MAPD DeviceID and Size, MAPTI EventID, pINTID and
 * ICID, MAPC ICID and RDbase); per GICv2m frame its allocated SPIs.
 */
public final class Arm64TablesText {

    private Arm64TablesText() {
    }

    public static String render(List<Arm64TablesReport> reports) {
        StringBuilder out = new StringBuilder();
        for (Arm64TablesReport report : reports) {
            out.append("platform ").append(report.platform()).append(" (arm64)\n");
            for (Arm64TablesReport.ItsTables its : report.its()) {
                its(its, out);
            }
            for (Arm64TablesReport.V2mSpis frame : report.v2m()) {
                out.append("  ").append(frame.frame()).append(": GICv2m frame, MSI_SETSPI_NS 0x")
                        .append(Hex.of(frame.doorbell(), 16)).append(", SPIs ").append(frame.spiBase()).append("..")
                        .append(frame.spiBase() + frame.spis() - 1).append("; allocated: ")
                        .append(frame.allocated().isEmpty() ? "none"
                                : frame.allocated().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                        .append('\n');
            }
        }
        return out.toString();
    }

    private static void its(Arm64TablesReport.ItsTables its, StringBuilder out) {
        String name = its.kernel().equals(Arm64Platform.HOST) ? its.unit() : its.kernel() + "'s " + its.unit();
        out.append("  ").append(name).append(": ITS").append(its.enabled() ? "" : ", disabled (GITS_CTLR.Enabled 0)")
                .append(", ").append(its.deviceIdBits()).append(" DeviceID bits, ").append(its.eventIdBits())
                .append(" EventID bits; ").append(its.devices().size()).append(its.devices().size() == 1 ? " device, " : " devices, ")
                .append(its.collections().size()).append(its.collections().size() == 1 ? " collection\n" : " collections\n");
        if (!its.devices().isEmpty()) {
            out.append("    device table (MAPD)\n");
            TextTable table = new TextTable().row("DeviceID", "Size", "EventIDs", "mapped");
            for (Arm64TablesReport.DeviceEntry d : its.devices()) {
                table.row("0x" + Long.toHexString(d.deviceId()), Integer.toString(d.size()), Long.toString(d.eventIds()),
                        Integer.toString(d.itt().size()));
            }
            table.appendTo(out, "      ");
            for (Arm64TablesReport.DeviceEntry d : its.devices()) {
                out.append("    ITT of DeviceID 0x").append(Long.toHexString(d.deviceId())).append(" (MAPTI)\n");
                if (d.itt().isEmpty()) {
                    out.append("      no entry\n");
                    continue;
                }
                TextTable itt = new TextTable().row("EventID", "pINTID", "ICID");
                d.itt().forEach(t -> itt.row(Long.toString(t.eventId()), Integer.toString(t.pintid()), Integer.toString(t.icid())));
                itt.appendTo(out, "      ");
            }
        }
        if (!its.collections().isEmpty()) {
            out.append("    collection table (MAPC)\n");
            TextTable table = new TextTable().row("ICID", "RDbase", "MPIDR");
            its.collections().forEach(c -> table.row(Integer.toString(c.icid()), Integer.toString(c.rdbase()),
                    c.mpidr().toString()));
            table.appendTo(out, "      ");
        }
    }
}
