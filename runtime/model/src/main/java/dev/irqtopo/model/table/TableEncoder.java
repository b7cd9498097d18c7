package dev.irqtopo.model.table;

import dev.irqtopo.model.BridgeModel;
import dev.irqtopo.model.BusModel;
import dev.irqtopo.model.CpuModel;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.GuestModel;
import dev.irqtopo.model.HypervisorModel;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.KernelProfile;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.StackModel;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.StorageModel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Writes a {@link ModelTable}. */
final class TableEncoder {

    private final StringBuilder out = new StringBuilder();

    private TableEncoder() {
    }

    static String encode(PlatformModel model) {
        TableEncoder table = new TableEncoder();
        table.line(ModelTable.HEADER);
        table.line("platform", TableText.escape(model.javaPackage()), TableText.escape(model.name()),
                TableText.escape(model.description()));
        model.expect().ifPresent(e -> table.line("expect", e.keyword()));
        table.cpu(model.cpu());
        model.iommus().forEach(table::iommu);
        model.hypervisor().ifPresent(table::hypervisor);
        for (BusModel bus : model.buses()) {
            bus(bus, table.out);
        }
        model.ioapic().ifPresent(io -> {
            List<String> tokens = new ArrayList<>(List.of("ioapic", TableText.escape(io.name()),
                    io.requesterId().toString()));
            list(tokens, io.pins().stream().map(String::valueOf).toList());
            table.line(tokens);
        });
        table.line("host");
        table.kernel(model.hostKernel());
        model.hostStacks().forEach(table::stack);
        for (GuestModel guest : model.guests()) {
            List<String> tokens = new ArrayList<>(List.of("guest", TableText.escape(guest.name()),
                    Integer.toString(guest.cpus())));
            list(tokens, guest.devices().stream().map(TableText::escape).toList());
            table.line(tokens);
            table.kernel(guest.kernel());
            guest.stacks().forEach(table::stack);
        }
        table.line("end");
        return table.out.toString();
    }

    /** A kernel other than the design profile, on a line of its own; the design profile writes none. */
    private void kernel(KernelProfile kernel) {
        if (kernel != KernelProfile.DESIGN) {
            line("kernel", kernel.word());
        }
    }

    private void cpu(CpuModel cpu) {
        List<String> tokens = new ArrayList<>(List.of("cpu", Integer.toString(cpu.count()), cpu.apic().keyword()));
        boolean identity = true;
        for (int i = 0; i < cpu.count(); i++) {
            identity &= cpu.apicId(i) == i;
        }
        list(tokens, identity ? List.of() : cpu.apicIds().stream().map(String::valueOf).toList());
        line(tokens);
    }

    private void iommu(IommuModel iommu) {
        List<String> tokens = new ArrayList<>(List.of("iommu", TableText.escape(iommu.name()), iommu.kind().keyword(),
                Words.flag(iommu.remapping(), "on", "off"), Integer.toString(iommu.entries()),
                iommu.sourceCheck().keyword(), Words.flag(iommu.compatAllowed(), "allowed", "blocked"),
                Words.flag(iommu.posted(), "on", "off")));
        list(tokens, iommu.covers().stream().map(TableText::escape).toList());
        line(tokens);
    }

    private void hypervisor(HypervisorModel hv) {
        List<String> tokens = new ArrayList<>(List.of("hypervisor", hv.kind().keyword(),
                Words.flag(hv.cpuidVisible(), "visible", "hidden"), Words.flag(hv.composeHypercall(), "compose", "none"),
                Words.flag(hv.extDestId(), "on", "off")));
        // a set: written in enumeration order, never in the set's own (unstable) iteration order
        List<String> traps = new ArrayList<>();
        for (StorageKind kind : StorageKind.values()) {
            if (hv.traps(kind)) {
                traps.add(Words.storage(kind));
            }
        }
        list(tokens, traps);
        line(tokens);
    }

    /** The bus's {@code bus}, {@code bridge} and {@code device} records. */
    static void bus(BusModel bus, StringBuilder out) {
        TableEncoder table = new TableEncoder();
        table.line("bus", TableText.escape(bus.name()));
        for (BridgeModel bridge : bus.bridges()) {
            table.line("bridge", TableText.escape(bridge.name()), bridge.requesterId().toString(),
                    Integer.toString(bridge.secondaryBus()));
        }
        for (DeviceModel device : bus.devices()) {
            if (!device.bus().equals(bus.name())) {
                throw new IllegalArgumentException("device " + device.name() + " names bus " + device.bus()
                        + " but is listed in bus " + bus.name());
            }
            table.device(device, bus);
        }
        out.append(table.out);
    }

    private void device(DeviceModel device, BusModel bus) {
        // BusModel guarantees the bridge is one of its own
        String bridge = device.bridge().map(b -> Integer.toString(bus.bridges().indexOf(b))).orElse(TableText.ABSENT);
        List<String> tokens = new ArrayList<>(List.of("device", TableText.escape(device.name()),
                device.requesterId().toString(), Integer.toString(device.pasid()), TableText.escape(device.parent()),
                bridge, Integer.toString(device.storages().size())));
        for (StorageModel storage : device.storages()) {
            tokens.add(Words.storage(storage.kind()));
            tokens.add(Integer.toString(storage.size()));
            tokens.add(Words.flag(storage.maskable(), "maskable", "plain"));
        }
        line(tokens);
    }

    private void stack(StackModel stack) {
        line("stack", TableText.escape(stack.device()), Words.storage(stack.storage()), TableText.escape(stack.remap()),
                Words.flag(stack.hypercall(), "hcall", TableText.ABSENT), Integer.toString(stack.alloc()));
    }

    private static void list(List<String> tokens, Collection<String> items) {
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
