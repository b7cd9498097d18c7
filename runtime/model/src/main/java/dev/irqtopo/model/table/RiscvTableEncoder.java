package dev.irqtopo.model.table;

import dev.irqtopo.model.BusModel;
import dev.irqtopo.model.RiscvPlatformModel;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.riscv.ImsicGeometry;
import dev.irqtopo.model.riscv.ImsicPlacement;
import dev.irqtopo.model.riscv.ImsicStackModel;
import dev.irqtopo.model.riscv.RiscvGuestModel;
import dev.irqtopo.model.riscv.RiscvIommuModel;
import java.util.ArrayList;
import java.util.List;

/** Writes a {@link RiscvModelTable}. */
final class RiscvTableEncoder {

    private final StringBuilder out = new StringBuilder();

    private RiscvTableEncoder() {
    }

    static String encode(RiscvPlatformModel model) {
        RiscvTableEncoder table = new RiscvTableEncoder();
        table.line(RiscvModelTable.HEADER);
        table.line("platform", TableText.escape(model.javaPackage()), TableText.escape(model.name()),
                TableText.escape(model.description()));
        model.expect().ifPresent(e -> table.line("expect", e.keyword()));
        ImsicGeometry imsic = model.imsic();
        table.line("harts", Integer.toString(imsic.harts().perGroup()), Integer.toString(imsic.harts().groups()));
        ImsicPlacement at = imsic.placement();
        table.line("imsic", Integer.toString(imsic.guestFiles()), Integer.toString(imsic.machineIds()),
                Integer.toString(imsic.supervisorIds()), Integer.toString(imsic.guestIds()), hex(at.machineBase()),
                Integer.toString(at.machineShift()), hex(at.supervisorBase()), Integer.toString(at.supervisorShift()),
                Integer.toString(at.groupShift()));
        for (RiscvIommuModel iommu : model.iommus()) {
            List<String> tokens = new ArrayList<>(List.of("iommu", TableText.escape(iommu.name()), iommu.msi().keyword()));
            table.list(tokens, iommu.covers().stream().map(TableText::escape).toList());
            table.line(tokens);
        }
        model.hypervisor().ifPresent(hv -> {
            List<String> tokens = new ArrayList<>(List.of("hypervisor", "kvm"));
            List<String> traps = new ArrayList<>();
            // a set: written in the enumeration's order, never in the set's own iteration order
            for (StorageKind kind : StorageKind.values()) {
                if (hv.traps(kind)) {
                    traps.add(Words.storage(kind));
                }
            }
            table.list(tokens, traps);
            table.line(tokens);
        });
        for (BusModel bus : model.buses()) {
            TableEncoder.bus(bus, table.out);
        }
        table.line("host");
        model.hostStacks().forEach(table::stack);
        for (RiscvGuestModel guest : model.guests()) {
            List<String> tokens = new ArrayList<>(List.of("guest", TableText.escape(guest.name()),
                    Integer.toString(guest.cpus())));
            table.list(tokens, guest.devices().stream().map(TableText::escape).toList());
            table.line(tokens);
            guest.stacks().forEach(table::stack);
        }
        table.line("end");
        return table.out.toString();
    }

    private void stack(ImsicStackModel stack) {
        line("stack", TableText.escape(stack.device()), Words.storage(stack.storage()), Integer.toString(stack.alloc()));
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
