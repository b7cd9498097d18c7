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
                trace.add(String.format("0x%016x is outside the interrupt range 0xfee00000..0xfeefffff: a memory write", address));
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
            trace.add(String.format("destination APIC ID 0x%02x (address bits 19:12), vector 0x%02x (data bits 7:0)", apicId, vector));
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
                    trace.add(String.format("posted to %s vCPU %d vector 0x%02x, %s", target.guest(), target.vcpu(), target.vector(),
                            owner == null ? "which no handler owns" : "owned by " + owner.describe()));
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
                trace.add(String.format("no host CPU has APIC ID 0x%02x: nobody receives it", apicId));
            }
            return new Delivery.Spurious(OptionalInt.empty(), vector);
        }
        Irq owner = host.owner(cpu, vector);
        if (owner == null) {
            if (trace != null) {
                trace.add(String.format("%s host CPU %d vector 0x%02x, which no handler owns: spurious", how, cpu, vector));
            }
            return new Delivery.Spurious(OptionalInt.of(cpu), vector);
        }
        if (owner.injects == null) {
            if (trace != null) {
                trace.add(String.format("%s host CPU %d vector 0x%02x, owned by %s", how, cpu, vector, owner.describe()));
            }
            return owner.delivered();
        }
        Irq guestOwner = owner.injects.owner(owner.injectCpu, owner.injectVector);
        if (trace != null) {
            trace.add(String.format("%s host CPU %d vector 0x%02x: %s injects %s vCPU %d vector 0x%02x, %s",
                    how, cpu, vector, owner.describe(), owner.injects.name(), owner.injectCpu, owner.injectVector,
                    guestOwner == null ? "which no handler owns" : "owned by " + guestOwner.describe()));
        }
        return guestOwner == null ? new Delivery.Spurious(OptionalInt.of(cpu), vector) : guestOwner.delivered();
    }
}
