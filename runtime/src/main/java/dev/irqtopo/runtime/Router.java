package dev.irqtopo.runtime;

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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The hardware path of one emitted message (Use): the interrupt range, then the remapping unit covering
 * the device (if remapping is on), then the CPUs' interrupt logic, then whoever owns the vector. The
 * same code serves firing a slot, tracing a message for a counterexample, and the isolation analysis.
 *
 * <p>Results are shared instances wherever the outcome allows, so that firing allocates nothing.
 */
final class Router {

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
    static final int FIRST_LEGAL_VECTOR = 0x10;

    private final Platform platform;

    Router(Platform platform) {
        this.platform = platform;
    }

    /** Where a message {@code device} emits ends; steps in words go to {@code trace} when it is not null. */
    Delivery route(Device device, long address, int data, List<String> trace) {
        RemapDomain remap = device.remap;
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
            Translation translation = remap.translate(device.iommuRequesterId(), address, data, trace);
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
        int vector = Message.vector(data);
        DeliveryMode mode = DeliveryMode.of(data);
        boolean lowestPriority = Message.isLowestPriority(data);
        if (trace != null) {
            trace.add("destination APIC ID 0x" + Hex.of(apicId, 2) + (apicId == Message.BROADCAST ? " (broadcast)" : "")
                    + " (address bits 19:12), " + (mode.isSpecial() ? mode.keyword().toUpperCase(java.util.Locale.ROOT)
                    : "vector 0x" + Hex.of(vector, 2) + " (data bits 7:0)") + ", delivery mode "
                    + (lowestPriority ? "lowest priority" : mode.keyword()) + " (data bits 10:8)");
        }
        Kernel host = platform.host();
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
        int cpu = host.vectors.cpuWithApicId(apicId);
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
    Delivery throughEntry(RemapEntry entry) {
        return throughEntry(entry, null);
    }

    private Delivery throughEntry(RemapEntry entry, List<String> trace) {
        if (entry instanceof VtdRemapEntry vtd) {
            if (vtd.posted().isPresent()) {
                PostedTarget target = vtd.posted().get();
                Kernel guest = platform.kernel(target.guest());
                Irq owner = guest.vectors.owner(target.vcpu(), target.vector());
                if (trace != null) {
                    trace.add("posted to " + target.guest() + " vCPU " + target.vcpu() + " vector 0x" + Hex.of(target.vector(), 2) + ", "
                            + (owner == null ? "which no handler owns" : "owned by " + owner.describe()));
                }
                return owner == null ? new Delivery.Spurious(OptionalInt.empty(), target.vector()) : owner.delivered();
            }
            return remappedTo(vtd.destinationApicId(), vtd.vector(), trace);
        }
        AmdViRemapEntry amd = (AmdViRemapEntry) entry;
        return remappedTo(amd.destination(), amd.vector(), trace);
    }

    /** An entry's fixed delivery to the host CPU with {@code apicId}. */
    private Delivery remappedTo(int apicId, int vector, List<String> trace) {
        int cpu = platform.host().vectors.cpuWithApicId(apicId);
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
    Delivery atHostCpu(int cpu, int vector, String how, List<String> trace) {
        Kernel host = platform.host();
        if (vector < FIRST_LEGAL_VECTOR) {
            if (trace != null) {
                trace.add(how + " host CPU " + cpu + " vector 0x" + Hex.of(vector, 2)
                        + ", an illegal vector: the APIC raises its error interrupt, the host's");
            }
            return new Delivery.Spurious(OptionalInt.of(cpu), vector);
        }
        Irq owner = host.vectors.owner(cpu, vector);
        if (owner == null) {
            if (trace != null) {
                trace.add(how + " host CPU " + cpu + " vector 0x" + Hex.of(vector, 2) + ", which no handler owns: spurious");
            }
            return new Delivery.Spurious(OptionalInt.of(cpu), vector);
        }
        if (owner.injects == null) {
            if (trace != null) {
                trace.add(how + " host CPU " + cpu + " vector 0x" + Hex.of(vector, 2) + ", owned by " + owner.describe());
            }
            return owner.delivered();
        }
        Irq guestOwner = owner.injects.vectors.owner(owner.injectCpu, owner.injectVector);
        if (trace != null) {
            trace.add(how + " host CPU " + cpu + " vector 0x" + Hex.of(vector, 2) + ": " + owner.describe() + " injects "
                    + owner.injects.name() + " vCPU " + owner.injectCpu + " vector 0x" + Hex.of(owner.injectVector, 2) + ", "
                    + (guestOwner == null ? "which no handler owns" : "owned by " + guestOwner.describe()));
        }
        return guestOwner == null ? new Delivery.Spurious(OptionalInt.of(cpu), vector) : guestOwner.delivered();
    }
}
