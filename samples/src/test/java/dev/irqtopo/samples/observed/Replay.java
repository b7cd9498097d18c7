package dev.irqtopo.samples.observed;

import dev.irqtopo.compiler.CompileRequest;
import dev.irqtopo.compiler.Compiler;
import dev.irqtopo.compiler.SourceResult;
import dev.irqtopo.compiler.Sources;
import dev.irqtopo.compiler.UnreadableSourceException;
import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.DestinationMode;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.model.StorageModel;
import dev.irqtopo.runtime.AllocatedInterrupt;
import dev.irqtopo.runtime.Kernel;
import dev.irqtopo.runtime.Platform;
import dev.irqtopo.runtime.Stack;
import dev.irqtopo.runtime.StackResult;
import dev.irqtopo.runtime.delivery.Delivery;
import dev.irqtopo.runtime.message.Hex;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.remap.Irte;
import dev.irqtopo.runtime.remap.PostedDescriptors;
import dev.irqtopo.runtime.remap.VtdRemapEntry;
import dev.irqtopo.runtime.stack.Interrupt;
import dev.irqtopo.runtime.vector.DeviceVectorRange;
import dev.irqtopo.runtime.vector.VectorDomain;
import dev.irqtopo.samples.observed.RecordedBoot.Entry;
import dev.irqtopo.samples.observed.RecordedBoot.ForgedWrite;
import dev.irqtopo.samples.observed.RecordedBoot.Requested;
import dev.irqtopo.samples.observed.RecordedBoot.Slot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A recorded boot replayed against the model of the machine it ran on: the design of that machine
 * ({@code src/test/resources/observed/<boot>.irqtopo}) is checked, booted, and every field the boot
 * recorded is set beside the model's value for it, as one {@link Comparison} each. The device
 * interrupts are paired by the storage slot they belong to, not by position, so that a field compared
 * for "the same interrupt" is really that.
 */
final class Replay {

    /** Where the designs of the recorded machines are, from the samples module. */
    static final Path DESIGNS = Path.of("src", "test", "resources", "observed");

    /** The remapping unit every design names. */
    static final String IOMMU = "dmar0";

    /** The function the forged writes came from. */
    static final String FORGER = "edu";

    /** What a field of the boot says about. */
    enum Group {
        /** The design against the machine QEMU emulated: CPUs, APIC mode, table, capabilities. */
        MACHINE,
        /** The entries' fields Linux writes the same way whatever CPU and vector it chose. */
        ENTRIES,
        /** How a CPU becomes an entry's DST. */
        DESTINATIONS,
        /** What each device stores. */
        MESSAGES,
        /** What the kernel profile decides once for the host: destination mode, first vector. */
        PROFILE,
        /** What Linux chose while it allocated: the order, indices, irqs, CPUs, vectors, other sources. */
        ALLOCATION,
        /** What the remapping unit did with each forged write. */
        FORGED
    }

    /**
     * One field of the boot with the model's value beside it.
     *
     * @param field    the field's name, as the list of known differences and REPLAY.md name it
     * @param recorded what the boot recorded
     * @param model    what the model has
     */
    record Comparison(Group group, String field, String recorded, String model) {
        boolean differs() {
            return !recorded.equals(model);
        }

        @Override
        public String toString() {
            return field + ": recorded " + recorded + ", model " + model;
        }
    }

    /** A device interrupt of the boot with the model's interrupt for the same slot. */
    record Pair(Requested recorded, Entry entry, AllocatedInterrupt model, VtdRemapEntry modelEntry) {
    }

    private final RecordedBoot boot;
    private final PlatformModel model;
    private final Platform platform;
    private final IommuModel iommu;
    /** The model's device interrupts by slot, in irq order. */
    private final Map<Slot, AllocatedInterrupt> modelInterrupts;
    private final List<Pair> pairs;
    /** The host's vector domain rebuilt from the design, to ask how the model names any CPU. */
    private final VectorDomain<Object> naming;

    private Replay(RecordedBoot boot, PlatformModel model) {
        this.boot = boot;
        this.model = model;
        this.platform = Platform.create(model);
        List<StackResult> results = platform.boot();
        if (!results.stream().allMatch(StackResult::created)) {
            throw new IllegalStateException(boot.name() + ": a stack of the design was not created: " + results);
        }
        this.iommu = model.iommu(IOMMU).orElseThrow();
        this.modelInterrupts = modelInterrupts(platform);
        this.pairs = boot.deviceInterrupts().stream().map(this::pair).toList();
        int[] apicIds = model.cpu().apicIds().stream().mapToInt(Integer::intValue).toArray();
        this.naming = new VectorDomain<>(Kernel.HOST, apicIds, false, model.hostDestinationMode(),
                DeviceVectorRange.of(model.hostKernel()));
    }

    /** The boot {@code name} replayed against its design. */
    static Replay of(String name) {
        return new Replay(RecordedBoot.read(name), design(name).platforms().get(0));
    }

    /** The design of the machine of boot {@code name}, checked. */
    static SourceResult design(String name) {
        try {
            return Compiler.compile(CompileRequest.check(Sources.read(DESIGNS.resolve(name + ".irqtopo"))))
                    .sources().get(0);
        } catch (UnreadableSourceException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    RecordedBoot boot() {
        return boot;
    }

    Platform platform() {
        return platform;
    }

    List<Pair> pairs() {
        return pairs;
    }

    /** Every field the replay compares, group by group. */
    List<Comparison> comparisons() {
        List<Comparison> all = new ArrayList<>();
        for (Group group : Group.values()) {
            all.addAll(comparisons(group));
        }
        return all;
    }

    List<Comparison> comparisons(Group group) {
        return switch (group) {
            case MACHINE -> machine();
            case ENTRIES -> entries();
            case DESTINATIONS -> destinations();
            case MESSAGES -> messages();
            case PROFILE -> profile();
            case ALLOCATION -> allocation();
            case FORGED -> forged();
        };
    }

    /**
     * The DST the model writes for {@code cpu}: the engine's own rules, the destination id its vector
     * domain names the CPU by, encoded as its VT-d entries encode it.
     */
    int modelDestination(int cpu, RequesterId function) {
        DestinationMode mode = model.hostDestinationMode();
        return VtdRemapEntry.remapped(0x21, naming.destinationId(cpu), mode.logical(),
                model.hostKernel().vtdRedirectionHint(), model.cpu().apic(), iommu.sourceCheck(), function, false)
                .destination();
    }

    // ---- the groups

    private List<Comparison> machine() {
        Kernel host = platform.host();
        List<Comparison> c = new ArrayList<>();
        c.add(new Comparison(Group.MACHINE, "CPUs", String.valueOf(boot.apicIds().size()), String.valueOf(host.cpus())));
        c.add(new Comparison(Group.MACHINE, "APIC IDs", boot.apicIds().toString(),
                IntStream.range(0, host.cpus()).map(host::apicId).boxed().toList().toString()));
        c.add(new Comparison(Group.MACHINE, "APIC mode", boot.table().extendedMode() ? "x2apic" : "xapic",
                model.cpu().apic().keyword()));
        c.add(new Comparison(Group.MACHINE, "remap table entries", String.valueOf(boot.table().entries()),
                String.valueOf(iommu.entries())));
        c.add(new Comparison(Group.MACHINE, "compatibility format", boot.table().compatAllowed() ? "allowed" : "blocked",
                iommu.compatAllowed() ? "allowed" : "blocked"));
        c.add(new Comparison(Group.MACHINE, "MSI and MSI-X capabilities", boot.functions().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + capabilities(e.getValue().msiVectors(), e.getValue().msixEntries())).toList()
                .toString(),
                model.devices().stream().sorted(Comparator.comparing(DeviceModel::requesterId))
                        .map(d -> d.requesterId() + capabilities(size(d, BusDomainKind.MSI), size(d, BusDomainKind.MSIX)))
                        .toList().toString()));
        return c;
    }

    private List<Comparison> entries() {
        PostedDescriptors descriptors = PostedDescriptors.of(List.of());
        List<Comparison> c = new ArrayList<>();
        // every field of the remapped format but V and DST, which carry the vector and CPU Linux chose
        for (String field : List.of("P", "FPD", "DM", "RH", "TM", "DLM", "AVL", "IM", "SID", "SQ", "SVT")) {
            ToLongFunction<Irte> read = switch (field) {
                case "P" -> Irte::p;
                case "FPD" -> Irte::fpd;
                case "DM" -> Irte::dm;
                case "RH" -> Irte::rh;
                case "TM" -> Irte::tm;
                case "DLM" -> Irte::dlm;
                case "AVL" -> Irte::avail;
                case "IM" -> Irte::im;
                case "SID" -> Irte::sid;
                case "SQ" -> Irte::sq;
                case "SVT" -> Irte::svt;
                default -> throw new IllegalArgumentException(field);
            };
            int width = field.equals("SID") ? 4 : 0;
            c.add(new Comparison(Group.ENTRIES, "IRTE " + field,
                    list(p -> hex(p.entry().field(field), width)),
                    list(p -> hex(read.applyAsLong(Irte.of(p.modelEntry(), descriptors)), width))));
        }
        return c;
    }

    private List<Comparison> destinations() {
        return List.of(new Comparison(Group.DESTINATIONS, "IRTE DST of the recorded CPU",
                list(p -> hex(p.entry().field("DST"), 8)),
                list(p -> hex(modelDestination(p.recorded().cpu(), p.recorded().slot().orElseThrow().function()), 8))));
    }

    private List<Comparison> messages() {
        return List.of(new Comparison(Group.MESSAGES, "stored message",
                list(p -> form(boot.stored().get(p.recorded().slot().orElseThrow()), p.recorded().index().getAsInt())),
                list(p -> form(stored(p.recorded().slot().orElseThrow()).orElse(null), p.model().remapIndex().getAsInt()))));
    }

    private List<Comparison> profile() {
        return List.of(
                new Comparison(Group.PROFILE, "host destination mode", recordedDestinationMode(),
                        model.hostDestinationMode().words()),
                new Comparison(Group.PROFILE, "first device vector",
                        hex(boot.requested().stream().mapToInt(Requested::vector).min().orElseThrow(), 2),
                        hex(DeviceVectorRange.of(model.hostKernel()).first(), 2)));
    }

    private List<Comparison> allocation() {
        List<Comparison> c = new ArrayList<>();
        c.add(new Comparison(Group.ALLOCATION, "interrupts in allocation order",
                boot.deviceInterrupts().stream().map(r -> r.slot().orElseThrow().toString()).toList().toString(),
                modelInterrupts.keySet().stream().map(Slot::toString).toList().toString()));
        c.add(new Comparison(Group.ALLOCATION, "entry index",
                list(p -> String.valueOf(p.recorded().index().getAsInt())),
                list(p -> String.valueOf(p.model().remapIndex().getAsInt()))));
        c.add(new Comparison(Group.ALLOCATION, "irq",
                list(p -> String.valueOf(p.recorded().irq())), list(p -> String.valueOf(p.model().virq()))));
        c.add(new Comparison(Group.ALLOCATION, "effective CPU",
                list(p -> String.valueOf(p.recorded().cpu())), list(p -> String.valueOf(p.model().cpu()))));
        c.add(new Comparison(Group.ALLOCATION, "vector",
                list(p -> hex(p.recorded().vector(), 2)), list(p -> hex(p.model().vector(), 2))));
        List<Integer> deviceIndices = pairs.stream().map(p -> p.recorded().index().getAsInt()).toList();
        List<Integer> modelIndices = pairs.stream().map(p -> p.model().remapIndex().getAsInt()).toList();
        List<Interrupt> pins = modelPins();
        List<Integer> pinIndices = pins.stream().map(i -> i.remapIndex().getAsInt()).toList();
        c.add(new Comparison(Group.ALLOCATION, "IOAPIC entries",
                recordedPins().stream().map(e -> pinEntry(e.index(), e.owner(), e.field("P"), e.field("DM"),
                        e.field("RH"), e.field("SID"), e.field("SVT"), e.field("SQ"))).toList().toString(),
                pins.stream().map(i -> {
                    Irte irte = modelIrte(i.remapIndex().getAsInt());
                    return pinEntry(i.remapIndex().getAsInt(), "IOAPIC pin " + i.slot() + " (irq " + i.virq() + ")",
                            irte.p(), irte.dm(), irte.rh(), irte.sid(), irte.svt(), irte.sq());
                }).toList().toString()));
        c.add(new Comparison(Group.ALLOCATION, "IOAPIC entry CPU and vector",
                recordedPins().stream().map(e -> e.index() + ": DST 0x" + Hex.of(e.field("DST"), 8) + " V 0x"
                        + Hex.of(e.field("V"), 2)).toList().toString(),
                pins.stream().map(i -> {
                    Irte irte = modelIrte(i.remapIndex().getAsInt());
                    return i.remapIndex().getAsInt() + ": DST 0x" + Hex.of(Integer.toUnsignedLong(irte.dst()), 8)
                            + " V 0x" + Hex.of(irte.vector(), 2);
                }).toList().toString()));
        c.add(new Comparison(Group.ALLOCATION, "entries of other sources",
                boot.table().present().values().stream()
                        .filter(e -> !deviceIndices.contains(e.index()) && !e.owner().startsWith("IOAPIC pin "))
                        .map(e -> e.index() + ": " + e.owner()).toList().toString(),
                platform.hardware().remapEntries(IOMMU).stream()
                        .filter(e -> !modelIndices.contains(e.index()) && !pinIndices.contains(e.index()))
                        .map(e -> e.index() + ": " + e.entry()).toList().toString()));
        List<Interrupt> faultEvents = platform.hostBoot().interrupts().stream()
                .filter(i -> i.remapIndex().isEmpty()).toList();
        List<Requested> recordedFaultEvents = boot.requested().stream()
                .filter(r -> r.source().equals("DMAR fault event")).toList();
        c.add(new Comparison(Group.ALLOCATION, "fault-event interrupt",
                recordedFaultEvents.stream().map(r -> faultEvent(r.irq(), recordedMessage(r.route()))).toList().toString(),
                faultEvents.stream().map(i -> faultEvent(i.virq(), i.composed())).toList().toString()));
        c.add(new Comparison(Group.ALLOCATION, "fault-event CPU",
                recordedFaultEvents.stream().map(r -> String.valueOf(r.cpu())).toList().toString(),
                faultEvents.stream().map(i -> String.valueOf(i.cpu())).toList().toString()));
        return c;
    }

    /** The boot's present entries of IOAPIC pins, by index. */
    private List<Entry> recordedPins() {
        return boot.table().present().values().stream().filter(e -> e.owner().startsWith("IOAPIC pin "))
                .sorted(Comparator.comparingInt(Entry::index)).toList();
    }

    /** The pins the model's host started at boot, by entry index. */
    private List<Interrupt> modelPins() {
        return platform.hostBoot().interrupts().stream().filter(i -> i.remapIndex().isPresent())
                .sorted(Comparator.comparingInt(i -> i.remapIndex().getAsInt())).toList();
    }

    private Irte modelIrte(int index) {
        return Irte.of(platform.hardware().vtdEntry(IOMMU, index).orElseThrow(), PostedDescriptors.of(List.of()));
    }

    private static String pinEntry(int index, String owner, long p, long dm, long rh, long sid, long svt, long sq) {
        return index + " " + owner + ": P " + p + " DM " + dm + " RH " + rh + " SID 0x" + Hex.of(sid, 4) + " SVT " + svt
                + " SQ " + sq;
    }

    /** A fault-event interrupt in the words both sides share: its irq, the message's format, mode and vector. */
    private static String faultEvent(int irq, Message message) {
        return "irq " + irq + ": " + (message.isRemappable() ? "remappable" : "compatibility") + ", "
                + ((message.address() & 0x4) != 0 ? "logical" : "physical") + ", vector 0x" + Hex.of(message.data() & 0xFF, 2);
    }

    /** The message of a route the collector wrote as {@code msg 0xfee01004/0x00000021 …}. */
    private static Message recordedMessage(String route) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("msg 0x([0-9a-f]+)/0x([0-9a-f]+)").matcher(route);
        if (!m.find()) {
            throw new IllegalStateException("no message in route " + route);
        }
        return Message.of(Long.parseLong(m.group(1), 16), (int) Long.parseLong(m.group(2), 16));
    }

    private List<Comparison> forged() {
        return boot.forged().stream()
                .map(w -> new Comparison(Group.FORGED, w.toString(),
                        w.fault().map(f -> hex(f.reason(), 2)).orElse("no fault"), replay(w)))
                .toList();
    }

    // ---- forged writes

    /**
     * What the remapping unit does when edu emits the forged write, its handle translated from the boot's
     * table to the model's: an index of a device interrupt becomes the model's index for that
     * interrupt; an index present in the boot for something the model does not have (an IOAPIC pin)
     * has no counterpart; any other index, not present in the boot, becomes an index the model leaves
     * empty (itself if it can). A valid sub-handle is kept, and must land where the recorded one did.
     */
    String replay(ForgedWrite write) {
        Message forged = write.message();
        if (!forged.isRemappable()) {
            return outcome(platform.hardware().emit(FORGER, forged));
        }
        int handle = forged.handle();
        Optional<Integer> modelHandle = modelIndex(handle);
        if (modelHandle.isEmpty()) {
            return "no counterpart of entry " + handle + " (" + boot.table().present().get(handle).owner() + ")";
        }
        boolean subHandleValid = forged.subHandleValid();
        if (subHandleValid && !Message.reservedSubHandleBits(forged.data())) {
            int recordedIndex = handle + forged.subHandle() & 0xFFFF;
            int modelIndex = modelHandle.get() + forged.subHandle() & 0xFFFF;
            if (!modelIndex(recordedIndex).equals(Optional.of(modelIndex))) {
                throw new IllegalStateException(write + ": handle " + handle + " becomes " + modelHandle.get()
                        + ", but index " + recordedIndex + " does not become " + modelIndex);
            }
        }
        long address = forged.address() & 0xFFFF_FFFF_0000_0003L
                | Message.remappableAddress(modelHandle.get(), subHandleValid);
        return outcome(platform.hardware().emit(FORGER, Message.of(address, forged.data())));
    }

    /** The model's index for the boot's entry {@code index}; empty when the model has nothing like its owner. */
    Optional<Integer> modelIndex(int index) {
        Optional<Requested> owner = boot.deviceInterruptAt(index);
        if (owner.isPresent()) {
            return Optional.of(pair(owner.get()).model().remapIndex().getAsInt());
        }
        Entry recorded = boot.table().present().get(index);
        if (recorded != null) {
            // an IOAPIC pin's entry becomes the model's entry of the same pin
            return modelPins().stream()
                    .filter(i -> recorded.owner().startsWith("IOAPIC pin " + i.slot() + " "))
                    .map(i -> i.remapIndex().getAsInt()).findFirst();
        }
        IntPredicate leftEmpty = i -> platform.hardware().vtdEntry(IOMMU, i).isEmpty();
        if (leftEmpty.test(index)) {
            return Optional.of(index);
        }
        return IntStream.range(0, iommu.entries()).filter(leftEmpty).boxed().findFirst();
    }

    private static String outcome(Delivery delivery) {
        return delivery instanceof Delivery.Fault fault ? fault.faultReason() : "no fault";
    }

    // ---- pairing and reading the model

    private static Map<Slot, AllocatedInterrupt> modelInterrupts(Platform platform) {
        Map<Integer, Slot> slotOfVirq = new TreeMap<>();
        Map<Integer, AllocatedInterrupt> byVirq = new TreeMap<>();
        for (Stack stack : platform.host().stacks()) {
            RequesterId function = platform.model().device(stack.device()).orElseThrow().requesterId();
            for (AllocatedInterrupt irq : stack.interrupts()) {
                slotOfVirq.put(irq.virq(), new Slot(function, stack.busDomain(), irq.slot()));
                byVirq.put(irq.virq(), irq);
            }
        }
        Map<Slot, AllocatedInterrupt> bySlot = new LinkedHashMap<>();
        slotOfVirq.forEach((virq, slot) -> bySlot.put(slot, byVirq.get(virq)));
        return bySlot;
    }

    private Pair pair(Requested recorded) {
        Slot slot = recorded.slot().orElseThrow();
        int index = recorded.index()
                .orElseThrow(() -> new IllegalStateException(boot.name() + ": " + slot + " has no entry"));
        Entry entry = boot.table().present().get(index);
        if (entry == null || !entry.owner().startsWith(recorded.source() + " (irq " + recorded.irq() + ",")) {
            throw new IllegalStateException(boot.name() + ": entry " + index + " of irq " + recorded.irq()
                    + " is not recorded as its own: " + entry);
        }
        AllocatedInterrupt interrupt = modelInterrupts.get(slot);
        if (interrupt == null) {
            throw new IllegalStateException(boot.name() + ": the design allocates nothing for " + slot);
        }
        VtdRemapEntry modelEntry = platform.hardware().vtdEntry(IOMMU, interrupt.remapIndex().orElseThrow()).orElseThrow();
        return new Pair(recorded, entry, interrupt, modelEntry);
    }

    private Optional<Message> stored(Slot slot) {
        String device = model.devices().stream().filter(d -> d.requesterId().equals(slot.function()))
                .map(DeviceModel::name).findFirst().orElseThrow();
        return platform.hardware().read(device, slot.storage(), slot.slot());
    }

    private static int size(DeviceModel device, BusDomainKind kind) {
        return device.storage(kind).map(StorageModel::size).orElse(0);
    }

    /** How Linux named CPUs, from the table's mode and the entries' DM. */
    private String recordedDestinationMode() {
        List<Long> modes = boot.table().present().values().stream().map(e -> e.field("DM")).distinct().toList();
        if (modes.size() != 1) {
            return "mixed DM " + modes;
        }
        boolean logical = modes.get(0) == 1;
        DestinationMode mode = !logical ? DestinationMode.PHYSICAL
                : boot.table().extendedMode() ? DestinationMode.LOGICAL_CLUSTER : DestinationMode.LOGICAL_FLAT;
        return mode.words();
    }

    private String list(Function<Pair, String> value) {
        return pairs.stream().map(value).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String capabilities(int msiVectors, int msixEntries) {
        return (msiVectors > 0 ? " msi " + msiVectors : "") + (msixEntries > 0 ? " msix " + msixEntries : "");
    }

    /**
     * A stored message in words relative to the entry of its own interrupt: "remappable, own entry,
     * sub-handle 0" when it is exactly {@code 0xfee00000 | index << 5 | 0x18} with data 0 (and address
     * bits 63:32 clear), else the message itself.
     */
    private static String form(Message stored, int ownIndex) {
        if (stored == null) {
            return "nothing";
        }
        return stored.equals(Message.remappable(ownIndex, 0)) ? "remappable, own entry, sub-handle 0" : stored.toString();
    }

    private static String hex(long value, int width) {
        return width == 0 ? Long.toString(value) : "0x" + Hex.of(value, width);
    }
}
