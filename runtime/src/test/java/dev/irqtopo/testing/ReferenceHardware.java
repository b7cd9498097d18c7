package dev.irqtopo.testing;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.DestinationMode;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.IommuKind;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.runtime.AllocatedInterrupt;
import dev.irqtopo.runtime.Kernel;
import dev.irqtopo.runtime.Platform;
import dev.irqtopo.runtime.PlatformSnapshot;
import dev.irqtopo.runtime.Stack;
import dev.irqtopo.runtime.delivery.Delivery;
import dev.irqtopo.runtime.isolation.FindingClass;
import dev.irqtopo.runtime.message.DeliveryMode;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.remap.AmdViRemapEntry;
import dev.irqtopo.runtime.remap.FaultReason;
import dev.irqtopo.runtime.remap.RemapEntry;
import dev.irqtopo.runtime.remap.VtdRemapEntry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A second, deliberately plain reading of semantics section 6 (version 2), written from the text of the
 * specification and not from the engine's router or remap domains. It takes the booted platform's state
 * once (the CPUs' APIC IDs, who owns each vector, what each host interrupt injects, the remap tables
 * and which device each remap entry was allocated for) and then decodes any (address, data) a device
 * emits bit by bit. It also says why a message got past the remapping unit (the class of section 7) and
 * whom a delivery harms (the victims of section 7), so that the isolation oracle compares nothing but
 * the engine's raw deliveries with the engine.
 *
 * <p>Under a Linux profile the CPUs also read logical destinations (a compatibility message's address
 * bit 2, a remap entry's DM bit) by their logical destination registers: in xAPIC mode the flat ids
 * {@code 1 << cpu} where Linux chose flat mode, nothing in physical mode; in x2APIC mode the APIC ID's
 * cluster (bits 31:4) in bits 31:16 and one bit for bits 3:0, an 8-bit compatibility destination being
 * cluster 0. A destination naming several CPUs reaches each of them ({@code multicast}), lowest
 * priority the lowest-numbered.
 */
public final class ReferenceHardware {

    /** AMD's HyperTransport interrupt window, which AMD-Vi treats like 0xFEE00000..0xFEEFFFFF. */
    public static final long HT_BASE = 0xFD_F800_0000L;
    public static final long HT_LIMIT = 0xFD_F8FF_FFFFL;

    private static final long BASE = 0xFEE0_0000L;
    private static final long LIMIT = 0xFEEF_FFFFL;
    /** Vectors 0..15 are architecturally illegal as interrupt vectors. */
    private static final int FIRST_LEGAL_VECTOR = 0x10;
    private static final int BROADCAST = 0xFF;
    /** AMD-Vi tables up to this size read the message type in data bits 10:8; larger ones run in 2K mode. */
    private static final int AMDVI_TYPED_TABLE_LIMIT = 512;
    /** The lowest-numbered host CPU: where a lowest-priority broadcast lands. */
    private static final int FIRST_CPU = 0;
    private static final Pattern INJECTS = Pattern.compile("(\\S+) vCPU (\\d+) vector (\\d+)");

    private final PlatformModel model;
    private final ApicMode apicMode;
    /** Whether the host's profile has the CPUs read the logical bit (else a destination is always an APIC ID). */
    private final boolean logicalDecoded;
    /** How the host's kernel names CPUs in what it programs. */
    private final DestinationMode hostMode;
    /** Per host CPU, its logical destination register; 0 where none is programmed. */
    private final int[] logicalIds;
    /** Host APIC ID to CPU number. */
    private final Map<Integer, Integer> hostCpuOfApicId = new HashMap<>();
    /** Per kernel: (cpu << 8 | vector) to the owning irq number. */
    private final Map<String, Map<Integer, Integer>> owners = new HashMap<>();
    /** Host irq number to the guest vector its handler injects. */
    private final Map<Integer, Injection> injects = new HashMap<>();
    /** Guests in declaration order, the victim order after the host. */
    private final List<String> guests = new ArrayList<>();
    /** Remap tables: VT-d by unit name, AMD-Vi by unit name and requester id; index to entry. */
    private final Map<String, Map<Integer, RemapEntry>> tables = new HashMap<>();
    /** For each remap entry some interrupt uses (same keys as {@link #tables} plus index): the device it was allocated for. */
    private final Map<String, DeviceModel> entryOwners = new HashMap<>();
    /** Device name to the unit with remapping on that its messages pass through, if any. */
    private final Map<String, Optional<IommuModel>> remappedBy = new HashMap<>();
    /** Device name to what decoding its messages needs. */
    private final Map<String, Source> sources = new HashMap<>();
    /** Every interrupt that names a remap entry, with its kernel and device, for {@link #bindingProblems()}. */
    private final List<Binding> bindings = new ArrayList<>();

    private record Injection(String guest, int vcpu, int vector) {
    }

    private record Binding(String kernel, DeviceModel device, IommuModel unit, AllocatedInterrupt irq) {
    }

    /**
     * What decoding needs about one emitting device, looked up once: the unit with remapping on that
     * its messages pass (if any), the requester id that unit sees, the table it indexes and, per index,
     * the device each entry was allocated for.
     */
    private record Source(Optional<IommuModel> unit, RequesterId seen, Map<Integer, RemapEntry> table,
                          Map<Integer, DeviceModel> entryOwners) {
    }

    /** An outcome and, when the message got past the remapping unit, why it did. */
    public record Decoded(Delivery delivery, Optional<FindingClass> why) {
    }

    private ReferenceHardware(Platform platform) {
        this.model = platform.model();
        this.apicMode = model.cpu().apic();
        this.logicalDecoded = model.hostKernel().decodesLogicalDestinations();
        this.hostMode = model.hostDestinationMode();
        this.logicalIds = new int[model.cpu().count()];
        for (int cpu = 0; cpu < model.cpu().count(); cpu++) {
            int apicId = model.cpu().apicId(cpu);
            hostCpuOfApicId.put(apicId, cpu);
            if (apicMode == ApicMode.X2APIC) {
                logicalIds[cpu] = (apicId >>> 4) << 16 | 1 << (apicId & 0xF);
            } else if (hostMode == DestinationMode.LOGICAL_FLAT) {
                logicalIds[cpu] = 1 << cpu;
            }
        }
        model.guests().forEach(g -> guests.add(g.name()));
        for (DeviceModel device : model.devices()) {
            remappedBy.put(device.name(), model.iommuCovering(device).filter(IommuModel::remapping));
        }
        PlatformSnapshot snapshot = platform.snapshot();
        for (PlatformSnapshot.KernelState kernel : snapshot.kernels()) {
            Map<Integer, Integer> byVector = new HashMap<>();
            for (PlatformSnapshot.VectorState v : kernel.vectors()) {
                if (v.ownerVirq() >= 0) {
                    byVector.put(v.cpu() << 8 | v.vector(), v.ownerVirq());
                }
            }
            owners.put(kernel.kernel(), byVector);
            if (kernel.kernel().equals(Kernel.HOST)) {
                for (PlatformSnapshot.InterruptState irq : kernel.interrupts()) {
                    Matcher m = INJECTS.matcher(irq.injects());
                    if (m.matches()) {
                        injects.put(irq.virq(), new Injection(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
                    }
                }
            }
        }
        for (PlatformSnapshot.EntryState entry : snapshot.entries()) {
            entry.entry().ifPresent(e -> tables.computeIfAbsent(tableKey(entry.iommu(), entry.table()), k -> new HashMap<>())
                    .put(entry.index(), e));
        }
        // which device each entry serves: every interrupt that names a remap index, host's or a guest's
        for (Kernel kernel : platform.kernels()) {
            for (Stack stack : kernel.stacks()) {
                DeviceModel device = model.device(stack.device()).orElseThrow();
                Optional<IommuModel> unit = remappedBy.get(device.name());
                if (unit.isEmpty()) {
                    continue;
                }
                Optional<RequesterId> table = unit.get().kind() == IommuKind.AMDVI
                        ? Optional.of(device.iommuRequesterId()) : Optional.empty();
                for (AllocatedInterrupt irq : stack.interrupts()) {
                    if (irq.remapIndex().isPresent()) {
                        entryOwners.put(tableKey(unit.get().name(), table) + "#" + irq.remapIndex().getAsInt(), device);
                        bindings.add(new Binding(kernel.name(), device, unit.get(), irq));
                    }
                }
            }
        }
        for (DeviceModel device : model.devices()) {
            Optional<IommuModel> unit = remappedBy.get(device.name());
            Map<Integer, RemapEntry> table = Map.of();
            Map<Integer, DeviceModel> byIndex = new HashMap<>();
            if (unit.isPresent()) {
                String key = tableKey(unit.get().name(),
                        unit.get().kind() == IommuKind.AMDVI ? Optional.of(device.iommuRequesterId()) : Optional.empty());
                table = tables.getOrDefault(key, Map.of());
                entryOwners.forEach((k, owner) -> {
                    if (k.startsWith(key + "#")) {
                        byIndex.put(Integer.parseInt(k.substring(key.length() + 1)), owner);
                    }
                });
            }
            sources.put(device.name(), new Source(unit, device.iommuRequesterId(), table, byIndex));
        }
    }

    /** Reads the platform's current state; later changes to the platform are not seen. */
    public static ReferenceHardware of(Platform platform) {
        return new ReferenceHardware(platform);
    }

    /** The platform this reference reads. */
    public PlatformModel model() {
        return model;
    }

    /** What happens when {@code device} emits {@code message}, by semantics section 6. */
    public Delivery decode(DeviceModel device, Message message) {
        return explain(device, message).delivery();
    }

    /**
     * What happens when {@code device} emits {@code message}, and why the unit let it through when it
     * reached a CPU or a posted descriptor (section 7's classes).
     */
    public Decoded explain(DeviceModel device, Message message) {
        long address = message.address();
        int data = message.data();
        Source source = sources.get(device.name());
        Optional<IommuModel> unit = source.unit();
        boolean interruptRange = address >= BASE && address <= LIMIT;
        boolean hyperTransport = unit.isPresent() && unit.get().kind() == IommuKind.AMDVI
                && address >= HT_BASE && address <= HT_LIMIT;
        if (!interruptRange && !hyperTransport) {
            return new Decoded(Delivery.memoryWrite(), Optional.empty());
        }
        if (unit.isEmpty()) {
            return reached(compatibility(address, data), FindingClass.NO_REMAPPING);
        }
        return unit.get().kind() == IommuKind.VTD ? vtd(unit.get(), source, address, data) : amdVi(unit.get(), source, data);
    }

    // ---- VT-d

    private Decoded vtd(IommuModel unit, Source source, long address, int data) {
        if (!bit(address, 4)) {
            // compatibility format: x2APIC mode (EIME = 1) always blocks it; xAPIC mode as the unit says
            if (apicMode == ApicMode.X2APIC || !unit.compatAllowed()) {
                return fault(FaultReason.VTD_COMPAT_BLOCKED);
            }
            return reached(compatibility(address, data), FindingClass.COMPATIBILITY_FORMAT);
        }
        boolean subHandleValid = bit(address, 3);
        if (subHandleValid && (data >>> 16) != 0) {
            return fault(FaultReason.VTD_RESERVED_FIELD);
        }
        int handle = (int) (address >>> 5) & 0x7FFF | (bit(address, 2) ? 1 << 15 : 0);
        int index = subHandleValid ? (handle + (data & 0xFFFF)) & 0xFFFF : handle;
        if (index >= unit.entries()) {
            return fault(FaultReason.VTD_INDEX_BEYOND_TABLE);
        }
        RemapEntry stored = source.table().get(index);
        if (!(stored instanceof VtdRemapEntry entry) || !entry.present()) {
            return fault(FaultReason.VTD_ENTRY_NOT_PRESENT);
        }
        if (!sourceIdMatches(entry, source.seen())) {
            return fault(FaultReason.VTD_SOURCE_VALIDATION);
        }
        DeviceModel owner = source.entryOwners().get(index);
        FindingClass why;
        if (owner != null && owner.iommuRequesterId().equals(source.seen())) {
            why = FindingClass.SHARED_REQUESTER_ID;
        } else {
            why = switch (entry.svt().svt()) {
                case 0b00 -> FindingClass.SOURCE_CHECK_OFF;
                case 0b10 -> FindingClass.SOURCE_CHECK_BUS;
                // SVT 01 passed: the SID is the attacker's own requester id, so the entry is bound to it
                default -> FindingClass.SHARED_REQUESTER_ID;
            };
        }
        if (entry.posted().isPresent()) {
            String guest = entry.posted().get().guest();
            int vcpu = entry.posted().get().vcpu();
            int vector = entry.posted().get().vector();
            Integer virq = owners.getOrDefault(guest, Map.of()).get(vcpu << 8 | vector);
            return reached(virq == null
                    ? new Delivery.Spurious(OptionalInt.empty(), vector)
                    : new Delivery.Delivered(guest, vcpu, vector, virq), why);
        }
        // the IRTE destination field: the id itself in x2APIC mode, bits 15:8 of it in xAPIC mode
        int id = apicMode == ApicMode.X2APIC ? entry.destination() : entry.destination() >>> 8 & 0xFF;
        if (logicalDecoded && entry.logical()) {
            return reached(fixedToLogical(id, entry.vector()), why);
        }
        return reached(fixedToApicId(id, entry.vector()), why);
    }

    /**
     * SVT 00 accepts anyone; SVT 01 compares the SID with the requester id under the SQ mask (SQ 00:
     * all 16 bits; 01, 10, 11: function bit 2, bits 2:1, bits 2:0 ignored); SVT 10 wants the bus within
     * start (SID 15:8) ..end (SID 7:0). Both compare the segment too.
     */
    private static boolean sourceIdMatches(VtdRemapEntry entry, RequesterId seen) {
        int source = seen.bus() << 8 | seen.device() << 3 | seen.function();
        return switch (entry.svt().svt()) {
            case 0b00 -> true;
            case 0b01 -> {
                int ignored = switch (entry.sq()) {
                    case 0 -> 0;
                    case 1 -> 0b100;
                    case 2 -> 0b110;
                    default -> 0b111;
                };
                yield entry.segment() == seen.segment() && (entry.sid() & ~ignored) == (source & ~ignored);
            }
            case 0b10 -> entry.segment() == seen.segment() && seen.bus() >= (entry.sid() >>> 8) && seen.bus() <= (entry.sid() & 0xFF);
            default -> false;
        };
    }

    // ---- AMD-Vi

    private Decoded amdVi(IommuModel unit, Source source, int data) {
        boolean twoK = unit.entries() > AMDVI_TYPED_TABLE_LIMIT;
        int type = data >>> 8 & 7;
        if (!twoK && type != 0b000 && type != 0b001) {
            // SMI, NMI, INIT, ExtINT and the reserved types: the pass bits are clear, so the request is invalid
            return fault(FaultReason.AMDVI_INVALID_DEVICE_REQUEST);
        }
        int index = data & 0x7FF;
        RemapEntry stored = source.table().get(index);
        if (index >= unit.entries() || !(stored instanceof AmdViRemapEntry entry) || !entry.remapEnabled()) {
            return fault(FaultReason.AMDVI_IO_PAGE_FAULT);
        }
        // the table belongs to the requester id the unit sees: whoever's entry this is shares it
        if (logicalDecoded && entry.logical()) {
            int id = apicMode == ApicMode.X2APIC ? entry.destination() : entry.destination() & 0xFF;
            return reached(fixedToLogical(id, entry.vector()), FindingClass.SHARED_REQUESTER_ID);
        }
        return reached(fixedToApicId(entry.destination(), entry.vector()), FindingClass.SHARED_REQUESTER_ID);
    }

    // ---- the CPUs

    /** Compatibility format: destination address bits 19:12, vector data bits 7:0, delivery mode data bits 10:8. */
    private Delivery compatibility(long address, int data) {
        int destination = (int) (address >>> 12) & 0xFF;
        int vector = data & 0xFF;
        int mode = data >>> 8 & 7;
        DeliveryMode special = switch (mode) {
            case 0b010 -> DeliveryMode.SMI;
            case 0b100 -> DeliveryMode.NMI;
            case 0b101 -> DeliveryMode.INIT;
            case 0b111 -> DeliveryMode.EXTINT;
            default -> null; // 000 fixed, 001 lowest priority, reserved 011 and 110 as fixed
        };
        boolean lowestPriority = mode == 0b001;
        if (logicalDecoded && bit(address, 2) && destination != BROADCAST) {
            // a logical destination: in x2APIC mode the 8 bits are a destination in cluster 0
            List<Integer> cpus = namedBy(destination);
            if (cpus.isEmpty()) {
                return special != null ? new Delivery.Spurious(OptionalInt.empty(), OptionalInt.empty(), special)
                        : new Delivery.Spurious(OptionalInt.empty(), vector);
            }
            if (special != null) {
                List<Delivery> each = new ArrayList<>();
                cpus.forEach(cpu -> each.add(new Delivery.Special(cpu, special)));
                return each.size() == 1 ? each.get(0) : new Delivery.Multicast(OptionalInt.empty(), special, each);
            }
            return lowestPriority ? fixedToCpu(cpus.get(0), vector) : fixedToCpus(cpus, vector);
        }
        if (destination == BROADCAST) {
            if (special != null) {
                return new Delivery.Broadcast(OptionalInt.empty(), special);
            }
            // lowest priority picks one CPU of all: the platform's choice is the lowest-numbered
            return lowestPriority ? fixedToCpu(FIRST_CPU, vector) : new Delivery.Broadcast(OptionalInt.of(vector), DeliveryMode.FIXED);
        }
        Integer cpu = hostCpuOfApicId.get(destination);
        if (special != null) {
            return cpu == null ? new Delivery.Spurious(OptionalInt.empty(), OptionalInt.empty(), special) : new Delivery.Special(cpu, special);
        }
        return fixedToApicId(destination, vector);
    }

    /**
     * The host CPUs, in increasing order, whose logical destination register the logical destination
     * {@code destination} names: xAPIC, any common bit of the low 8; x2APIC, the same cluster (bits
     * 31:16) and a common bit of the 16-bit mask.
     */
    private List<Integer> namedBy(int destination) {
        List<Integer> cpus = new ArrayList<>();
        for (int cpu = 0; cpu < logicalIds.length; cpu++) {
            int ldr = logicalIds[cpu];
            boolean named = apicMode == ApicMode.X2APIC
                    ? ldr >>> 16 == destination >>> 16 && (ldr & destination & 0xFFFF) != 0
                    : (ldr & destination & 0xFF) != 0;
            if (named) {
                cpus.add(cpu);
            }
        }
        return cpus;
    }

    /** A remap entry's fixed delivery to a logical destination: the broadcast id reaches every host CPU. */
    private Delivery fixedToLogical(int destination, int vector) {
        if (apicMode == ApicMode.X2APIC ? destination == 0xFFFF_FFFF : destination == BROADCAST) {
            return new Delivery.Broadcast(OptionalInt.of(vector), DeliveryMode.FIXED);
        }
        List<Integer> cpus = namedBy(destination);
        return cpus.isEmpty() ? new Delivery.Spurious(OptionalInt.empty(), vector) : fixedToCpus(cpus, vector);
    }

    /** A fixed vector on each of several host CPUs: one delivery, or a multicast of each CPU's. */
    private Delivery fixedToCpus(List<Integer> cpus, int vector) {
        if (cpus.size() == 1) {
            return fixedToCpu(cpus.get(0), vector);
        }
        List<Delivery> each = new ArrayList<>();
        cpus.forEach(cpu -> each.add(fixedToCpu(cpu, vector)));
        return new Delivery.Multicast(OptionalInt.of(vector), DeliveryMode.FIXED, each);
    }

    private Delivery fixedToApicId(int apicId, int vector) {
        Integer cpu = hostCpuOfApicId.get(apicId);
        return cpu == null ? new Delivery.Spurious(OptionalInt.empty(), vector) : fixedToCpu(cpu, vector);
    }

    /** A fixed vector on a host CPU: illegal below 0x10, else its owner's (a forwarded one injects), else nobody's. */
    private Delivery fixedToCpu(int cpu, int vector) {
        if (vector < FIRST_LEGAL_VECTOR) {
            return new Delivery.Spurious(OptionalInt.of(cpu), vector);
        }
        Integer virq = owners.get(Kernel.HOST).get(cpu << 8 | vector);
        if (virq == null) {
            return new Delivery.Spurious(OptionalInt.of(cpu), vector);
        }
        Injection forward = injects.get(virq);
        if (forward == null) {
            return new Delivery.Delivered(Kernel.HOST, cpu, vector, virq);
        }
        Integer guestVirq = owners.getOrDefault(forward.guest(), Map.of()).get(forward.vcpu() << 8 | forward.vector());
        return guestVirq == null
                ? new Delivery.Spurious(OptionalInt.of(cpu), vector)
                : new Delivery.Delivered(forward.guest(), forward.vcpu(), forward.vector(), guestVirq);
    }

    // ---- what the entries hold

    /**
     * Where the remap entries differ from what sections 3 and 5 and language.md's bridge rule say they
     * hold, one line per entry: every interrupt that names a remap index must find there a present
     * (VT-d) or remap-enabled (AMD-Vi, in the table of the requester id the unit sees) entry; a VT-d
     * entry validates its source as the unit's {@code source_check} says (behind a bridge: the bridge's
     * secondary bus, SVT 10; {@code off}: SVT 00 for everyone); a host interrupt's entry delivers its
     * own CPU and vector; a guest interrupt's entry keeps a host vector whose handler injects the
     * guest's vCPU and vector, and with {@code posted on} posts to them directly. The decoder trusts
     * the entries; this is what keeps that trust honest.
     */
    public List<String> bindingProblems() {
        List<String> problems = new ArrayList<>();
        for (Binding b : bindings) {
            int index = b.irq().remapIndex().getAsInt();
            boolean amd = b.unit().kind() == IommuKind.AMDVI;
            Optional<RequesterId> table = amd ? Optional.of(b.device().iommuRequesterId()) : Optional.empty();
            RemapEntry stored = tables.getOrDefault(tableKey(b.unit().name(), table), Map.of()).get(index);
            String who = b.kernel() + " " + b.device().name() + " slot " + b.irq().slot() + " " + b.unit().name()
                    + table.map(rid -> " table " + rid).orElse("") + " entry " + index + ": ";
            int vector;
            int apicId;
            boolean logical;
            if (amd) {
                if (!(stored instanceof AmdViRemapEntry entry) || !entry.remapEnabled()) {
                    problems.add(who + "no remap-enabled entry there");
                    continue;
                }
                vector = entry.vector();
                apicId = entry.destination();
                logical = entry.logical();
            } else {
                if (!(stored instanceof VtdRemapEntry entry) || !entry.present()) {
                    problems.add(who + "no present entry there");
                    continue;
                }
                String validation = expectedValidation(b.unit(), b.device());
                String actual = String.format("SVT %d SQ %d SID 0x%04x segment %d", entry.svt().svt(), entry.sq(),
                        entry.svt().svt() == 0 ? 0 : entry.sid(), entry.svt().svt() == 0 ? 0 : entry.segment());
                if (!actual.equals(validation)) {
                    problems.add(who + actual + ", expected " + validation);
                }
                boolean guest = !b.kernel().equals(Kernel.HOST);
                Optional<Injection> posted = entry.posted().map(t -> new Injection(t.guest(), t.vcpu(), t.vector()));
                Optional<Injection> expectedPost = guest && b.unit().posted()
                        ? Optional.of(new Injection(b.kernel(), b.irq().cpu(), b.irq().vector())) : Optional.empty();
                if (!posted.equals(expectedPost)) {
                    problems.add(who + "posted " + posted + ", expected " + expectedPost);
                }
                if (entry.redirectionHint() != model.hostKernel().vtdRedirectionHint()) {
                    problems.add(who + "redirection hint " + entry.redirectionHint() + ", the host kernel sets "
                            + model.hostKernel().vtdRedirectionHint());
                }
                vector = entry.vector();
                apicId = apicMode == ApicMode.X2APIC ? entry.destination() : entry.destination() >>> 8 & 0xFF;
                logical = entry.logical();
            }
            if (logical != hostMode.logical()) {
                problems.add(who + "destination mode " + (logical ? "logical" : "physical") + ", the host kernel names CPUs "
                        + hostMode.words());
            }
            // a logical entry names its CPU by the id in that CPU's logical destination register
            Integer cpu = logical ? cpuWithLogicalId(apicId) : hostCpuOfApicId.get(apicId);
            if (b.kernel().equals(Kernel.HOST)) {
                if (cpu == null || cpu != b.irq().cpu() || vector != b.irq().vector()) {
                    problems.add(String.format("%sdelivers APIC ID 0x%x vector 0x%02x, the interrupt has CPU %d vector 0x%02x", who,
                            apicId, vector, b.irq().cpu(), b.irq().vector()));
                }
                continue;
            }
            Integer hostVirq = cpu == null ? null : owners.get(Kernel.HOST).get(cpu << 8 | vector);
            Injection injected = hostVirq == null ? null : injects.get(hostVirq);
            Injection wanted = new Injection(b.kernel(), b.irq().cpu(), b.irq().vector());
            if (!wanted.equals(injected)) {
                problems.add(String.format("%skeeps APIC ID 0x%x vector 0x%02x, whose handler injects %s, not %s", who, apicId, vector,
                        injected, wanted));
            }
        }
        return problems;
    }

    /** The host CPU whose logical destination register holds exactly {@code id}, or null. */
    private Integer cpuWithLogicalId(int id) {
        int destination = apicMode == ApicMode.X2APIC ? id : id & 0xFF;
        for (int cpu = 0; cpu < logicalIds.length; cpu++) {
            if (logicalIds[cpu] != 0 && logicalIds[cpu] == destination) {
                return cpu;
            }
        }
        return null;
    }

    /** How many interrupts name a remap entry: what {@link #bindingProblems()} checks. */
    public int bindings() {
        return bindings.size();
    }

    /** The source validation section 3 gives an entry of {@code device}, in the words {@link #bindingProblems()} compares. */
    private static String expectedValidation(IommuModel unit, DeviceModel device) {
        RequesterId rid = device.requesterId();
        return switch (unit.sourceCheck()) {
            case OFF -> "SVT 0 SQ 0 SID 0x0000 segment 0";
            case FULL -> device.bridge().isEmpty()
                    ? String.format("SVT 1 SQ 0 SID 0x%04x segment %d", rid.bus() << 8 | rid.device() << 3 | rid.function(), rid.segment())
                    : String.format("SVT 2 SQ 0 SID 0x%04x segment %d", rid.bus() << 8 | rid.bus(), rid.segment());
            case BUS -> String.format("SVT 2 SQ 0 SID 0x%04x segment %d", rid.bus() << 8 | rid.bus(), rid.segment());
        };
    }

    // ---- whom it harms

    /**
     * Section 7's victims of a delivery, host first then guests in declaration order (the attacker
     * among them when it is hit: the caller leaves it out): the kernel whose handler ran; the host for
     * a vector on a host CPU nobody owns (an illegal one included) and for any special mode that reached
     * a CPU; for a broadcast the host and every guest one of whose forwarded host vectors it hits.
     * Faults, memory writes and messages that reach no CPU harm nobody.
     */
    public List<String> victims(Delivery delivery) {
        if (delivery instanceof Delivery.Multicast m) {
            Set<String> hit = new HashSet<>();
            m.deliveries().forEach(each -> hit.addAll(victims(each)));
            List<String> ordered = new ArrayList<>();
            if (hit.contains(Kernel.HOST)) {
                ordered.add(Kernel.HOST);
            }
            guests.stream().filter(hit::contains).forEach(ordered::add);
            return ordered;
        }
        if (delivery instanceof Delivery.Delivered d) {
            return List.of(d.kernel());
        }
        if (delivery instanceof Delivery.Special) {
            return List.of(Kernel.HOST);
        }
        if (delivery instanceof Delivery.Spurious s) {
            return s.cpu().isPresent() ? List.of(Kernel.HOST) : List.of();
        }
        if (delivery instanceof Delivery.Broadcast b) {
            Set<String> hit = new LinkedHashSet<>();
            hit.add(Kernel.HOST);
            if (b.vector().isPresent()) {
                Set<String> forwardedTo = new HashSet<>();
                for (int cpu = 0; cpu < model.cpu().count(); cpu++) {
                    Integer virq = owners.get(Kernel.HOST).get(cpu << 8 | b.vector().getAsInt());
                    Injection forward = virq == null ? null : injects.get(virq);
                    if (forward != null) {
                        forwardedTo.add(forward.guest());
                    }
                }
                guests.stream().filter(forwardedTo::contains).forEach(hit::add);
            }
            return List.copyOf(hit);
        }
        return List.of();
    }

    /** The special delivery mode a delivery reached a CPU in, if it is one (a special mode that reached no CPU is not). */
    public static Optional<DeliveryMode> specialReaching(Delivery delivery) {
        if (delivery instanceof Delivery.Special s) {
            return Optional.of(s.mode());
        }
        if (delivery instanceof Delivery.Broadcast b && b.vector().isEmpty()) {
            return Optional.of(b.mode());
        }
        if (delivery instanceof Delivery.Multicast m && m.vector().isEmpty()) {
            return Optional.of(m.mode());
        }
        return Optional.empty();
    }

    /** One line per outcome for failure messages, every field shown. */
    public static String render(Delivery delivery) {
        if (delivery instanceof Delivery.Delivered d) {
            return String.format("delivered %s cpu %d vector 0x%02x virq %d", d.kernel(), d.cpu(), d.vector(), d.virq());
        }
        if (delivery instanceof Delivery.Special s) {
            return String.format("delivered host cpu %d %s", s.cpu(), s.mode().keyword());
        }
        if (delivery instanceof Delivery.Fault f) {
            return "fault " + f.faultReason();
        }
        if (delivery instanceof Delivery.Spurious s) {
            return String.format("spurious cpu %s vector %s %s", s.cpu().isPresent() ? String.valueOf(s.cpu().getAsInt()) : "null",
                    s.vector().isPresent() ? String.format("0x%02x", s.vector().getAsInt()) : "null", s.mode().keyword());
        }
        if (delivery instanceof Delivery.Broadcast b) {
            return String.format("broadcast vector %s %s",
                    b.vector().isPresent() ? String.format("0x%02x", b.vector().getAsInt()) : "null", b.mode().keyword());
        }
        if (delivery instanceof Delivery.Multicast m) {
            List<String> each = new ArrayList<>();
            m.deliveries().forEach(d -> each.add(render(d)));
            return String.format("multicast vector %s %s [%s]",
                    m.vector().isPresent() ? String.format("0x%02x", m.vector().getAsInt()) : "null", m.mode().keyword(),
                    String.join("; ", each));
        }
        return delivery.outcome();
    }

    // ---- plumbing

    private static Decoded fault(FaultReason reason) {
        return new Decoded(new Delivery.Fault(reason), Optional.empty());
    }

    /** A message the unit let through: it has a class whether or not it then harms anyone. */
    private static Decoded reached(Delivery delivery, FindingClass why) {
        return new Decoded(delivery, Optional.of(why));
    }

    private static String tableKey(String iommu, Optional<RequesterId> table) {
        return iommu + table.map(rid -> "/" + rid.segment() + ":" + rid.sourceId()).orElse("");
    }

    private static boolean bit(long address, int bit) {
        return (address >>> bit & 1) != 0;
    }
}
