package dev.irqtopo.runtime;

import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.runtime.delivery.Delivery;
import dev.irqtopo.runtime.delivery.ReachIndex;
import dev.irqtopo.runtime.delivery.Router;
import dev.irqtopo.runtime.delivery.Source;
import dev.irqtopo.runtime.delivery.Trace;
import dev.irqtopo.runtime.delivery.Victims;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.remap.AmdViRemapDomain;
import dev.irqtopo.runtime.remap.AmdViRemapEntry;
import dev.irqtopo.runtime.remap.RemapDomain;
import dev.irqtopo.runtime.remap.RemapEntry;
import dev.irqtopo.runtime.remap.VtdRemapDomain;
import dev.irqtopo.runtime.remap.VtdRemapEntry;
import dev.irqtopo.runtime.stack.Interrupt;
import dev.irqtopo.runtime.vector.VectorDomain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform seen from the hardware side: devices firing their storage slots, what the storages
 * hold, what any message a device emits would do, and the remapping tables' contents. Unknown names
 * and slots are programming errors ({@link IllegalArgumentException}, {@link IndexOutOfBoundsException}).
 * Firing takes no lock; every other query reads the state between two changes.
 */
public final class Hardware {

    private final String platform;
    /** Each device's path to the CPUs, in declaration order. */
    private final Map<String, Source> sources;
    /** Each device's storages by bus domain ordinal. */
    private final Map<String, DeviceStorage[]> storages;
    private final Map<String, RemapDomain> remapDomains;
    private final VectorDomain<Interrupt> host;
    private final Router router;
    private final PlatformLock lock;

    Hardware(String platform, Map<String, Source> sources, Map<String, DeviceStorage[]> storages,
             Map<String, RemapDomain> remapDomains, VectorDomain<Interrupt> host, Router router, PlatformLock lock) {
        this.platform = platform;
        this.sources = sources;
        this.storages = storages;
        this.remapDomains = remapDomains;
        this.host = host;
        this.router = router;
        this.lock = lock;
    }

    /** The storage {@code device} has for {@code busDomain}: hold on to it to fire slots on the fastest path. */
    public DeviceStorage storage(String device, BusDomainKind busDomain) {
        source(device);
        DeviceStorage storage = storages.get(device)[busDomain.ordinal()];
        if (storage == null) {
            throw new IllegalArgumentException("device " + device + " has no " + busDomain.keyword() + " storage");
        }
        return storage;
    }

    /** The device fires {@code slot} of its storage: what happens to the message it emits. */
    public Delivery fire(String device, BusDomainKind busDomain, int slot) {
        return storage(device, busDomain).fire(slot);
    }

    /** What the device would emit for {@code slot}; empty when the slot was never written. */
    public Optional<Message> read(String device, BusDomainKind busDomain, int slot) {
        return storage(device, busDomain).read(slot);
    }

    /** What happens when {@code device} emits {@code message} (whatever its storages hold). */
    public Delivery emit(String device, Message message) {
        Source source = source(device);
        return lock.read(() -> router.route(source, message.address(), message.data(), null));
    }

    /** {@link #emit} with every step the message takes, in words. */
    public Trace trace(String device, Message message) {
        Source source = source(device);
        return lock.read(() -> {
            List<String> steps = new ArrayList<>();
            Delivery delivery = router.route(source, message.address(), message.data(), steps);
            return new Trace(delivery, steps);
        });
    }

    /** Entry {@code index} of VT-d unit {@code iommu}'s table, when present. */
    public Optional<VtdRemapEntry> vtdEntry(String iommu, int index) {
        return remapDomains.get(iommu) instanceof VtdRemapDomain vtd
                ? lock.read(() -> vtd.entry(null, index).map(VtdRemapEntry.class::cast))
                : Optional.empty();
    }

    /** Entry {@code index} of the table AMD-Vi unit {@code iommu} keeps for {@code requester}, when present. */
    public Optional<AmdViRemapEntry> amdViEntry(String iommu, RequesterId requester, int index) {
        return remapDomains.get(iommu) instanceof AmdViRemapDomain amd
                ? lock.read(() -> amd.entry(requester, index).map(AmdViRemapEntry.class::cast))
                : Optional.empty();
    }

    /**
     * Every present entry of remapping unit {@code iommu}'s tables (VT-d: P set; AMD-Vi: RemapEn set), by
     * index, AMD-Vi's by requester id then index; empty when no unit of that name has remapping on.
     */
    public List<RemapTableEntry> remapEntries(String iommu) {
        RemapDomain domain = remapDomains.get(iommu);
        if (domain == null) {
            return List.of();
        }
        return lock.read(() -> {
            List<RemapTableEntry> present = new ArrayList<>();
            domain.forEachAllocated((table, index, entry) -> entry.filter(Hardware::isPresent)
                    .ifPresent(e -> present.add(new RemapTableEntry(table, index, e))));
            return List.copyOf(present);
        });
    }

    private static boolean isPresent(RemapEntry entry) {
        return entry instanceof VtdRemapEntry vtd ? vtd.present() : ((AmdViRemapEntry) entry).remapEnabled();
    }

    /**
     * What any message from any device can reach, made once for the isolation analysis, which asks it
     * for many devices. {@code kernels} numbers the victims: the host first, then the guests in the
     * order reports give them.
     */
    public ReachIndex reachIndex(List<String> kernels) {
        Victims victims = new Victims(kernels);
        return lock.read(() -> new ReachIndex(platform, sources, remapDomains.values(), host, router, victims));
    }

    private Source source(String device) {
        Source source = sources.get(device);
        if (source == null) {
            throw new IllegalArgumentException("no device " + device + " on platform " + platform);
        }
        return source;
    }
}
