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
import dev.irqtopo.model.KernelProfile;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.StackModel;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.StorageModel;
import dev.irqtopo.runtime.DeviceStorage;
import dev.irqtopo.runtime.Kernel;
import dev.irqtopo.runtime.Platform;
import dev.irqtopo.runtime.PlatformSnapshot;
import dev.irqtopo.runtime.delivery.Delivery;
import dev.irqtopo.runtime.message.DeliveryMode;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.remap.FaultReason;
import dev.irqtopo.testing.PropertyRuns;
import dev.irqtopo.testing.ReferenceHardware;
import dev.irqtopo.testing.SmallPlatforms;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The isolation analysis against brute force on 10 000 random small platforms ({@link SmallPlatforms}),
 * with section 7's version-2 attacker. On each booted platform every guest drives each function
 * assigned to it: the function emits every message of the reduced message space
 * ({@link ReducedMessageSpace}) as DMA ({@code dma}); and for each sub-device assigned to it the guest
 * writes every such message into each storage the hypervisor does not trap and the sub-device fires it
 * (a trapped one must refuse the write). Each outcome must equal a plain second reading of the semantics
 * ({@link ReferenceHardware}); per (guest, device, means, victim) the lowest message that reaches the
 * victim (the first, since messages go in increasing order), the class the reference gives it and the
 * special delivery modes that also reach that victim must be exactly the analysis's findings, in its
 * order; and each assignment must carry the verdicts that follow from the model.
 *
 * <p>Every disagreement is counted and the first of each kind kept with its seed
 * ({@link PropertyRuns#random(long)} rebuilds the platform), so that one run shows them all.
 */
class IsolationOracleTest {

    /** 10 000; {@code -Dirqtopo.oracle.platforms=N} checks the first N seeds instead, to look into one disagreement quickly. */
    private static final int PLATFORMS = Integer.getInteger("irqtopo.oracle.platforms", 10_000);
    /** 4 000 under Linux profiles; {@code -Dirqtopo.oracle.linuxPlatforms=N} checks the first N. */
    private static final int LINUX_PLATFORMS = Integer.getInteger("irqtopo.oracle.linuxPlatforms", 4_000);
    /** Where the seeds of the Linux platforms start: other platforms than the design run's. */
    private static final long LINUX_SEEDS = 1_000_000L;
    private static final List<KernelProfile> LINUX = List.of(KernelProfile.LINUX_6_1, KernelProfile.LINUX_6_6,
            KernelProfile.LINUX_6_12, KernelProfile.LINUX_6_19);
    /** Disagreements of one kind kept in full; the rest are counted. */
    private static final int SAMPLES_PER_KIND = 3;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Map<FaultReason, String> FAULTS = new EnumMap<>(FaultReason.class);

    static {
        for (FaultReason reason : FaultReason.values()) {
            FAULTS.put(reason, "fault " + reason.code());
        }
    }

    @Test
    void theVerdictAndEveryLowestCounterexampleAgreeWithFiringTheReducedMessageSpace() {
        Tally tally = run("isolation oracle", PLATFORMS, seed -> SmallPlatforms.next(PropertyRuns.random(seed)));

        assertWithMessage("disagreements by kind %s", tally.kinds).that(tally.disagreements.get()).isEqualTo(0L);
        assertThat(tally.platforms.get()).isEqualTo(PLATFORMS);
        // the generator reaches every configuration, and every outcome and class occurs
        assertThat(tally.features.keySet()).containsAtLeast("vtd", "amdvi", "amdvi 2k mode", "vtd 65536 entries", "remapping off",
                "no iommu", "source_check full", "source_check bus", "source_check off", "compat allowed", "compat blocked",
                "x2apic compat allowed", "posted", "sub-device", "shared bus number", "bridge", "function behind a bridge",
                "sub-device behind a bridge", "hcall", "hcall msi above 1", "msi not a power of two", "trapped", "untrapped msix",
                "cpuid hidden", "x2apic id above 0xff", "apic id 0xff", "missing destination", "custom xapic ids", "two guests");
        assertThat(tally.outcomes.keySet()).containsAtLeast("memory_write", "fault 0x20", "fault 0x21", "fault 0x22",
                "fault 0x25", "fault 0x26", "fault IO_PAGE_FAULT", "fault INVALID_DEVICE_REQUEST", "spurious on a cpu",
                "spurious on no cpu", "spurious special", "delivered to host", "delivered to a guest", "special on a cpu",
                "broadcast fixed", "broadcast special");
        assertThat(tally.classes.keySet()).containsAtLeast("no-remapping", "compatibility-format", "source-check-off",
                "source-check-bus", "shared-requester-id", "with special modes", "means dma", "means ims", "guest's lowest a broadcast");
        assertThat(tally.victims.keySet()).containsExactly("host", "vm0", "vm1");
        // about 300 messages a platform: more than a million for the 10 000, and in proportion for fewer
        assertThat(tally.fired.get()).isGreaterThan(100L * PLATFORMS);
    }

    /**
     * The same comparison on other random small platforms whose every kernel runs a Linux profile (6.1,
     * 6.6, 6.12 and 6.19 in turn): flat logical destinations for xAPIC hosts up to 6.10, x2APIC cluster
     * ids under x2APIC remapping, physical ones otherwise; the CPUs read the logical bit by their logical
     * destination registers, and the reference decodes it independently. The reduced space adds every
     * single-bit logical destination, where the lowest logical counterexamples lie, and some of several
     * bits.
     */
    @Test
    void underLinuxProfilesTheLowestCounterexamplesStillAgreeWithFiring() {
        Tally tally = run("isolation oracle, linux profiles", LINUX_PLATFORMS, seed -> SmallPlatforms.next(
                PropertyRuns.random(LINUX_SEEDS + seed)).withKernel(LINUX.get((int) (seed % LINUX.size()))));

        assertWithMessage("disagreements by kind %s", tally.kinds).that(tally.disagreements.get()).isEqualTo(0L);
        assertThat(tally.platforms.get()).isEqualTo(LINUX_PLATFORMS);
        assertThat(tally.features.keySet()).containsAtLeast("linux 6.1", "linux 6.6", "linux 6.12", "linux 6.19",
                "host logical flat", "host logical cluster", "host physical", "custom xapic ids", "vtd", "amdvi", "no iommu",
                "compat allowed");
        assertThat(tally.outcomes.keySet()).containsAtLeast("multicast fixed", "multicast special", "delivered to host",
                "delivered to a guest", "spurious on no cpu", "special on a cpu", "broadcast fixed");
        assertThat(tally.classes.keySet()).containsAtLeast("no-remapping", "compatibility-format", "with special modes",
                "lowest a logical destination");
        assertThat(tally.fired.get()).isGreaterThan(100L * LINUX_PLATFORMS);
    }

    /** Compares every platform {@code models} makes for seeds {@code 0..count-1}, prints what it compared and returns the tally. */
    private static Tally run(String title, int count, LongFunction<PlatformModel> models) {
        Tally tally = new Tally();
        long start = System.nanoTime();
        LongStream.range(0, count).parallel().forEach(seed -> {
            PlatformModel model = models.apply(seed);
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            try {
                compare(seed, model, tally);
                tally.cpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - cpuStart);
            } catch (AssertionError | RuntimeException e) {
                tally.disagree("exception " + e.getClass().getSimpleName(), seed, e + " at " + Arrays.stream(e.getStackTrace())
                        .limit(8).map(String::valueOf).collect(Collectors.joining(" < ")) + "\n" + model);
            }
        });
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;

        System.out.printf("%s: %d platforms, %d messages fired, %d breaches compared (%d platforms not isolated), "
                        + "%d remap entries checked, %d disagreements, %d s (%d s of CPU)%n  outcomes %s%n  classes %s%n  features %s%n",
                title, tally.platforms.get(), tally.fired.get(), tally.breaches.get(), tally.notIsolated.get(), tally.entries.get(),
                tally.disagreements.get(), seconds, tally.cpuNanos.get() / 1_000_000_000L, tally.outcomes, tally.classes, tally.features);
        tally.samples.forEach((kind, samples) -> System.out.printf("disagreement %s (%d):%n%s%n", kind,
                tally.kinds.get(kind).sum(), String.join("\n", samples)));
        return tally;
    }

    private static void compare(long seed, PlatformModel model, Tally tally) {
        Platform platform = Platform.create(model);
        platform.boot();
        IsolationReport report = IsolationAnalysis.analyze(platform);
        PlatformSnapshot booted = platform.snapshot();
        ReferenceHardware reference = ReferenceHardware.of(platform);
        tally.count(model, platform);
        tally.entries.addAndGet(reference.bindings());
        for (String problem : reference.bindingProblems()) {
            tally.disagree("remap entry contents", seed, problem + "\n  " + model);
        }
        HypervisorModel hypervisor = model.hypervisor().orElse(null);
        List<String> victimOrder = victimOrder(model);

        List<String> expected = new ArrayList<>();
        List<String> expectedAssignments = new ArrayList<>();
        for (GuestModel guest : model.guests()) {
            Kernel kernel = platform.guest(guest.name()).orElseThrow();
            Set<String> harmedThroughDevice = new TreeSet<>();
            for (DeviceModel device : model.devices()) {
                if (!guest.owns(device.name())) {
                    continue;
                }
                Map<Means, Map<String, Reached>> byMeans = new EnumMap<>(Means.class);
                List<Message> space = ReducedMessageSpace.of(model, booted, device);
                if (!device.isSubDevice()) {
                    byMeans.put(Means.DMA, fire(seed, reference, guest.name(), device, Means.DMA, space,
                            message -> platform.hardware().emit(device.name(), message), tally));
                } else {
                    for (BusDomainKind busDomain : BusDomainKind.values()) {
                        Optional<StorageModel> storage = device.storage(busDomain);
                        if (storage.isEmpty()) {
                            continue;
                        }
                        Message probe = Message.of(Message.INTERRUPT_BASE, 0);
                        if (!guestWritable(storage.get().kind(), hypervisor)) {
                            Optional<Errno> refused = kernel.write(device.name(), busDomain, 0, probe);
                            if (!refused.equals(Optional.of(Errno.EPERM))) {
                                tally.disagree("trapped storage written", seed, guest.name() + " writes trapped " + device.name()
                                        + " " + busDomain.keyword() + ": " + refused);
                            }
                            continue;
                        }
                        DeviceStorage slots = platform.hardware().storage(device.name(), busDomain);
                        byMeans.put(Means.of(busDomain), fire(seed, reference, guest.name(), device, Means.of(busDomain), space,
                                message -> {
                                    Optional<Errno> written = kernel.write(device.name(), busDomain, 0, message);
                                    if (written.isPresent()) {
                                        throw new AssertionError(guest.name() + " cannot write " + message + " into "
                                                + device.name() + " " + busDomain.keyword() + ": " + written.get());
                                    }
                                    return slots.fire(0);
                                }, tally));
                    }
                }
                byMeans.forEach((means, reached) -> {
                    for (String victim : victimOrder) {
                        Reached r = reached.get(victim);
                        if (r != null) {
                            expected.add(finding(guest.name(), device.name(), means.keyword(), victim, r.why, r.special, r.lowest,
                                    device.iommuRequesterId().toString()));
                            tally.classify(r.why, r.special, means);
                            harmedThroughDevice.add(device.name());
                        }
                    }
                });
            }
            for (DeviceModel device : model.devices()) {
                if (guest.owns(device.name())) {
                    expectedAssignments.add(assignment(model, guest, device, !harmedThroughDevice.contains(device.name())));
                }
            }
        }

        List<String> found = new ArrayList<>();
        for (Finding f : report.findings()) {
            found.add(finding(f.guest(), f.device(), f.means().keyword(), f.victim(), f.findingClass().keyword(),
                    f.special().stream().map(DeliveryMode::keyword).toList(), f.message(), f.requesterId().toString()));
            String path = String.join(" | ", f.path());
            if (!path.contains(f.message().toString())) {
                tally.disagree("path without its message", seed, f + "\n" + model);
            }
        }
        if (!found.equals(expected)) {
            tally.disagree(findingKind(expected, found), seed, "expected\n    " + String.join("\n    ", expected)
                    + "\n  analysis\n    " + String.join("\n    ", found) + "\n  " + model);
        }
        if (report.isolated() != expected.isEmpty()) {
            tally.disagree("verdict", seed, "isolated " + report.isolated() + " with findings " + expected);
        }
        List<String> assignments = report.assignments().stream().map(a -> String.format("%s %s requester %s unit %s linux %s viable %s isolated %s",
                a.guest(), a.device(), a.requesterId(), a.remappingUnit().orElse("none"), a.linuxIsolatedMsi(), a.vfioGroupViable(),
                a.isolated())).toList();
        if (!assignments.equals(expectedAssignments)) {
            tally.disagree("assignments", seed, "expected\n    " + String.join("\n    ", expectedAssignments)
                    + "\n  analysis\n    " + String.join("\n    ", assignments) + "\n  " + model);
        }
        tally.breaches.addAndGet(expected.size());
        if (!expected.isEmpty()) {
            tally.notIsolated.incrementAndGet();
        }
    }

    /** What one means of one device reaches of one victim: the lowest message, its class, and every special mode. */
    private static final class Reached {
        final Message lowest;
        final String why;
        final Set<DeliveryMode> special = EnumSet.noneOf(DeliveryMode.class);

        Reached(Message lowest, String why) {
            this.lowest = lowest;
            this.why = why;
        }
    }

    /**
     * Emits each message in increasing order by {@code means} and compares the outcome with the
     * reference; returns, per victim other than the guest itself, the first (so the lowest) message
     * that reaches it, with its class, and every special mode that reaches it.
     */
    private static Map<String, Reached> fire(long seed, ReferenceHardware reference, String guest, DeviceModel device, Means means,
                                             List<Message> space, Function<Message, Delivery> emit, Tally tally) {
        Map<String, Reached> reached = new HashMap<>();
        Map<String, long[]> outcomes = new HashMap<>();
        for (Message message : space) {
            Delivery delivery;
            try {
                delivery = emit.apply(message);
            } catch (RuntimeException e) {
                tally.disagree("engine throws on a message", seed, device.name() + "." + means.keyword() + " " + message + ": " + e);
                continue;
            }
            ReferenceHardware.Decoded decoded;
            try {
                decoded = reference.explain(device, message);
            } catch (AssertionError e) {
                tally.disagree("reference cannot decode: " + e.getMessage(), seed, device.name() + "." + means.keyword() + " "
                        + message + ": engine says " + ReferenceHardware.render(delivery));
                continue;
            }
            if (!delivery.equals(decoded.delivery())) {
                tally.disagree("delivery: engine " + Tally.kind(delivery) + ", reference " + Tally.kind(decoded.delivery()), seed,
                        String.format("%s (requester %s seen as %s) %s %s: engine says %s, the semantics say %s", device.name(),
                                device.requesterId(), device.iommuRequesterId(), means.keyword(), message,
                                ReferenceHardware.render(delivery), ReferenceHardware.render(decoded.delivery())));
            }
            outcomes.computeIfAbsent(Tally.kind(delivery), k -> new long[1])[0]++;
            Optional<DeliveryMode> special = ReferenceHardware.specialReaching(decoded.delivery());
            for (String victim : reference.victims(decoded.delivery())) {
                if (victim.equals(guest)) {
                    continue;
                }
                Reached r = reached.get(victim);
                if (r == null) {
                    r = new Reached(message, decoded.why().map(c -> c.keyword()).orElse("none"));
                    reached.put(victim, r);
                    tally.victims.computeIfAbsent(victim, k -> new LongAdder()).increment();
                    if (message.isCompatibilityFormat() && message.isLogicalDestination() && reference.model().hostKernel().isLinux()) {
                        tally.classes.computeIfAbsent("lowest a logical destination", k -> new LongAdder()).increment();
                    }
                    if (decoded.delivery() instanceof Delivery.Broadcast && !victim.equals(Kernel.HOST)) {
                        tally.classes.computeIfAbsent("guest's lowest a broadcast", k -> new LongAdder()).increment();
                    }
                }
                special.ifPresent(r.special::add);
            }
        }
        tally.fired.addAndGet(space.size());
        outcomes.forEach((kind, count) -> tally.outcomes.computeIfAbsent(kind, k -> new LongAdder()).add(count[0]));
        return reached;
    }

    private static String finding(String guest, String device, String means, String victim, String why, Set<DeliveryMode> special,
                                  Message message, String requester) {
        return finding(guest, device, means, victim, why, special.stream().sorted().map(DeliveryMode::keyword).toList(), message, requester);
    }

    private static String finding(String guest, String device, String means, String victim, String why, List<String> special,
                                  Message message, String requester) {
        return String.format("%s %s.%s victim %s class %s special %s message %s requester %s", guest, device, means, victim, why,
                special, message, requester);
    }

    /**
     * Section 7's Linux verdict, from the model alone: the device's IOMMU group is every device the
     * IOMMU sees with the same requester id (a parent and its sub-devices, everything behind one
     * bridge); a device has isolated MSI when its bus is covered by a unit with remapping on; the group
     * is viable when every member is assigned to this guest.
     */
    private static String assignment(PlatformModel model, GuestModel guest, DeviceModel device, boolean isolated) {
        List<DeviceModel> group = model.devices().stream()
                .filter(d -> d.iommuRequesterId().equals(device.iommuRequesterId())).toList();
        boolean linux = group.stream().allMatch(d -> model.iommuCovering(d).filter(IommuModel::remapping).isPresent());
        boolean viable = group.stream().allMatch(d -> guest.owns(d.name()));
        String unit = model.iommuCovering(device).filter(IommuModel::remapping).map(IommuModel::name).orElse("none");
        return String.format("%s %s requester %s unit %s linux %s viable %s isolated %s", guest.name(), device.name(),
                device.iommuRequesterId(), unit, linux, viable, isolated);
    }

    /** A name for what differs between the expected and the analysis's findings, to group disagreements. */
    private static String findingKind(List<String> expected, List<String> found) {
        List<String> missing = expected.stream().filter(e -> !found.contains(e)).toList();
        List<String> extra = found.stream().filter(f -> !expected.contains(f)).toList();
        if (missing.isEmpty() && extra.isEmpty()) {
            return "findings out of order";
        }
        Set<String> fields = new TreeSet<>();
        for (String m : missing) {
            String key = m.substring(0, m.indexOf(" class "));
            Optional<String> twin = extra.stream().filter(x -> x.startsWith(key + " class ")).findFirst();
            if (twin.isEmpty()) {
                fields.add("victim missing");
                continue;
            }
            fields.add(fieldDiff(m, twin.get()));
        }
        for (String x : extra) {
            String key = x.substring(0, x.indexOf(" class "));
            if (missing.stream().noneMatch(m -> m.startsWith(key + " class "))) {
                fields.add("victim extra");
            }
        }
        return "findings: " + String.join(", ", fields);
    }

    /** Which of class, special, message and requester differ between two renderings of one finding. */
    private static String fieldDiff(String expected, String found) {
        List<String> differ = new ArrayList<>();
        for (String field : List.of("class", "special", "message", "requester")) {
            if (!field(expected, field).equals(field(found, field))) {
                differ.add(field.equals("class") ? "class " + field(expected, field) + " vs " + field(found, field) : field);
            }
        }
        return String.join("+", differ);
    }

    private static String field(String rendered, String field) {
        int at = rendered.indexOf(" " + field + " ") + field.length() + 2;
        int end = field.equals("special") ? rendered.indexOf("]", at) + 1 : rendered.indexOf(' ', at);
        return rendered.substring(at, end < 0 ? rendered.length() : end);
    }

    private static boolean guestWritable(StorageKind kind, HypervisorModel hypervisor) {
        return kind == StorageKind.IMS_QUEUE || !hypervisor.traps(kind);
    }

    private static List<String> victimOrder(PlatformModel model) {
        List<String> order = new ArrayList<>(List.of(Kernel.HOST));
        model.guests().forEach(g -> order.add(g.name()));
        return order;
    }

    /** What the run compared, which configurations and outcomes it met, and every disagreement. */
    private static final class Tally {
        final AtomicLong platforms = new AtomicLong();
        final AtomicLong fired = new AtomicLong();
        final AtomicLong breaches = new AtomicLong();
        final AtomicLong notIsolated = new AtomicLong();
        final AtomicLong disagreements = new AtomicLong();
        final AtomicLong entries = new AtomicLong();
        final AtomicLong cpuNanos = new AtomicLong();
        final Map<String, LongAdder> features = new ConcurrentSkipListMap<>();
        final Map<String, LongAdder> outcomes = new ConcurrentSkipListMap<>();
        final Map<String, LongAdder> classes = new ConcurrentSkipListMap<>();
        final Map<String, LongAdder> victims = new ConcurrentSkipListMap<>();
        final Map<String, LongAdder> kinds = new ConcurrentSkipListMap<>();
        final Map<String, List<String>> samples = new ConcurrentSkipListMap<>();

        void disagree(String kind, long seed, String detail) {
            disagreements.incrementAndGet();
            kinds.computeIfAbsent(kind, k -> new LongAdder()).increment();
            List<String> kept = samples.computeIfAbsent(kind, k -> new ArrayList<>());
            synchronized (kept) {
                if (kept.size() < SAMPLES_PER_KIND) {
                    kept.add("  seed " + seed + ": " + detail);
                }
            }
        }

        void count(PlatformModel model, Platform platform) {
            platforms.incrementAndGet();
            for (IommuModel unit : model.iommus()) {
                feature(!unit.remapping() ? "remapping off" : unit.kind() == IommuKind.VTD ? "vtd" : "amdvi");
                if (unit.remapping() && unit.kind() == IommuKind.VTD) {
                    feature("source_check " + unit.sourceCheck().name().toLowerCase(Locale.ROOT));
                    feature(unit.compatAllowed() ? "compat allowed" : "compat blocked");
                    feature(unit.posted() ? "posted" : "not posted");
                    if (unit.compatAllowed() && model.cpu().apic() == ApicMode.X2APIC) {
                        feature("x2apic compat allowed");
                    }
                    if (unit.entries() == IommuModel.VTD_MAX_ENTRIES) {
                        feature("vtd 65536 entries");
                    }
                }
                if (unit.remapping() && unit.kind() == IommuKind.AMDVI && unit.entries() > 512) {
                    feature("amdvi 2k mode");
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
                if (d.bridge().isPresent()) {
                    feature(d.isSubDevice() ? "sub-device behind a bridge" : "function behind a bridge");
                }
                if (devices.stream().anyMatch(o -> o != d && !o.isSubDevice() && !d.isSubDevice()
                        && o.requesterId().bus() == d.requesterId().bus())) {
                    feature("shared bus number");
                }
            }
            if (model.buses().stream().mapToInt(b -> b.bridges().size()).sum() > 0) {
                feature("bridge");
            }
            for (StackModel stack : model.hostStacks()) {
                if (stack.storage() == StorageKind.MSI && Integer.bitCount(stack.alloc()) != 1) {
                    feature("msi not a power of two");
                }
            }
            for (GuestModel guest : model.guests()) {
                for (StackModel stack : guest.stacks()) {
                    feature(stack.hypercall() ? "hcall" : "no hcall");
                    if (stack.hypercall() && stack.storage() == StorageKind.MSI && stack.alloc() > 1) {
                        feature("hcall msi above 1");
                    }
                    if (stack.storage() == StorageKind.MSI && Integer.bitCount(stack.alloc()) != 1) {
                        feature("msi not a power of two");
                    }
                }
            }
            model.hypervisor().ifPresent(hv -> {
                feature(hv.cpuidVisible() ? "cpuid visible" : "cpuid hidden");
                if (!hv.traps().isEmpty() && !model.guests().isEmpty()) {
                    feature("trapped");
                }
                if (!hv.traps(StorageKind.MSIX) && !model.guests().isEmpty()) {
                    feature("untrapped msix");
                }
            });
            List<Integer> ids = model.cpu().apicIds();
            if (ids.stream().anyMatch(id -> id > 0xff)) {
                feature("x2apic id above 0xff");
            }
            if (ids.contains(0xff)) {
                feature("apic id 0xff");
            }
            if (IntStream.range(0, ids.size()).anyMatch(id -> !ids.contains(id))) {
                feature("missing destination");
            }
            if (model.cpu().apic() == ApicMode.XAPIC && !ids.equals(IntStream.range(0, model.cpu().count()).boxed().toList())) {
                feature("custom xapic ids");
            }
            if (model.guests().size() == 2) {
                feature("two guests");
            }
            if (model.hostKernel().isLinux()) {
                feature(model.hostKernel().words());
                feature("host " + model.hostDestinationMode().words());
            }
        }

        static String kind(Delivery delivery) {
            if (delivery instanceof Delivery.Fault f) {
                return FAULTS.get(f.reason());
            }
            if (delivery instanceof Delivery.Spurious s) {
                return s.mode() != DeliveryMode.FIXED ? "spurious special" : s.cpu().isPresent() ? "spurious on a cpu" : "spurious on no cpu";
            }
            if (delivery instanceof Delivery.Delivered d) {
                return d.kernel().equals(Kernel.HOST) ? "delivered to host" : "delivered to a guest";
            }
            if (delivery instanceof Delivery.Special) {
                return "special on a cpu";
            }
            if (delivery instanceof Delivery.Broadcast b) {
                return b.vector().isPresent() ? "broadcast fixed" : "broadcast special";
            }
            if (delivery instanceof Delivery.Multicast m) {
                return m.vector().isPresent() ? "multicast fixed" : "multicast special";
            }
            return delivery.outcome();
        }

        void classify(String why, Set<DeliveryMode> special, Means means) {
            classes.computeIfAbsent(why, k -> new LongAdder()).increment();
            classes.computeIfAbsent("means " + means.keyword(), k -> new LongAdder()).increment();
            if (!special.isEmpty()) {
                classes.computeIfAbsent("with special modes", k -> new LongAdder()).increment();
            }
        }

        private void feature(String name) {
            features.computeIfAbsent(name, k -> new LongAdder()).increment();
        }
    }
}
