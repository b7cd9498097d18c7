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
import dev.irqtopo.runtime.vector.VectorDomain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The hardware path of one emitted message (Use): the interrupt range, then the remapping unit covering
 * the device (if remapping is on), then the CPUs' interrupt logic, then whoever owns the vector. The
 * same code serves firing a slot, tracing a message for a counterexample, and the isolation analysis.
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

    /** The CPUs of {@code host}, and every kernel's vector domain by its name. */
    public Router(VectorDomain<Interrupt> host, Map<String, VectorDomain<Interrupt>> kernels) {
        this.host = host;
        this.kernels = Map.copyOf(kernels);
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
            return remappedTo(vtd.destinationApicId(), vtd.vector(), trace);
        }
        AmdViRemapEntry amd = (AmdViRemapEntry) entry;
        return remappedTo(amd.destination(), amd.vector(), trace);
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
