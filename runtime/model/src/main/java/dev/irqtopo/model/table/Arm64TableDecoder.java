package dev.irqtopo.model.table;

import dev.irqtopo.model.Arm64PlatformModel;
import dev.irqtopo.model.BusModel;
import dev.irqtopo.model.ExpectedVerdict;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.arm.Arm64GuestModel;
import dev.irqtopo.model.arm.Arm64HypervisorModel;
import dev.irqtopo.model.arm.ArmCpus;
import dev.irqtopo.model.arm.EventIdOverflow;
import dev.irqtopo.model.arm.GicModel;
import dev.irqtopo.model.arm.GicStackModel;
import dev.irqtopo.model.arm.ItsModel;
import dev.irqtopo.model.arm.Mpidr;
import dev.irqtopo.model.arm.MsiMap;
import dev.irqtopo.model.arm.MsiMapEntry;
import dev.irqtopo.model.arm.V2mFrameModel;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads an {@link Arm64ModelTable}, line by line with {@link TableDecoder}'s reader. */
final class Arm64TableDecoder {

    private final TableDecoder in;

    private Arm64TableDecoder(String text) {
        this.in = new TableDecoder(text);
    }

    static Arm64PlatformModel decode(String text) {
        try {
            return new Arm64TableDecoder(text).platform();
        } catch (IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("model table is truncated", e);
        }
    }

    private Arm64PlatformModel platform() {
        String header = in.header();
        if (!header.equals(Arm64ModelTable.HEADER)) {
            throw new IllegalArgumentException("not an arm64 model table of this version: it starts with '"
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
        ArmCpus cpus = cpus();
        in.record("gic");
        int version = in.integer();
        int idBits = in.integer();
        in.end();
        List<ItsModel> its = new ArrayList<>();
        while (in.at("its")) {
            in.record("its");
            its.add(new ItsModel(in.string(), in.longInteger(), in.integer(), in.integer(), in.integer(),
                    Words.flag(in.word(), "on", "off"),
                    Words.flag(in.word(), "ignored", "write_ignored") ? EventIdOverflow.HIGH_BITS_IGNORED
                            : EventIdOverflow.WRITE_IGNORED));
            in.end();
        }
        List<V2mFrameModel> v2m = new ArrayList<>();
        while (in.at("v2m")) {
            in.record("v2m");
            v2m.add(new V2mFrameModel(in.string(), in.longInteger(), in.integer(), in.integer()));
            in.end();
        }
        in.record("smmu");
        Set<String> smmu = new HashSet<>(in.strings());
        in.end();
        Optional<Arm64HypervisorModel> hypervisor = Optional.empty();
        if (in.at("hypervisor")) {
            in.record("hypervisor");
            in.word();
            int n = in.integer();
            Set<StorageKind> traps = EnumSet.noneOf(StorageKind.class);
            for (int i = 0; i < n; i++) {
                traps.add(Words.storage(in.word()));
            }
            hypervisor = Optional.of(new Arm64HypervisorModel(traps, Words.flag(in.word(), "on", "off")));
            in.end();
        }
        List<BusModel> buses = new ArrayList<>();
        while (in.at("bus")) {
            buses.add(in.bus());
        }
        Map<String, MsiMap> maps = new LinkedHashMap<>();
        while (in.at("msi_map")) {
            in.record("msi_map");
            String bus = in.string();
            long mask = in.longInteger();
            int n = in.integer();
            List<MsiMapEntry> entries = new ArrayList<>(Math.min(n, 1024));
            for (int i = 0; i < n; i++) {
                entries.add(new MsiMapEntry(in.longInteger(), in.string(), in.longInteger(), in.longInteger()));
            }
            in.end();
            maps.put(bus, new MsiMap(entries, mask));
        }
        in.record("host");
        in.end();
        List<GicStackModel> hostStacks = stacks();
        List<Arm64GuestModel> guests = new ArrayList<>();
        while (in.at("guest")) {
            in.record("guest");
            String guest = in.string();
            int guestCpus = in.integer();
            List<String> devices = in.strings();
            in.end();
            guests.add(new Arm64GuestModel(guest, guestCpus, devices, stacks()));
        }
        in.record("end");
        in.end();
        if (!in.done()) {
            throw new IllegalArgumentException("model table: text after the end");
        }
        return new Arm64PlatformModel(javaPackage, name, description, cpus, new GicModel(version, idBits, its, v2m), maps,
                smmu, hypervisor, buses, hostStacks, guests, expect);
    }

    private ArmCpus cpus() {
        in.record("cpus");
        int count = in.integer();
        int n = in.integer();
        List<Mpidr> mpidrs = new ArrayList<>(Math.min(n, ArmCpus.MAX_CPUS));
        for (int i = 0; i < n; i++) {
            mpidrs.add(Mpidr.ofValue(in.longInteger()));
        }
        in.end();
        return n == 0 ? ArmCpus.virt(count) : new ArmCpus(mpidrs);
    }

    private List<GicStackModel> stacks() {
        List<GicStackModel> stacks = new ArrayList<>();
        while (in.at("stack")) {
            in.record("stack");
            String device = in.string();
            StorageKind storage = Words.storage(in.word());
            Optional<String> controller = TableText.unescapeOptional(in.word());
            int alloc = in.integer();
            in.end();
            stacks.add(new GicStackModel(device, storage, controller, alloc));
        }
        return stacks;
    }
}
