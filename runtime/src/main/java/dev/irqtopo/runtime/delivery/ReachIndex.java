package dev.irqtopo.runtime.delivery;

import dev.irqtopo.runtime.message.DeliveryMode;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.remap.Passage;
import dev.irqtopo.runtime.remap.ReachedVictims;
import dev.irqtopo.runtime.remap.RemapDomain;
import dev.irqtopo.runtime.stack.Interrupt;
import dev.irqtopo.runtime.vector.LogicalDestinations;
import dev.irqtopo.runtime.vector.VectorDomain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything any message from a device can reach, for the isolation analysis: per victim, the lowest
 * message a device can emit that lands on it. The message space (2^64 addresses times 2^32 data)
 * reduces to what exists: every present remap entry, selected at lowest by the handle alone or by
 * handle 0 with a sub-handle (VT-d) or by its index as data (AMD-Vi); and where compatibility format
 * reaches the CPUs, every host APIC ID an 8-bit destination names with vector 0 (an illegal vector,
 * the host's) and every owned vector, plus the broadcast destination 0xFF, which reaches every owned
 * vector of every host CPU; where the host decodes logical destinations, also each CPU's lowest
 * logical destination, its own single logical bit, with vector 0 and every owned vector. Lowest-priority
 * and the reserved delivery modes are never lower than the fixed message they behave like, and special
 * modes (SMI, NMI, INIT, ExtINT) reach only the host.
 *
 * <p>Every destination is routed and attributed once, when the index is made, in one state of the
 * platform; asking for a device then looks up only the entries its requester id may use, bucketed by
 * source validation, so asking for many devices does not route the same entries again. A value of the
 * state it was made in: later changes to the platform do not show.
 */
public final class ReachIndex {

    private final String platform;
    private final Map<String, Source> sources;
    private final Victims victims;
    private final Map<RemapDomain, RemapDomain.EntryReach> entries = new IdentityHashMap<>();
    /** The lowest compatibility-format message per victim, made when some device passes compatibility format. */
    private ReachedVictims compatibility;

    /**
     * Routes every remap entry of {@code remapDomains}, and if any of {@code sources} (the devices of
     * platform {@code platform}) passes compatibility format, every owned vector of {@code host}'s CPUs.
     * The caller holds the platform's lock.
     */
    public ReachIndex(String platform, Map<String, Source> sources, Collection<RemapDomain> remapDomains,
                      VectorDomain<Interrupt> host, Router router, Victims victims) {
        this.platform = platform;
        this.sources = sources;
        this.victims = victims;
        for (RemapDomain domain : remapDomains) {
            entries.put(domain, domain.entryReach(entry -> victims.all(router.throughEntry(entry))));
        }
        for (Source source : sources.values()) {
            if (source.passesCompatibility()) {
                compatibility = compatibility(host, router);
                break;
            }
        }
    }

    public Victims victims() {
        return victims;
    }

    /**
     * The victims {@code device} can reach with any message it emits, in increasing victim order, each
     * with the lowest message that lands on it.
     *
     * @throws IllegalArgumentException for a device the platform does not have
     */
    public List<Reached> reached(String device) {
        Source source = sources.get(device);
        if (source == null) {
            throw new IllegalArgumentException("no device " + device + " on platform " + platform);
        }
        ReachedVictims lowest = new ReachedVictims(victims.count());
        if (source.remap() != null) {
            entries.get(source.remap()).offerTo(source.device().iommuRequesterId(), lowest);
        }
        boolean compatible = source.passesCompatibility();
        if (compatible) {
            Passage passage = source.remap() == null ? Passage.NO_REMAPPING : Passage.COMPATIBILITY_FORMAT;
            for (int victim : compatibility.reached()) {
                Message message = compatibility.message(victim);
                lowest.offer(victim, message.address(), message.data(), passage);
            }
        }
        List<Reached> reached = new ArrayList<>();
        for (int victim : lowest.reached()) {
            // special modes reach host CPUs only, and every one of them through the broadcast destination
            List<DeliveryMode> special = compatible && victim == Victims.HOST ? DeliveryMode.SPECIAL : List.of();
            reached.add(new Reached(victim, lowest.message(victim), lowest.passage(victim), special));
        }
        return reached;
    }

    /**
     * Compatibility format names a host CPU by address bits 19:12 and the vector by data bits 7:0,
     * whoever emits it: per named CPU, vector 0 (illegal, the host's) and each owned vector; then the
     * broadcast, data 0 for the host and, per guest, the lowest vector forwarded to it on any CPU,
     * named or not. Vectors nobody owns all land on the host, as vector 0 does with lower data.
     *
     * <p>Where logical destinations are decoded, address bit 2 set names CPUs by their logical ids
     * instead: every destination naming a CPU has the lowest bit of its logical id, which alone names
     * that CPU only, so that single bit, with the same vectors, is the lowest logical message to reach
     * whatever the CPU reaches. A destination naming several CPUs reaches nothing its single bits do not
     * with lower addresses, and lowest priority to a set reaches one of its CPUs.
     */
    private ReachedVictims compatibility(VectorDomain<Interrupt> host, Router router) {
        ReachedVictims lowest = new ReachedVictims(victims.count());
        int[] lowestForwarded = new int[victims.count()];
        Arrays.fill(lowestForwarded, -1);
        LogicalDestinations logical = router.logicalDestinations().orElse(null);
        for (int cpu = 0; cpu < host.cpus(); cpu++) {
            int apicId = host.apicId(cpu);
            boolean named = apicId < Message.BROADCAST;
            long address = Message.compatibilityAddress(apicId);
            if (named) {
                lowest.offer(Victims.HOST, address, 0, Passage.NO_REMAPPING);
            }
            int logicalDestination = logical == null ? -1 : logical.lowestCompatibilityDestination(cpu);
            long logicalAddress = Message.compatibilityAddress(logicalDestination, true);
            if (logicalDestination >= 0) {
                lowest.offer(Victims.HOST, logicalAddress, 0, Passage.NO_REMAPPING);
            }
            if (!host.ownsVectorsOn(cpu)) {
                continue;
            }
            for (int vector = Router.FIRST_LEGAL_VECTOR; vector < 0x100; vector++) {
                if (host.owner(cpu, vector) == null) {
                    continue;
                }
                int victim = victims.of(router.atHostCpu(cpu, vector, "", null));
                if (victim == Victims.NOBODY) {
                    continue;
                }
                if (named) {
                    lowest.offer(victim, address, vector, Passage.NO_REMAPPING);
                }
                if (logicalDestination >= 0) {
                    lowest.offer(victim, logicalAddress, vector, Passage.NO_REMAPPING);
                }
                if (victim != Victims.HOST && (lowestForwarded[victim] < 0 || vector < lowestForwarded[victim])) {
                    lowestForwarded[victim] = vector;
                }
            }
        }
        long broadcast = Message.compatibilityAddress(Message.BROADCAST);
        lowest.offer(Victims.HOST, broadcast, 0, Passage.NO_REMAPPING);
        for (int victim = 0; victim < lowestForwarded.length; victim++) {
            if (lowestForwarded[victim] >= 0) {
                lowest.offer(victim, broadcast, lowestForwarded[victim], Passage.NO_REMAPPING);
            }
        }
        return lowest;
    }
}
