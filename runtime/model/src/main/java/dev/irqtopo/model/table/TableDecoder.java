package dev.irqtopo.model.table;

import dev.irqtopo.model.BridgeModel;
import dev.irqtopo.model.BusModel;
import dev.irqtopo.model.CpuModel;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.ExpectedVerdict;
import dev.irqtopo.model.GuestModel;
import dev.irqtopo.model.HypervisorModel;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.IoApicModel;
import dev.irqtopo.model.KernelProfile;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.model.StackModel;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.StorageModel;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads a {@link ModelTable}: records in their fixed order, each line checked to its last token. */
final class TableDecoder {

    private final String[] lines;
    private int next;
    /** The current line's tokens and the index of the next one. */
    private String[] tokens;
    private int token;

    TableDecoder(String text) {
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("model table is truncated: it does not end with a line end");
        }
        this.lines = text.substring(0, text.length() - 1).split("\n", -1);
    }

    static PlatformModel decode(String text) {
        try {
            return new TableDecoder(text).platform();
        } catch (IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("model table is truncated", e);
        }
    }

    private PlatformModel platform() {
        if (!lines[0].equals(ModelTable.HEADER)) {
            throw new IllegalArgumentException("not a model table of this version: it starts with '"
                    + lines[0].substring(0, Math.min(lines[0].length(), 40)) + "'");
        }
        next = 1;
        record("platform");
        String javaPackage = string();
        String name = string();
        String description = string();
        end();
        Optional<ExpectedVerdict> expect = Optional.empty();
        if (at("expect")) {
            record("expect");
            expect = Optional.of(Words.expect(word()));
            end();
        }
        CpuModel cpu = cpu();
        List<IommuModel> iommus = new ArrayList<>();
        while (at("iommu")) {
            iommus.add(iommu());
        }
        Optional<HypervisorModel> hypervisor = at("hypervisor") ? Optional.of(hypervisor()) : Optional.empty();
        List<BusModel> buses = new ArrayList<>();
        while (at("bus")) {
            buses.add(bus());
        }
        Optional<IoApicModel> ioapic = at("ioapic") ? Optional.of(ioapic()) : Optional.empty();
        record("host");
        end();
        KernelProfile hostKernel = kernel();
        List<StackModel> hostStacks = stacks();
        List<GuestModel> guests = new ArrayList<>();
        while (at("guest")) {
            guests.add(guest());
        }
        record("end");
        end();
        if (next != lines.length) {
            throw new IllegalArgumentException("model table line " + (next + 1) + ": text after the end");
        }
        return new PlatformModel(javaPackage, name, description, cpu, iommus, hypervisor, buses, hostStacks, guests,
                expect, hostKernel, ioapic);
    }

    private IoApicModel ioapic() {
        record("ioapic");
        String name = string();
        RequesterId rid = RequesterId.parse(word());
        int n = integer();
        List<Integer> pins = new ArrayList<>(Math.min(n, IoApicModel.PINS));
        for (int i = 0; i < n; i++) {
            pins.add(integer());
        }
        end();
        return new IoApicModel(name, rid, pins);
    }

    private CpuModel cpu() {
        record("cpu");
        int count = integer();
        var apic = Words.apic(word());
        int n = integer();
        List<Integer> ids = new ArrayList<>(Math.min(n, 4096));
        for (int i = 0; i < n; i++) {
            ids.add(integer());
        }
        end();
        return n == 0 ? CpuModel.of(count, apic) : new CpuModel(count, apic, ids);
    }

    private IommuModel iommu() {
        record("iommu");
        String name = string();
        var kind = Words.iommu(word());
        boolean remapping = Words.flag(word(), "on", "off");
        int entries = integer();
        var sourceCheck = Words.sourceCheck(word());
        boolean compatAllowed = Words.flag(word(), "allowed", "blocked");
        boolean posted = Words.flag(word(), "on", "off");
        List<String> covers = strings();
        end();
        return new IommuModel(name, kind, remapping, entries, sourceCheck, compatAllowed, posted, covers);
    }

    private HypervisorModel hypervisor() {
        record("hypervisor");
        var kind = Words.hypervisor(word());
        boolean cpuidVisible = Words.flag(word(), "visible", "hidden");
        boolean composeHypercall = Words.flag(word(), "compose", "none");
        boolean extDestId = Words.flag(word(), "on", "off");
        int n = integer();
        Set<StorageKind> traps = EnumSet.noneOf(StorageKind.class);
        for (int i = 0; i < n; i++) {
            traps.add(Words.storage(word()));
        }
        end();
        return new HypervisorModel(kind, cpuidVisible, traps, composeHypercall, extDestId);
    }

    BusModel bus() {
        record("bus");
        String name = string();
        end();
        List<BridgeModel> bridges = new ArrayList<>();
        while (at("bridge")) {
            record("bridge");
            String bridge = string();
            RequesterId requesterId = RequesterId.parse(word());
            int secondaryBus = integer();
            end();
            bridges.add(new BridgeModel(bridge, requesterId, secondaryBus));
        }
        List<DeviceModel> devices = new ArrayList<>();
        while (at("device")) {
            devices.add(device(name, bridges));
        }
        return new BusModel(name, devices, bridges);
    }

    private DeviceModel device(String bus, List<BridgeModel> bridges) {
        record("device");
        String name = string();
        RequesterId requesterId = RequesterId.parse(word());
        int pasid = integer();
        Optional<String> parent = TableText.unescapeOptional(word());
        Optional<BridgeModel> bridge = Optional.empty();
        if (!absent()) {
            int index = integer();
            if (index < 0 || index >= bridges.size()) {
                throw new IllegalArgumentException("model table line " + next + ": its bus has no bridge " + index);
            }
            bridge = Optional.of(bridges.get(index));
        }
        int n = integer();
        List<StorageModel> storages = new ArrayList<>(Math.min(n, 4));
        for (int i = 0; i < n; i++) {
            StorageKind kind = Words.storage(word());
            int size = integer();
            storages.add(new StorageModel(kind, size, Words.flag(word(), "maskable", "plain")));
        }
        end();
        return new DeviceModel(name, bus, requesterId, pasid, parent, storages, bridge);
    }

    private List<StackModel> stacks() {
        List<StackModel> stacks = new ArrayList<>();
        while (at("stack")) {
            record("stack");
            String device = string();
            StorageKind storage = Words.storage(word());
            Optional<String> remap = TableText.unescapeOptional(word());
            boolean hypercall = Words.flag(word(), "hcall", TableText.ABSENT);
            int alloc = integer();
            end();
            stacks.add(new StackModel(device, storage, remap, hypercall, alloc));
        }
        return stacks;
    }

    private GuestModel guest() {
        record("guest");
        String name = string();
        int cpus = integer();
        List<String> devices = strings();
        end();
        KernelProfile kernel = kernel();
        return new GuestModel(name, cpus, devices, stacks(), kernel);
    }

    /** An optional kernel line; without one, the design profile. */
    private KernelProfile kernel() {
        if (!at("kernel")) {
            return KernelProfile.DESIGN;
        }
        record("kernel");
        KernelProfile kernel = Words.kernel(word());
        end();
        return kernel;
    }

    // ---- lines and tokens

    /** Whether the next line is a record of this kind. */
    boolean at(String kind) {
        return next < lines.length && (lines[next].equals(kind) || lines[next].startsWith(kind + " "));
    }

    /** Starts reading the next line, which must be a record of this kind. */
    void record(String kind) {
        if (!at(kind)) {
            String found = next < lines.length ? "'" + lines[next].split(" ", 2)[0] + "'" : "the end of the text";
            throw new IllegalArgumentException("model table line " + (next + 1) + ": expected " + kind + ", found " + found);
        }
        tokens = lines[next++].split(" ", -1);
        token = 1;
    }

    /** Reads the next token if it is {@code -}, the mark of an absent value, and says whether it was. */
    boolean absent() {
        if (token < tokens.length && tokens[token].equals(TableText.ABSENT)) {
            token++;
            return true;
        }
        return false;
    }

    String word() {
        if (token >= tokens.length) {
            throw new IllegalArgumentException("model table line " + next + ": too few fields");
        }
        return tokens[token++];
    }

    String string() {
        return TableText.unescape(word());
    }

    List<String> strings() {
        int n = integer();
        List<String> strings = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            strings.add(string());
        }
        return strings;
    }

    /** A number of up to 64 bits, in decimal or, with {@code 0x}, in hex. */
    long longInteger() {
        String word = word();
        try {
            return word.startsWith("0x") ? Long.parseUnsignedLong(word.substring(2), 16) : Long.parseLong(word);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("model table line " + next + ": expected a number, found '" + word + "'", e);
        }
    }

    /** Whether every line has been read. */
    boolean done() {
        return next == lines.length;
    }

    /** The first line, which names the table's format and version. */
    String header() {
        next = 1;
        return lines[0];
    }

    int integer() {
        String word = word();
        try {
            return Integer.parseInt(word);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("model table line " + next + ": expected a number, found '" + word + "'", e);
        }
    }

    void end() {
        if (token != tokens.length) {
            throw new IllegalArgumentException("model table line " + next + ": unexpected '" + tokens[token] + "'");
        }
    }
}
