package dev.irqtopo.runtime.isolation;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.GuestModel;
import dev.irqtopo.model.HypervisorModel;
import dev.irqtopo.model.IommuKind;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.StorageModel;
import dev.irqtopo.runtime.Delivery;
import dev.irqtopo.runtime.DeviceStorage;
import dev.irqtopo.runtime.Errno;
import dev.irqtopo.runtime.FaultReason;
import dev.irqtopo.runtime.Kernel;
import dev.irqtopo.runtime.Message;
import dev.irqtopo.runtime.Platform;
import dev.irqtopo.runtime.PlatformSnapshot;
import dev.irqtopo.testing.PropertyRuns;
import dev.irqtopo.testing.ReferenceHardware;
import dev.irqtopo.testing.Render;
import dev.irqtopo.testing.SmallPlatforms;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The isolation analysis against brute force on 10 000 random small platforms
 * ({@link SmallPlatforms}). On each booted platform, every guest writes every message of the reduced
 * message space ({@link ReducedMessageSpace}) into each storage it can write untrapped, and the device
 * fires it through the hardware. Each outcome must equal a plain second reading of the semantics
 * ({@link ReferenceHardware}); the victims hit and the lowest message per victim (the first in
 * increasing order) must be exactly the analysis's findings, in its order; a storage the hypervisor
 * traps must refuse the guest's write and have no finding.
 */
class IsolationOracleTest {

    private static final int PLATFORMS = 10_000;
    private static final Map<FaultReason, String> FAULTS = new EnumMap<>(FaultReason.class);

    static {
        for (FaultReason reason : FaultReason.values()) {
            FAULTS.put(reason, "fault " + reason.code());
        }
    }

    @Test
    void theVerdictAndEveryLowestCounterexampleAgreeWithFiringTheReducedMessageSpace() {
        Tally tally = new Tally();
        PropertyRuns.forEachSeedInParallel(PLATFORMS, random -> compare(SmallPlatforms.next(random), tally));

        System.out.printf("isolation oracle: %d platforms, %d messages fired, %d breaches compared (%d platforms not isolated), "
                + "0 disagreements; outcomes %s%n", tally.platforms.get(), tally.fired.get(), tally.breaches.get(),
                tally.notIsolated.get(), tally.outcomes);
        assertThat(tally.platforms.get()).isEqualTo(PLATFORMS);
        // the generator reaches every mode, and every mode's outcomes occur
        assertThat(tally.features.keySet()).containsAtLeast("vtd", "amdvi", "remapping off", "no iommu",
                "source_check full", "source_check bus", "source_check off", "compat allowed", "compat blocked",
                "posted", "sub-device", "shared bus number", "hcall", "trapped", "untrapped msix", "cpuid hidden",
                "x2apic id above 0xff", "custom xapic ids", "two guests");
        assertThat(tally.outcomes.keySet()).containsAtLeast("memory_write", "fault 0x20", "fault 0x21", "fault 0x22",
                "fault 0x25", "fault 0x26", "fault IO_PAGE_FAULT", "spurious on a cpu", "spurious on no cpu",
                "delivered to host", "delivered to a guest");
        assertThat(tally.victims.keySet()).containsExactly("host", "vm0", "vm1");
        assertThat(tally.fired.get()).isGreaterThan(1_000_000L);
    }

    private static void compare(PlatformModel model, Tally tally) {
        Platform platform = Platform.create(model);
        platform.boot();
        IsolationReport report = IsolationAnalysis.analyze(platform);
        PlatformSnapshot booted = platform.snapshot();
        ReferenceHardware reference = ReferenceHardware.of(platform);
        tally.count(model);

        List<String> expected = new ArrayList<>();
        for (GuestModel guest : model.guests()) {
            Kernel kernel = platform.guest(guest.name()).orElseThrow();
            for (DeviceModel device : model.devices()) {
                if (guest.owns(device.name())) {
                    List<Message> space = null;
                    for (BusDomainKind busDomain : BusDomainKind.values()) {
                        Optional<StorageModel> storage = device.storage(busDomain);
                        if (storage.isEmpty()) {
                            continue;
                        }
                        if (!guestWritable(storage.get().kind(), model.hypervisor().orElseThrow())) {
                            assertWithMessage("%s writes trapped %s %s", guest.name(), device.name(), busDomain.keyword())
                                    .that(kernel.write(device.name(), busDomain, 0, Message.of(Message.INTERRUPT_BASE, 0)))
                                    .hasValue(Errno.EPERM);
                            continue;
                        }
                        space = space != null ? space : ReducedMessageSpace.of(model, booted, device);
                        Map<String, Message> lowest = fireEach(platform, reference, kernel, device, busDomain, space, tally);
                        for (String victim : victimOrder(model)) {
                            if (lowest.containsKey(victim)) {
                                expected.add(finding(guest.name(), device.name(), busDomain.keyword(), victim, lowest.get(victim)));
                            }
                        }
                    }
                }
            }
        }
        List<String> found = new ArrayList<>();
        for (Finding f : report.findings()) {
            found.add(finding(f.guest(), f.device(), f.means().keyword(), f.victim(), f.message()));
            DeviceModel device = model.device(f.device()).orElseThrow();
            assertWithMessage("requester id of %s", f).that(f.requesterId()).isEqualTo(device.requesterId());
            assertWithMessage("path of %s", f).that(f.path().get(0)).contains(f.message().toString());
        }
        assertWithMessage("findings of %s", model).that(found).containsExactlyElementsIn(expected).inOrder();
        assertWithMessage("verdict").that(report.isolated()).isEqualTo(expected.isEmpty());
        tally.breaches.addAndGet(expected.size());
        if (!expected.isEmpty()) {
            tally.notIsolated.incrementAndGet();
        }
    }

    /**
     * The guest writes each message into slot 0 and the device fires it; returns the first (so the
     * lowest) message that reaches each victim other than the guest itself.
     */
    private static Map<String, Message> fireEach(Platform platform, ReferenceHardware reference, Kernel guest, DeviceModel device,
                                                 BusDomainKind busDomain, List<Message> space, Tally tally) {
        DeviceStorage storage = platform.hardware().storage(device.name(), busDomain);
        Map<String, Message> lowest = new HashMap<>();
        for (Message message : space) {
            Optional<Errno> written = guest.write(device.name(), busDomain, 0, message);
            if (written.isPresent()) {
                throw new AssertionError(guest.name() + " cannot write " + message + " into " + device.name() + ": " + written.get());
            }
            Delivery delivery = storage.fire(0);
            Delivery decoded = reference.decode(device, message);
            if (!delivery.equals(decoded)) {
                throw new AssertionError(String.format("%s %s fired %s: engine says %s, the semantics say %s", device.name(),
                        busDomain.keyword(), message, Render.delivery(delivery), Render.delivery(decoded)));
            }
            tally.outcome(delivery);
            String victim = victim(delivery);
            if (victim != null && !victim.equals(guest.name()) && !lowest.containsKey(victim)) {
                lowest.put(victim, message);
                tally.victims.computeIfAbsent(victim, k -> new LongAdder()).increment();
            }
        }
        tally.fired.addAndGet(space.size());
        return lowest;
    }

    private static boolean guestWritable(StorageKind kind, HypervisorModel hypervisor) {
        return kind == StorageKind.IMS_QUEUE || !hypervisor.traps(kind);
    }

    /** Section 7: whoever's handler runs; a vector on a host CPU that nobody owns is the host's; nobody otherwise. */
    private static String victim(Delivery delivery) {
        if (delivery instanceof Delivery.Delivered d) {
            return d.kernel();
        }
        return delivery instanceof Delivery.Spurious s && s.cpu().isPresent() ? "host" : null;
    }

    private static List<String> victimOrder(PlatformModel model) {
        List<String> order = new ArrayList<>(List.of("host"));
        model.guests().forEach(g -> order.add(g.name()));
        return order;
    }

    private static String finding(String guest, String device, String means, String victim, Message message) {
        return String.format("%s %s.%s victim %s %s", guest, device, means, victim, message);
    }

    /** What the run compared, and which configurations and outcomes it met. */
    private static final class Tally {
        final AtomicLong platforms = new AtomicLong();
        final AtomicLong fired = new AtomicLong();
        final AtomicLong breaches = new AtomicLong();
        final AtomicLong notIsolated = new AtomicLong();
        final Map<String, LongAdder> features = new ConcurrentSkipListMap<>();
        final Map<String, LongAdder> outcomes = new ConcurrentSkipListMap<>();
        final Map<String, LongAdder> victims = new ConcurrentSkipListMap<>();

        void count(PlatformModel model) {
            platforms.incrementAndGet();
            for (IommuModel unit : model.iommus()) {
                feature(!unit.remapping() ? "remapping off" : unit.kind() == IommuKind.VTD ? "vtd" : "amdvi");
                if (unit.remapping() && unit.kind() == IommuKind.VTD) {
                    feature("source_check " + unit.sourceCheck().name().toLowerCase(Locale.ROOT));
                    feature(unit.compatAllowed() ? "compat allowed" : "compat blocked");
                    feature(unit.posted() ? "posted" : "not posted");
                }
            }
            if (model.iommus().isEmpty()) {
                feature("no iommu");
            }
            List<DeviceModel> devices = model.devices();
            for (DeviceModel d : devices) {
                if (d.isSubDevice()) {
                    feature("sub-device");
                }
                if (devices.stream().anyMatch(o -> o != d && !o.isSubDevice() && !d.isSubDevice()
                        && o.requesterId().bus() == d.requesterId().bus())) {
                    feature("shared bus number");
                }
            }
            model.guests().forEach(g -> g.stacks().forEach(s -> feature(s.hypercall() ? "hcall" : "no hcall")));
            model.hypervisor().ifPresent(hv -> {
                feature(hv.cpuidVisible() ? "cpuid visible" : "cpuid hidden");
                if (!hv.traps().isEmpty() && !model.guests().isEmpty()) {
                    feature("trapped");
                }
                if (!hv.traps(StorageKind.MSIX) && !model.guests().isEmpty()) {
                    feature("untrapped msix");
                }
            });
            if (model.cpu().apicIds().stream().anyMatch(id -> id > 0xff)) {
                feature("x2apic id above 0xff");
            }
            if (model.cpu().apic() == ApicMode.XAPIC
                    && !model.cpu().apicIds().equals(IntStream.range(0, model.cpu().count()).boxed().toList())) {
                feature("custom xapic ids");
            }
            if (model.guests().size() == 2) {
                feature("two guests");
            }
        }

        void outcome(Delivery delivery) {
            String kind;
            if (delivery instanceof Delivery.Fault f) {
                kind = FAULTS.get(f.reason());
            } else if (delivery instanceof Delivery.Spurious s) {
                kind = s.cpu().isPresent() ? "spurious on a cpu" : "spurious on no cpu";
            } else if (delivery instanceof Delivery.Delivered d) {
                kind = d.kernel().equals("host") ? "delivered to host" : "delivered to a guest";
            } else {
                kind = delivery.outcome();
            }
            outcomes.computeIfAbsent(kind, k -> new LongAdder()).increment();
        }

        private void feature(String name) {
            features.computeIfAbsent(name, k -> new LongAdder()).increment();
        }
    }
}
