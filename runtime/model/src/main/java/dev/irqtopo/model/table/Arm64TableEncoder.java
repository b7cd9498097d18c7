package dev.irqtopo.model.table;

import dev.irqtopo.model.Arm64PlatformModel;
import dev.irqtopo.model.BusModel;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.arm.Arm64GuestModel;
import dev.irqtopo.model.arm.EventIdOverflow;
import dev.irqtopo.model.arm.GicStackModel;
import dev.irqtopo.model.arm.ItsModel;
import dev.irqtopo.model.arm.Mpidr;
import dev.irqtopo.model.arm.MsiMap;
import dev.irqtopo.model.arm.MsiMapEntry;
import dev.irqtopo.model.arm.V2mFrameModel;
import java.util.ArrayList;
import java.util.List;

/** Writes an {@link Arm64ModelTable}. */
final class Arm64TableEncoder {

    private final StringBuilder out = new StringBuilder();

    private Arm64TableEncoder() {
    }

    static String encode(Arm64PlatformModel model) {
        Arm64TableEncoder table = new Arm64TableEncoder();
        table.line(Arm64ModelTable.HEADER);
        table.line("platform", TableText.escape(model.javaPackage()), TableText.escape(model.name()),
                TableText.escape(model.description()));
        model.expect().ifPresent(e -> table.line("expect", e.keyword()));
        List<String> cpus = new ArrayList<>(List.of("cpus", Integer.toString(model.cpus().count())));
        boolean virt = model.cpus().equals(dev.irqtopo.model.arm.ArmCpus.virt(model.cpus().count()));
        table.list(cpus, virt ? List.of() : model.cpus().mpidrs().stream().map(Mpidr::value).map(Arm64TableEncoder::hex).toList());
        table.line(cpus);
        table.line("gic", Integer.toString(model.gic().version()), Integer.toString(model.gic().idBits()));
        for (ItsModel its : model.gic().its()) {
            table.line("its", TableText.escape(its.name()), hex(its.doorbell()), Integer.toString(its.deviceIdBits()),
                    Integer.toString(its.eventIdBits()), Integer.toString(its.ittEntrySize()),
                    Words.flag(its.enabled(), "on", "off"),
                    Words.flag(its.eventIdOverflow() == EventIdOverflow.HIGH_BITS_IGNORED, "ignored", "write_ignored"));
        }
        for (V2mFrameModel frame : model.gic().v2m()) {
            table.line("v2m", TableText.escape(frame.name()), hex(frame.doorbell()), Integer.toString(frame.firstSpi()),
                    Integer.toString(frame.spiCount()));
        }
        List<String> smmu = new ArrayList<>(List.of("smmu"));
        // a set: written in bus order, never in the set's own iteration order
        table.list(smmu, model.buses().stream().map(BusModel::name).filter(model.smmuCovered()::contains)
                .map(TableText::escape).toList());
        table.line(smmu);
        model.hypervisor().ifPresent(hv -> {
            List<String> tokens = new ArrayList<>(List.of("hypervisor", "kvm"));
            List<String> traps = new ArrayList<>();
            for (StorageKind kind : StorageKind.values()) {
                if (hv.traps(kind)) {
                    traps.add(Words.storage(kind));
                }
            }
            table.list(tokens, traps);
            tokens.add(Words.flag(hv.vlpi(), "on", "off"));
            table.line(tokens);
        });
        for (BusModel bus : model.buses()) {
            TableEncoder.bus(bus, table.out);
        }
        for (BusModel bus : model.buses()) {
            MsiMap map = model.msiMaps().get(bus.name());
            if (map == null) {
                continue;
            }
            List<String> tokens = new ArrayList<>(List.of("msi_map", TableText.escape(bus.name()), hex(map.mask()),
                    Integer.toString(map.entries().size())));
            for (MsiMapEntry e : map.entries()) {
                tokens.addAll(List.of(hex(e.ridBase()), TableText.escape(e.controller()), hex(e.msiBase()), hex(e.length())));
            }
            table.line(tokens);
        }
        table.line("host");
        model.hostStacks().forEach(table::stack);
        for (Arm64GuestModel guest : model.guests()) {
            List<String> tokens = new ArrayList<>(List.of("guest", TableText.escape(guest.name()),
                    Integer.toString(guest.cpus())));
            table.list(tokens, guest.devices().stream().map(TableText::escape).toList());
            table.line(tokens);
            guest.stacks().forEach(table::stack);
        }
        table.line("end");
        return table.out.toString();
    }

    private void stack(GicStackModel stack) {
        line("stack", TableText.escape(stack.device()), Words.storage(stack.storage()),
                TableText.escape(stack.controller()), Integer.toString(stack.alloc()));
    }

    private static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }

    private void list(List<String> tokens, List<String> items) {
        tokens.add(Integer.toString(items.size()));
        tokens.addAll(items);
    }

    private void line(String... tokens) {
        line(List.of(tokens));
    }

    private void line(List<String> tokens) {
        out.append(String.join(" ", tokens)).append('\n');
    }
}
