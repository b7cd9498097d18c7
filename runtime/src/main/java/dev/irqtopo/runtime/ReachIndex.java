package dev.irqtopo.runtime;

import dev.irqtopo.runtime.vector.VectorMatrix;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.ToIntFunction;

/**
 * {@link Hardware#reach} for every device at once, reduced to what the isolation analysis needs: per
 * owner of a delivery, the lowest message a device can emit that lands on it. The caller decides who
 * owns a delivery (a number {@code 0..owners-1}, or negative for nobody). Every destination is routed
 * and attributed once, when the index is made, in one state of the platform; asking for a device then
 * only checks which of the condensed destinations its requester id may use, so asking for many
 * devices does not route the same entries again.
 *
 * <p>The destinations are those {@link Hardware#reach} lists: every present remap entry the device's
 * requester id may use, and where compatibility-format messages reach the CPUs, every host CPU vector
 * an 8-bit destination can name that has an owner, plus vector 0.
 *
 * <p>A value of the state it was made in: later changes to the platform do not show, and it may be
 * queried from any thread.
 */
public final class ReachIndex {

    private final Platform platform;
    private final int owners;
    private final Map<RemapDomain, RemapDomain.EntryReach> entries = new IdentityHashMap<>();
    /** The lowest compatibility-format message per owner; null when no device's messages reach the CPUs that way. */
    private final LowestMessages compatibility;

    /** Routes every destination on {@code platform}; the caller holds its lock. */
    ReachIndex(Platform platform, ToIntFunction<Delivery> owner, int owners) {
        if (owners < 0) {
            throw new IllegalArgumentException("owners " + owners);
        }
        this.platform = platform;
        this.owners = owners;
        ToIntFunction<Delivery> checked = delivery -> {
            int o = owner.applyAsInt(delivery);
            if (o >= owners) {
                throw new IllegalArgumentException("owner " + o + " of " + delivery + " is not below " + owners);
            }
            return o;
        };
        for (RemapDomain domain : platform.remapDomains()) {
            entries.put(domain, domain.entryReach(platform.router(), checked));
        }
        boolean compatibilityUsed = false;
        for (Device device : platform.devices()) {
            compatibilityUsed |= passesCompatibility(device);
        }
        this.compatibility = compatibilityUsed ? compatibility(platform, checked, owners) : null;
    }

    /**
     * One element per owner {@code 0..owners-1}: the lowest message (by address, then data) that
     * {@code device} can emit and that lands on that owner, or empty when none does.
     *
     * @throws IllegalArgumentException for a device the platform does not have
     */
    public List<Optional<Message>> lowestPerOwner(String device) {
        return lowest(device).toList();
    }

    /**
     * The owners {@code device} can reach, in increasing order, each with the lowest message that
     * lands on it: what {@link #lowestPerOwner} says, in time that depends on what the device
     * reaches rather than on the number of owners.
     *
     * @throws IllegalArgumentException for a device the platform does not have
     */
    public SortedMap<Integer, Message> lowestByOwner(String device) {
        return lowest(device).toMap();
    }

    private LowestMessages lowest(String device) {
        Device source = platform.device(device);
        if (source == null) {
            throw new IllegalArgumentException("no device " + device + " on platform " + platform.model().name());
        }
        LowestMessages lowest = new LowestMessages(owners);
        if (source.remap != null) {
            entries.get(source.remap).offerTo(source.requesterId(), lowest);
        }
        if (passesCompatibility(source)) {
            lowest.offerAll(compatibility);
        }
        return lowest;
    }

    /** Whether the device's compatibility-format messages reach the CPUs: no remapping, or VT-d letting them pass. */
    private static boolean passesCompatibility(Device device) {
        return device.remap == null || device.remap.passesCompatibility();
    }

    /**
     * Compatibility format names a host CPU by the 8 bits of address bits 19:12 and the vector by data
     * bits 7:0, whoever emits it; vectors nobody owns all deliver alike, so vector 0 stands for them.
     */
    private static LowestMessages compatibility(Platform platform, ToIntFunction<Delivery> owner, int owners) {
        LowestMessages lowest = new LowestMessages(owners);
        Kernel host = platform.host();
        for (int cpu = 0; cpu < host.cpus(); cpu++) {
            int apicId = host.apicId(cpu);
            if (apicId > 0xFF) {
                continue;
            }
            for (int vector = 0; vector < VectorMatrix.VECTORS_PER_CPU; vector++) {
                if (vector == 0 || host.owner(cpu, vector) != null) {
                    int landsOn = owner.applyAsInt(platform.router().toHostCpu(apicId, vector));
                    if (landsOn >= 0) {
                        Message message = Message.compatibility(apicId, vector);
                        lowest.offer(landsOn, message.address(), message.data());
                    }
                }
            }
        }
        return lowest;
    }
}
