package dev.irqtopo.runtime;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The hardware path of one emitted message: interrupt range, then the remapping unit covering the
 * device (if remapping is on), then the host CPU and vector, then whoever owns that vector. The same
 * code serves firing a slot, tracing a message for a counterexample, and the isolation analysis.
 */
final class Router {

    private static final Map<FaultReason, Delivery.Fault> FAULTS = new EnumMap<>(FaultReason.class);

    static {
        for (FaultReason reason : FaultReason.values()) {
            FAULTS.put(reason, new Delivery.Fault(reason));
        }
    }

    private final Platform platform;

    Router(Platform platform) {
        this.platform = platform;
    }

    /** Where a message {@code device} emits ends; steps in words go to {@code trace} when it is not null. */
    Delivery route(Device device, long address, int data, List<String> trace) {
        if (!Message.isInterrupt(address)) {
            if (trace != null) {
                trace.add("0x" + Hex.of(address, 16) + " is outside the interrupt range 0xfee00000..0xfeefffff: a memory write");
            }
            return Delivery.memoryWrite();
        }
        RemapDomain remap = device.remap;
        if (remap != null) {
            Translation translation = remap.translate(device.requesterId(), address, data, trace);
            if (translation instanceof Translation.Blocked blocked) {
                return FAULTS.get(blocked.reason());
            }
            if (translation instanceof Translation.Remapped remapped) {
                return throughEntry(remapped.entry(), trace);
            }
        } else if (trace != null) {
            trace.add("no interrupt remapping: compatibility format");
        }
        int apicId = (int) (address >>> 12) & 0xFF;
        int vector = data & 0xFF;
        if (trace != null) {
            trace.add("destination APIC ID 0x" + Hex.of(apicId, 2) + " (address bits 19:12), vector 0x" + Hex.of(vector, 2)
                    + " (data bits 7:0)");
        }
        return toHostCpu(apicId, vector, "delivered to", trace);
    }

    /** Where a request that selected {@code entry} (and passed its source validation) ends. */
    Delivery throughEntry(RemapEntry entry) {
        return throughEntry(entry, null);
    }

    /** Where a compatibility-format request for {@code vector} on the CPU with {@code apicId} ends. */
    Delivery toHostCpu(int apicId, int vector) {
        return toHostCpu(apicId, vector, "delivered to", null);
    }

    private Delivery throughEntry(RemapEntry entry, List<String> trace) {
        if (entry instanceof VtdRemapEntry vtd) {
            if (vtd.posted().isPresent()) {
                PostedTarget target = vtd.posted().get();
                Kernel guest = platform.kernel(target.guest());
                Irq owner = guest.owner(target.vcpu(), target.vector());
                if (trace != null) {
                    trace.add("posted to " + target.guest() + " vCPU " + target.vcpu() + " vector 0x" + Hex.of(target.vector(), 2) + ", "
                            + (owner == null ? "which no handler owns" : "owned by " + owner.describe()));
                }
                return owner == null ? new Delivery.Spurious(OptionalInt.empty(), target.vector()) : owner.delivered();
            }
            return toHostCpu(vtd.destinationApicId(), vtd.vector(), "remapped to", trace);
        }
        AmdViRemapEntry amd = (AmdViRemapEntry) entry;
        return toHostCpu(amd.destination(), amd.vector(), "remapped to", trace);
    }

    /**
     * A host CPU vector: the owner's handler runs, a forwarding handler injects its guest vector, and a
     * vector nobody owns is spurious.
     */
    private Delivery toHostCpu(int apicId, int vector, String how, List<String> trace) {
        Kernel host = platform.host();
        int cpu = host.cpuWithApicId(apicId);
        if (cpu < 0) {
            if (trace != null) {
                trace.add("no host CPU has APIC ID 0x" + Hex.of(apicId, 2) + ": nobody receives it");
            }
            return new Delivery.Spurious(OptionalInt.empty(), vector);
        }
        Irq owner = host.owner(cpu, vector);
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
        Irq guestOwner = owner.injects.owner(owner.injectCpu, owner.injectVector);
        if (trace != null) {
            trace.add(how + " host CPU " + cpu + " vector 0x" + Hex.of(vector, 2) + ": " + owner.describe() + " injects "
                    + owner.injects.name() + " vCPU " + owner.injectCpu + " vector 0x" + Hex.of(owner.injectVector, 2) + ", "
                    + (guestOwner == null ? "which no handler owns" : "owned by " + guestOwner.describe()));
        }
        return guestOwner == null ? new Delivery.Spurious(OptionalInt.of(cpu), vector) : guestOwner.delivered();
    }
}
