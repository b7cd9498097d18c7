package dev.irqtopo.samples.observed;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.irqtopo.compiler.SourceResult;
import dev.irqtopo.model.KernelProfile;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.runtime.remap.Irte;
import dev.irqtopo.samples.observed.RecordedBoot.Entry;
import dev.irqtopo.samples.observed.Replay.Comparison;
import dev.irqtopo.samples.observed.Replay.Group;
import dev.irqtopo.samples.observed.Replay.Pair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The boots of real Linux 6.1 and 6.12 under QEMU's VT-d recorded in {@code docs/observations/}, replayed
 * against the model of the machine each ran on ({@code src/test/resources/observed/<boot>.irqtopo}),
 * field by field. Every field the replay compares either matches or is listed in
 * {@link #KNOWN_DIFFERENCES} with the reason the model cannot match it yet; each test asserts that
 * exactly the listed fields differ, so a new difference fails it and so does one that went away.
 * {@code docs/observations/REPLAY.md} gives the same list in prose.
 */
class ObservedBootsTest {

    private static final List<String> BOOTS = List.of(
            "linux-6.1-q35-vtd-xapic-smp4",
            "linux-6.1-q35-vtd-x2apic-smp4",
            "linux-6.1-q35-vtd-xapic-smp9",
            "linux-6.1-q35-vtd-x2apic-cluster1",
            "linux-6.1-q35-vtd-xapic-forged",
            "linux-6.1-q35-vtd-x2apic-forged",
            "linux-6.12-q35-vtd-xapic-smp4",
            "linux-6.12-q35-vtd-x2apic-smp4",
            "linux-6.12-q35-vtd-xapic-smp9",
            "linux-6.12-q35-vtd-xapic-forged");

    private static final List<String> FORGED_BOOTS = BOOTS.stream().filter(b -> b.endsWith("-forged")).toList();

    /** A field the model does not match in {@code boots}, and why. */
    private record Known(List<String> boots, String reason) {
    }

    /**
     * Why e1000e's and ahci's CPUs (and with them the vectors) differ: the boot's history up to the drivers,
     * which the model replays (docs/kernels.md §6.6), puts every IOAPIC pin, the fault event and virtio-net's
     * three vectors where Linux put them; the rest follows the order of the drivers' requests.
     */
    private static final String OPEN_TIME_REQUEST = "e1000e allocates its MSI-X vectors at probe but requests"
            + " them only when its interface is opened (e1000e_open calls e1000_request_irq), and only a request"
            + " gives a reservation-mode irq its CPU and vector; the boot's /init opened eth1 after every module"
            + " had loaded (tools/init.sh: `ip link set up` after the insmod loop; dmesg: ahci's probe at 9.5 s,"
            + " `eth1: NIC Link is Up` at 13.7 s in the 6.1 xAPIC boot), so ahci, which requests its MSI at probe,"
            + " took its vector before e1000e's three (summary.txt: ahci's irq 31 on CPU 2, 0x23, between"
            + " virtio-net's and e1000e's CPUs 3, 0, 1). A design says in which order drivers allocate, not when"
            + " a network interface is opened, so the model requests each stack's vectors where it allocates"
            + " them, e1000e before ahci; virtio-net's three, requested at probe, match in every boot";

    /** Every field that differs, by the name the replay gives it, with the boots it differs in. */
    private static final Map<String, Known> KNOWN_DIFFERENCES = Map.ofEntries(
            Map.entry("effective CPU", new Known(BOOTS, OPEN_TIME_REQUEST)),
            Map.entry("vector", new Known(BOOTS.stream().filter(b -> !b.endsWith("-smp9")).toList(), "as the"
                    + " effective CPU: the lowest free vector of the CPU chosen (with 9 CPUs, CPUs 1 to 8 hold the same"
                    + " vectors when e1000e and ahci request theirs, so the vectors agree although the CPUs do not)")),
            Map.entry("F4-ioapic-entry via dma", new Known(FORGED_BOOTS, "as F3 via dma: QEMU's DMA carries no"
                    + " requester id, so pin 1's entry (SID ff:00.0) accepted it; edu's own writes carry 00:03.0: 0x26,"
                    + " as the same write through edu's MSI faulted")),
            Map.entry("F7-compat-physical via msi", new Known(FORGED_BOOTS, "QEMU 10.0.2 delivers compatibility"
                    + " format although Linux leaves it blocked (GSTS.CFIS = 0); the model faults 0x25 as VT-d does")),
            Map.entry("F7-compat-physical via dma", new Known(FORGED_BOOTS, "as F7 via msi")),
            Map.entry("F8-compat-logical via msi", new Known(FORGED_BOOTS, "as F7 via msi")),
            Map.entry("F8-compat-logical via dma", new Known(FORGED_BOOTS, "as F7 via msi")),
            Map.entry("F3-virtio-entry via dma", new Known(FORGED_BOOTS, "QEMU's DMA path carries no requester id"
                    + " (SID 0xffff) and skips the source-id check; edu's own writes carry 00:03.0, which the model"
                    + " checks: 0x26, as the same write through edu's MSI faulted")),
            Map.entry("F5-shv-subhandle via dma", new Known(FORGED_BOOTS, "as F3 via dma")),
            Map.entry("F9-ahci-entry via dma", new Known(FORGED_BOOTS, "as F3 via dma")));

    private static final Map<String, Replay> REPLAYS = new ConcurrentHashMap<>();

    private static Replay replay(String boot) {
        return REPLAYS.computeIfAbsent(boot, Replay::of);
    }

    static Stream<String> boots() {
        return BOOTS.stream();
    }

    static Stream<String> forgedBoots() {
        return FORGED_BOOTS.stream();
    }

    @Test
    void everyBootWithVtdHasADesignAndEveryDesignABoot() throws IOException {
        try (Stream<Path> boots = Files.list(RecordedBoot.OBSERVATIONS);
             Stream<Path> designs = Files.list(Replay.DESIGNS)) {
            assertThat(boots.map(p -> p.getFileName().toString()).filter(n -> n.contains("-vtd-")).toList())
                    .containsExactlyElementsIn(BOOTS);
            assertThat(designs.map(p -> p.getFileName().toString()).toList())
                    .containsExactlyElementsIn(BOOTS.stream().map(b -> b + ".irqtopo").toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boots")
    void eachDesignChecksCleanlyAndRunsTheBootsKernel(String boot) {
        SourceResult design = Replay.design(boot);
        assertThat(design.diagnostics()).isEmpty();
        assertThat(design.platforms()).hasSize(1);
        KernelProfile kernel = boot.startsWith("linux-6.12-") ? KernelProfile.LINUX_6_12 : KernelProfile.LINUX_6_1;
        assertThat(design.platforms().get(0).hostKernel()).isEqualTo(kernel);
    }

    /** The readers against the collector: every decoded field of irte.txt is what its raw words hold. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("boots")
    void theRecordedFieldsAreThoseOfTheRecordedRawWords(String boot) {
        for (Entry entry : replay(boot).boot().table().present().values()) {
            Irte raw = new Irte(entry.high(), entry.low());
            assertWithMessage("entry %s", entry.index()).that(entry.fields()).isEqualTo(Map.ofEntries(
                    Map.entry("P", (long) raw.p()), Map.entry("FPD", (long) raw.fpd()), Map.entry("DM", (long) raw.dm()),
                    Map.entry("RH", (long) raw.rh()), Map.entry("TM", (long) raw.tm()), Map.entry("DLM", (long) raw.dlm()),
                    Map.entry("AVL", (long) raw.avail()), Map.entry("IM", (long) raw.im()),
                    Map.entry("V", (long) raw.vector()), Map.entry("DST", Integer.toUnsignedLong(raw.dst())),
                    Map.entry("SID", (long) raw.sid()), Map.entry("SQ", (long) raw.sq()),
                    Map.entry("SVT", (long) raw.svt())));
        }
        // the seven MSI and MSI-X interrupts of virtio-net, e1000e and ahci, each paired with the model's
        assertThat(replay(boot).pairs()).hasSize(7);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boots")
    void theDesignIsTheMachineQemuEmulated(String boot) {
        assertDiffersExactlyWhereListed(boot, Group.MACHINE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boots")
    void everyEntryFieldBesidesVectorAndDestinationIsTheOneLinuxWrote(String boot) {
        assertDiffersExactlyWhereListed(boot, Group.ENTRIES);
    }

    /**
     * The CPUs differ, so the DSTs do too; what must agree is the encoding. The recorded DST is the
     * model's encoding of the CPU Linux chose, and the model's own DST the same encoding of its own choice.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("boots")
    void everyDestinationIsTheModelsEncodingOfItsCpu(String boot) {
        assertDiffersExactlyWhereListed(boot, Group.DESTINATIONS);
        Replay replay = replay(boot);
        for (Pair pair : replay.pairs()) {
            assertWithMessage("the model's DST for CPU %s", pair.model().cpu())
                    .that(pair.modelEntry().destination())
                    .isEqualTo(replay.modelDestination(pair.model().cpu(),
                            pair.recorded().slot().orElseThrow().function()));
        }
    }

    /**
     * The history the model replays up to the drivers is Linux's: virtio-net's vectors, requested at probe
     * before any other driver's, take the CPUs and vectors Linux gave them, in every boot; only the order of
     * e1000e's and ahci's requests is not in a design (see {@link #KNOWN_DIFFERENCES}).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("boots")
    void theVectorsRequestedAtProbeBeforeAnyOtherDriverAreLinuxs(String boot) {
        RequesterId virtio = RequesterId.of(0, 1, 0);
        List<Pair> first = replay(boot).pairs().stream()
                .filter(p -> p.recorded().slot().orElseThrow().function().equals(virtio)).toList();
        assertThat(first).hasSize(3);
        for (Pair pair : first) {
            assertWithMessage("%s: CPU", pair.recorded().source()).that(pair.model().cpu())
                    .isEqualTo(pair.recorded().cpu());
            assertWithMessage("%s: vector", pair.recorded().source()).that(pair.model().vector())
                    .isEqualTo(pair.recorded().vector());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boots")
    void everyDeviceStoresTheRemappableMessageOfItsOwnEntry(String boot) {
        assertDiffersExactlyWhereListed(boot, Group.MESSAGES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boots")
    void theProfileChoosesTheRecordedDestinationModeAndFirstVector(String boot) {
        assertDiffersExactlyWhereListed(boot, Group.PROFILE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boots")
    void linuxsAllocationChoicesDifferOnlyWhereListed(String boot) {
        assertDiffersExactlyWhereListed(boot, Group.ALLOCATION);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgedBoots")
    void forgedWritesFaultForTheRecordedReasonsExceptWhereListed(String boot) {
        // F1..F10 through edu's MSI capability (F6 cannot go there: MSI data is 16 bits), then through its DMA
        assertThat(replay(boot).boot().forged()).hasSize(19);
        assertDiffersExactlyWhereListed(boot, Group.FORGED);
    }

    @Test
    void everyListedDifferenceIsAFieldTheReplayComparesInEachOfItsBoots() {
        KNOWN_DIFFERENCES.forEach((field, known) -> {
            assertWithMessage("boots of %s", field).that(known.boots()).isNotEmpty();
            for (String boot : known.boots()) {
                assertWithMessage("fields of %s", boot)
                        .that(replay(boot).comparisons().stream().map(Comparison::field).toList()).contains(field);
            }
        });
    }

    @Test
    void replayMdGivesEveryListedDifference() throws IOException {
        String text = Files.readString(RecordedBoot.OBSERVATIONS.resolve("REPLAY.md"));
        for (String field : KNOWN_DIFFERENCES.keySet()) {
            assertWithMessage("REPLAY.md names `%s`", field).that(text).contains("`" + field + "`");
        }
    }

    private static void assertDiffersExactlyWhereListed(String boot, Group group) {
        List<Comparison> comparisons = replay(boot).comparisons(group);
        assertWithMessage("%s compares no field of %s", group, boot).that(comparisons).isNotEmpty();
        List<String> differing = comparisons.stream().filter(Comparison::differs).map(Comparison::field).toList();
        List<String> listed = comparisons.stream().map(Comparison::field)
                .filter(f -> KNOWN_DIFFERENCES.containsKey(f) && KNOWN_DIFFERENCES.get(f).boots().contains(boot))
                .toList();
        assertWithMessage("%s, %s: the fields that differ, against those listed as known differences;\n  %s", boot,
                group, comparisons.stream().map(Comparison::toString).collect(Collectors.joining("\n  ")))
                .that(differing).containsExactlyElementsIn(listed);
    }
}
