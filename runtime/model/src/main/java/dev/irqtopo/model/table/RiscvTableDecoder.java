package dev.irqtopo.model.table;

import dev.irqtopo.model.BusModel;
import dev.irqtopo.model.ExpectedVerdict;
import dev.irqtopo.model.RiscvPlatformModel;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.riscv.Harts;
import dev.irqtopo.model.riscv.ImsicGeometry;
import dev.irqtopo.model.riscv.ImsicPlacement;
import dev.irqtopo.model.riscv.ImsicStackModel;
import dev.irqtopo.model.riscv.MsiTranslationMode;
import dev.irqtopo.model.riscv.RiscvGuestModel;
import dev.irqtopo.model.riscv.RiscvHypervisorModel;
import dev.irqtopo.model.riscv.RiscvIommuModel;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads a {@link RiscvModelTable}, line by line with {@link TableDecoder}'s reader. */
final class RiscvTableDecoder {

    private final TableDecoder in;

    private RiscvTableDecoder(String text) {
        this.in = new TableDecoder(text);
    }

    static RiscvPlatformModel decode(String text) {
        try {
            return new RiscvTableDecoder(text).platform();
        } catch (IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("model table is truncated", e);
        }
    }

    private RiscvPlatformModel platform() {
        String header = in.header();
        if (!header.equals(RiscvModelTable.HEADER)) {
            throw new IllegalArgumentException("not a riscv64 model table of this version: it starts with '"
                    + header.substring(0, Math.min(header.length(), 40)) + "'");
        }
        in.record("platform");
        String javaPackage = in.string();
        String name = in.string();
        String description = in.string();
        in.end();
        Optional<ExpectedVerdict> expect = Optional.empty();
        if (in.at("expect")) {
            in.record("expect");
            expect = Optional.of(Words.expect(in.word()));
            in.end();
        }
        in.record("harts");
        Harts harts = new Harts(in.integer(), in.integer());
        in.end();
        in.record("imsic");
        int guestFiles = in.integer();
        int machineIds = in.integer();
        int supervisorIds = in.integer();
        int guestIds = in.integer();
        ImsicPlacement placement = new ImsicPlacement(in.longInteger(), in.integer(), in.longInteger(), in.integer(),
                in.integer());
        in.end();
        ImsicGeometry imsic = new ImsicGeometry(harts, guestFiles, machineIds, supervisorIds, guestIds, placement);
        List<RiscvIommuModel> iommus = new ArrayList<>();
        while (in.at("iommu")) {
            in.record("iommu");
            String iommu = in.string();
            MsiTranslationMode msi = msi(in.word());
            iommus.add(new RiscvIommuModel(iommu, msi, in.strings()));
            in.end();
        }
        Optional<RiscvHypervisorModel> hypervisor = Optional.empty();
        if (in.at("hypervisor")) {
            in.record("hypervisor");
            if (!in.word().equals("kvm")) {
                throw new IllegalArgumentException("model table: a riscv64 hypervisor is kvm");
            }
            int n = in.integer();
            Set<StorageKind> traps = EnumSet.noneOf(StorageKind.class);
            for (int i = 0; i < n; i++) {
                traps.add(Words.storage(in.word()));
            }
            hypervisor = Optional.of(new RiscvHypervisorModel(traps));
            in.end();
        }
        List<BusModel> buses = new ArrayList<>();
        while (in.at("bus")) {
            buses.add(in.bus());
        }
        in.record("host");
        in.end();
        List<ImsicStackModel> hostStacks = stacks();
        List<RiscvGuestModel> guests = new ArrayList<>();
        while (in.at("guest")) {
            in.record("guest");
            String guest = in.string();
            int cpus = in.integer();
            List<String> devices = in.strings();
            in.end();
            guests.add(new RiscvGuestModel(guest, cpus, devices, stacks()));
        }
        in.record("end");
        in.end();
        if (!in.done()) {
            throw new IllegalArgumentException("model table: text after the end");
        }
        return new RiscvPlatformModel(javaPackage, name, description, imsic, iommus, hypervisor, buses, hostStacks,
                guests, expect);
    }

    private static MsiTranslationMode msi(String word) {
        for (MsiTranslationMode mode : MsiTranslationMode.values()) {
            if (mode.keyword().equals(word)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown MSI translation '" + word + "'");
    }

    private List<ImsicStackModel> stacks() {
        List<ImsicStackModel> stacks = new ArrayList<>();
        while (in.at("stack")) {
            in.record("stack");
            String device = in.string();
            StorageKind storage = Words.storage(in.word());
            int alloc = in.integer();
            in.end();
            stacks.add(new ImsicStackModel(device, storage, alloc));
        }
        return stacks;
    }
}
