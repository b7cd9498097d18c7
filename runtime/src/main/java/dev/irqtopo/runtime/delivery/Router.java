package dev.irqtopo.runtime.delivery;

import dev.irqtopo.runtime.hypervisor.Forward;
import dev.irqtopo.runtime.message.DeliveryMode;
import dev.irqtopo.runtime.message.Hex;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.remap.AmdViRemapEntry;
import dev.irqtopo.runtime.remap.FaultReason;
import dev.irqtopo.runtime.remap.PostedTarget;
import dev.irqtopo.runtime.remap.RemapDomain;
import dev.irqtopo.runtime.remap.RemapEntry;
import dev.irqtopo.runtime.remap.Translation;
import dev.irqtopo.runtime.remap.VtdRemapEntry;
import dev.irqtopo.runtime.stack.Interrupt;
import dev.irqtopo.runtime.vector.LogicalDestinations;
import dev.irqtopo.runtime.vector.VectorDomain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The hardware path of one emitted message (Use): the interrupt range, then the remapping unit covering
 * the device (if remapping is on), then the CPUs' interrupt logic, then whoever owns the vector. The
 * same code serves firing a slot, tracing a message for a counterexample, and the isolation analysis.
 *
 * <p>A destination with the logical bit set (a compatibility message's address bit 2, a remap entry's
 * DM bit) names the CPUs the host's {@link LogicalDestinations} say, where the host's kernel profile
 * decodes logical destinations; otherwise it is read as an APIC ID, the semantics specification's
 * simplification.
 *
 * <p>Results that name no interrupt are shared instances; firing a slot reuses the delivery it
 * computed until the platform changes, so firing allocates nothing.
 *
 * <p>Reads only: it changes nothing, and a caller that routes without the platform's lock validates
 * afterwards that no change overlapped.
 */
public final class Router {

    private static final Map<FaultReason, Delivery.Fault> FAULTS = new EnumMap<>(FaultReason.class);
    private static final Delivery.Broadcast[] FIXED_BROADCASTS = new Delivery.Broadcast[256];
    private static final Map<DeliveryMode, Delivery.Broadcast> SPECIAL_BROADCASTS = new EnumMap<>(DeliveryMode.class);
    private static final Map<DeliveryMode, Delivery.Spurious> SPECIAL_TO_NOBODY = new EnumMap<>(DeliveryMode.class);

    static {
        for (FaultReason reason : FaultReason.values()) {
            FAULTS.put(reason, new Delivery.Fault(reason));
        }
        for (int vector = 0; vector < FIXED_BROADCASTS.length; vector++) {
            FIXED_BROADCASTS[vector] = new Delivery.Broadcast(OptionalInt.of(vector), DeliveryMode.FIXED);
        }
        for (DeliveryMode mode : DeliveryMode.SPECIAL) {
            SPECIAL_BROADCASTS.put(mode, new Delivery.Broadcast(OptionalInt.empty(), mode));
            SPECIAL_TO_NOBODY.put(mode, new Delivery.Spurious(OptionalInt.empty(), OptionalInt.empty(), mode));
        }
    }

    /** The lowest vector a local APIC accepts; below it the APIC records an illegal-vector error. */
    public static final int FIRST_LEGAL_VECTOR = 0x10;

    private final VectorDomain<Interrupt> host;
    /** Every kernel's vector domain by name, to find the owner of a posted or injected guest vector. */
    private final Map<String, VectorDomain<Interrupt>> kernels;
    /** Which host CPUs a logical destination names; null when logical destinations are read as physical. */
    private final LogicalDestinations logical;

    /** The CPUs of {@code host}, and every kernel's vector domain by its name; logical destinations read as physical. */
    public Router(VectorDomain<Interrupt> host, Map<String, VectorDomain<Interrupt>> kernels) {
        this(host, kernels, Optional.empty());
    }

    /**
     * The CPUs of {@code host}, every kernel's vector domain by its name, and, when the host decodes
     * logical destinations, which of its CPUs each names.
     */
    public Router(VectorDomain<Interrupt> host, Map<String, VectorDomain<Interrupt>> kernels,
                  Optional<LogicalDestinations> logical) {
        this.host = host;
        this.kernels = Map.copyOf(kernels);
        this.logical = logical.orElse(null);
    }

    /** Which host CPUs a logical destination names; empty when logical destinations are read as physical. */
    public Optional<LogicalDestinations> logicalDestinations() {
        return Optional.ofNullable(logical);
    }

    /** Where a message from {@code source} ends; steps in words go to {@code trace} when it is not null. */
    public Delivery route(Source source, long address, int data, List<String> trace) {
        RemapDomain remap = source.remap();
        boolean hyperTransport = remap != null && remap.decodesHyperTransportWindow() && Message.isHyperTransportInterrupt(address);
        if (!Message.isInterrupt(address) && !hyperTransport) {
            if (trace != null) {
                trace.add("0x" + Hex.of(address, 16) + " is outside the interrupt range 0xfee00000..0xfeefffff: a memory write");
            }
            return Delivery.memoryWrite();
        }
        if (hyperTransport && trace != null) {
            trace.add("0x" + Hex.of(address, 16) + " is in the HyperTransport interrupt window: an interrupt request");
        }
        if (remap != null) {
            Translation translation = remap.translate(source.device().iommuRequesterId(), address, data, trace);
            if (translation instanceof Translation.Blocked blocked) {
                return FAULTS.get(blocked.reason());
            }
            if (translation instanceof Translation.Remapped remapped) {
                return throughEntry(remapped.entry(), trace);
            }
        } else if (trace != null) {
            trace.add("no interrupt remapping: compatibility format");
        }
        return compatibility(address, data, trace);
    }

    /**
     * A compatibility-format message as the CPUs decode it: destination APIC ID in address bits 19:12
     * (0xFF reaches every CPU), vector in data bits 7:0, delivery mode in data bits 10:8.
     */
    Delivery compatibility(long address, int data, List<String> trace) {
        int apicId = Message.destination(address);
        if (logical != null && Message.isLogicalDestination(address) && apicId != Message.BROADCAST) {
            return logicalCompatibility(apicId, data, trace);
        }
        int vector = Message.vector(data);
        DeliveryMode mode = DeliveryMode.of(data);
        boolean lowestPriority = Message.isLowestPriority(data);
        if (trace != null) {
            trace.add("destination APIC ID 0x" + Hex.of(apicId, 2) + (apicId == Message.BROADCAST ? " (broadcast)" : "")
                    + " (address bits 19:12), " + (mode.isSpecial() ? mode.keyword().toUpperCase(java.util.Locale.ROOT)
                    : "vector 0x" + Hex.of(vector, 2) + " (data bits 7:0)") + ", delivery mode "
                    + (lowestPriority ? "lowest priority" : mode.keyword()) + " (data bits 10:8)");
        }
        if (apicId == Message.BROADCAST) {
            if (mode.isSpecial()) {
                if (trace != null) {
                    trace.add("every host CPU takes the " + mode.keyword().toUpperCase(java.util.Locale.ROOT));
                }
                return SPECIAL_BROADCASTS.get(mode);
            }
            if (lowestPriority) {
                if (trace != null) {
                    trace.add("lowest priority to every CPU: the platform picks the lowest-numbered, host CPU 0");
                }
                return atHostCpu(0, vector, "delivered to", trace);
            }
            if (trace != null) {
                trace.add("vector 0x" + Hex.of(vector, 2) + " on every host CPU, whose owners' handlers all run");
            }
            return FIXED_BROADCASTS[vector];
        }
        int cpu = host.cpuWithApicId(apicId);
        if (cpu < 0) {
            if (trace != null) {
                trace.add("no host CPU has APIC ID 0x" + Hex.of(apicId, 2) + ": nobody receives it");
            }
            return mode.isSpecial() ? SPECIAL_TO_NOBODY.get(mode) : new Delivery.Spurious(OptionalInt.empty(), vector);
        }
        if (mode.isSpecial()) {
            if (trace != null) {
                trace.add("host CPU " + cpu + " takes the " + mode.keyword().toUpperCase(java.util.Locale.ROOT));
            }
            return new Delivery.Special(cpu, mode);
        }
        return atHostCpu(cpu, vector, "delivered to", trace);
    }

    /** Where a request that selected {@code entry} (and passed its source validation) ends. */
    public Delivery throughEntry(RemapEntry entry) {
        return throughEntry(entry, null);
    }

    private Delivery throughEntry(RemapEntry entry, List<String> trace) {
        if (entry instanceof VtdRemapEntry vtd) {
            if (vtd.posted().isPresent()) {
                PostedTarget target = vtd.posted().get();
                Interrupt owner = kernels.get(target.guest()).owner(target.vcpu(), target.vector());
                if (trace != null) {
                    trace.add("posted to " + target.guest() + " vCPU " + target.vcpu() + " vector 0x" + Hex.of(target.vector(), 2) + ", "
                            + (owner == null ? "which no handler owns" : "owned by " + owner.describe()));
                }
                return owner == null ? new Delivery.Spurious(OptionalInt.empty(), target.vector()) : delivered(owner);
            }
            if (logical != null && vtd.logical()) {
                return remappedToLogical(vtd.destinationApicId(), vtd.vector(), trace);
            }
            return remappedTo(vtd.destinationApicId(), vtd.vector(), trace);
        }
        AmdViRemapEntry amd = (AmdViRemapEntry) entry;
        if (logical != null && amd.logical()) {
            return remappedToLogical(amd.destination(), amd.vector(), trace);
        }
        return remappedTo(amd.destination(), amd.vector(), trace);
    }

    /**
     * A compatibility-format message with the logical bit set, not to the broadcast destination: the
     * 8-bit destination names the CPUs whose logical id shares a bit with it (in x2APIC mode, read as a
     * destination in cluster 0, as KVM does).
     */
    private Delivery logicalCompatibility(int destination, int data, List<String> trace) {
        int vector = Message.vector(data);
        DeliveryMode mode = DeliveryMode.of(data);
        boolean lowestPriority = Message.isLowestPriority(data);
        int[] cpus = logical.named(destination);
        if (trace != null) {
            trace.add("logical destination 0x" + Hex.of(destination, 2) + " (address bits 19:12, address bit 2 set)"
                    + registers(destination) + " names " + cpuWords(cpus) + ", "
                    + (mode.isSpecial() ? upper(mode) : "vector 0x" + Hex.of(vector, 2) + " (data bits 7:0)")
                    + ", delivery mode " + (lowestPriority ? "lowest priority" : mode.keyword()) + " (data bits 10:8)");
        }
        return toCpus(cpus, vector, mode, lowestPriority, "delivered to", trace);
    }

    /**
     * An entry's fixed delivery to a logical destination (DM = 1): the CPUs it names, or every host CPU
     * for the broadcast id (0xFF in xAPIC mode, 0xFFFFFFFF in x2APIC mode).
     */
    private Delivery remappedToLogical(int destination, int vector, List<String> trace) {
        int id = logical.ofEntry(destination);
        String words = "remapped to logical destination 0x" + Hex.of(id, logical.x2apic() ? 8 : 2) + " (DM = 1)";
        if (logical.isBroadcast(id)) {
            if (trace != null) {
                trace.add(words + ", the broadcast: vector 0x" + Hex.of(vector, 2)
                        + " on every host CPU, whose owners' handlers all run");
            }
            return FIXED_BROADCASTS[vector];
        }
        int[] cpus = logical.named(id);
        if (trace != null) {
            trace.add(words + registers(id) + ", which names " + cpuWords(cpus));
        }
        return toCpus(cpus, vector, DeliveryMode.FIXED, false, "remapped to", trace);
    }

    /**
     * What a message in {@code mode} does on the host CPUs a logical destination named: nobody receives
     * it when there are none; lowest priority reaches one, the lowest-numbered (the platform's choice);
     * otherwise every CPU named takes it, each CPU's owner of the vector runs.
     */
    private Delivery toCpus(int[] cpus, int vector, DeliveryMode mode, boolean lowestPriority, String how, List<String> trace) {
        if (cpus.length == 0) {
            if (trace != null) {
                trace.add("no host CPU has that logical id: nobody receives it");
            }
            return mode.isSpecial() ? SPECIAL_TO_NOBODY.get(mode) : new Delivery.Spurious(OptionalInt.empty(), vector);
        }
        if (mode.isSpecial()) {
            if (trace != null) {
                trace.add(cpuWords(cpus) + (cpus.length == 1 ? " takes the " : " each take the ") + upper(mode));
            }
            if (cpus.length == 1) {
                return new Delivery.Special(cpus[0], mode);
            }
            List<Delivery> each = new ArrayList<>(cpus.length);
            for (int cpu : cpus) {
                each.add(new Delivery.Special(cpu, mode));
            }
            return new Delivery.Multicast(OptionalInt.empty(), mode, each);
        }
        if (cpus.length == 1) {
            return atHostCpu(cpus[0], vector, how, trace);
        }
        if (lowestPriority) {
            if (trace != null) {
                trace.add("lowest priority to " + cpuWords(cpus) + ": the platform picks the lowest-numbered, host CPU " + cpus[0]);
            }
            return atHostCpu(cpus[0], vector, how, trace);
        }
        if (trace != null) {
            trace.add("vector 0x" + Hex.of(vector, 2) + " on each of " + cpuWords(cpus) + ", whose owners' handlers all run");
        }
        List<Delivery> each = new ArrayList<>(cpus.length);
        for (int cpu : cpus) {
            each.add(atHostCpu(cpu, vector, how, trace));
        }
        return new Delivery.Multicast(OptionalInt.of(vector), DeliveryMode.FIXED, each);
    }

    /** How the CPUs' logical destination registers read {@code destination}, in words. */
    private String registers(int destination) {
        if (logical.x2apic()) {
            return " in x2APIC mode: cluster 0x" + Hex.of(LogicalDestinations.cluster(destination), 4) + ", mask 0x"
                    + Hex.of(LogicalDestinations.mask(destination), 4)
                    + " (logical ids from the APIC IDs)";
        }
        return logical.flat() ? " in flat mode (logical id 1 << cpu)" : " in physical mode (no CPU has a logical id)";
    }

    /** {@code "no host CPU"}, {@code "host CPU 1"}, {@code "host CPUs 0, 1 and 3"}. */
    private static String cpuWords(int[] cpus) {
        if (cpus.length == 0) {
            return "no host CPU";
        }
        if (cpus.length == 1) {
            return "host CPU " + cpus[0];
        }
        StringBuilder words = new StringBuilder("host CPUs ");
        for (int i = 0; i < cpus.length; i++) {
            words.append(i == 0 ? "" : i == cpus.length - 1 ? " and " : ", ").append(cpus[i]);
        }
        return words.toString();
    }

    private static String upper(DeliveryMode mode) {
        return mode.keyword().toUpperCase(Locale.ROOT);
    }

    /** An entry's fixed delivery to the host CPU with {@code apicId}. */
    private Delivery remappedTo(int apicId, int vector, List<String> trace) {
        int cpu = host.cpuWithApicId(apicId);
        if (cpu < 0) {
            if (trace != null) {
                trace.add("no host CPU has APIC ID 0x" + Hex.of(apicId, 2) + ": nobody receives it");
            }
            return new Delivery.Spurious(OptionalInt.empty(), vector);
        }
        return atHostCpu(cpu, vector, "remapped to", trace);
    }

    /**
     * A fixed interrupt for {@code vector} on host CPU {@code cpu}: an illegal vector, the owner's handler,
     * a forwarding handler that injects its guest vector, or spurious when nobody owns it.
     */
    public Delivery atHostCpu(int cpu, int vector, String how, List<String> trace) {
        if (vector < FIRST_LEGAL_VECTOR) {
            if (trace != null) {
                trace.add(how + " host CPU " + cpu + " vector 0x" + Hex.of(vector, 2)
                        + ", an illegal vector: the APIC raises its error interrupt, the host's");
            }
            return new Delivery.Spurious(OptionalInt.of(cpu), vector);
        }
        Interrupt owner = host.owner(cpu, vector);
        if (owner == null) {
            if (trace != null) {
                trace.add(how + " host CPU " + cpu + " vector 0x" + Hex.of(vector, 2) + ", which no handler owns: spurious");
            }
            return new Delivery.Spurious(OptionalInt.of(cpu), vector);
        }
        Forward forward = owner.forward();
        if (forward == null) {
            if (trace != null) {
                trace.add(how + " host CPU " + cpu + " vector 0x" + Hex.of(vector, 2) + ", owned by " + owner.describe());
            }
            return delivered(owner);
        }
        // the guest's vector domain holds only its own interrupts
        Interrupt guestOwner = (Interrupt) forward.guest().owner(forward.vcpu(), forward.vector());
        if (trace != null) {
            trace.add(how + " host CPU " + cpu + " vector 0x" + Hex.of(vector, 2) + ": " + owner.describe() + " injects "
                    + forward.guestName() + " vCPU " + forward.vcpu() + " vector 0x" + Hex.of(forward.vector(), 2) + ", "
                    + (guestOwner == null ? "which no handler owns" : "owned by " + guestOwner.describe()));
        }
        return guestOwner == null ? new Delivery.Spurious(OptionalInt.of(cpu), vector) : delivered(guestOwner);
    }

    /**
     * The outcome when {@code irq}'s own handler runs: its kernel, CPU, vector and irq number, made the
     * first time it is reached and kept as the interrupt's handler data, so that routing allocates
     * nothing after. Threads that race to make it make equal values.
     */
    private static Delivery delivered(Interrupt irq) {
        if (irq.handlerData() instanceof Delivery.Delivered delivered) {
            return delivered;
        }
        Delivery.Delivered delivered = new Delivery.Delivered(irq.kernel(), irq.cpu(), irq.vector(), irq.virq());
        irq.setHandlerData(delivered);
        return delivered;
    }
}
