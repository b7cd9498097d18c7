package dev.irqtopo.maven;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.irqtopo.model.ExpectedVerdict;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.runtime.isolation.Finding;
import dev.irqtopo.runtime.isolation.FindingClass;
import dev.irqtopo.runtime.isolation.IsolationReport;
import dev.irqtopo.runtime.isolation.Means;
import dev.irqtopo.runtime.message.DeliveryMode;
import dev.irqtopo.runtime.message.Message;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/** {@code verify=true} fails the build only where a platform's verdict differs from the one it expects. */
class VerdictCheckTest {

    private static final Finding RABBIT = new Finding("vm0", "vf", Means.DMA, "host", FindingClass.NO_REMAPPING,
            DeliveryMode.SPECIAL, Message.of(0xFEE0_0000L, 0), RequesterId.parse("03:00.1"),
            List.of("vm0 programs vf's DMA to write it"));

    private final RecordingLog log = new RecordingLog();

    private static IsolationReport report(String platform, ExpectedVerdict expected, boolean breach) {
        return new IsolationReport(platform, expected, breach ? List.of(RABBIT) : List.of(), List.of());
    }

    @Test
    void anExpectedBreachPasses() throws Exception {
        VerdictCheck.check(List.of(report("WhiteRabbit", ExpectedVerdict.BREACH, true),
                report("Tight", ExpectedVerdict.ISOLATED, false)), log);
        assertThat(log.at("ERROR")).isEmpty();
        assertThat(log.at("INFO")).containsExactly("irqtopo: platform WhiteRabbit: BREACH, as expected (1 finding)",
                "irqtopo: 2 platforms verified: every verdict is the expected one (1 breach expected)").inOrder();
    }

    @Test
    void isolatedPlatformsPassAsBefore() throws Exception {
        VerdictCheck.check(List.of(report("Tight", ExpectedVerdict.ISOLATED, false)), log);
        assertThat(log.at("INFO")).containsExactly("irqtopo: 1 platform verified: every guest is isolated");
    }

    @Test
    void anUnexpectedBreachFailsWithItsCounterexample() {
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> VerdictCheck.check(List.of(
                report("WhiteRabbit", ExpectedVerdict.BREACH, true), report("Leaky", ExpectedVerdict.ISOLATED, true)),
                log));
        // the failure itself names the platform, what it expected and the counterexample
        assertThat(e).hasMessageThat().isEqualTo("irqtopo: platform Leaky: BREACH, but isolated expected (1 finding):"
                + " vm0 reaches the host through vf's DMA with 0x00000000fee00000 0x00000000 from requester id 03:00.1"
                + " (class no-remapping)");
        assertThat(log.at("ERROR")).containsAtLeast("platform Leaky: BREACH, but isolated expected (1 finding)",
                "  vm0 reaches the host through vf's DMA",
                "    special: SMI, NMI, INIT and ExtINT reach the host too",
                "    message 0x00000000fee00000 0x00000000 from requester id 03:00.1",
                "    1. vm0 programs vf's DMA to write it").inOrder();
        // the expected breach is no error and shows no counterexample
        assertThat(String.join("\n", log.lines)).doesNotContain("platform WhiteRabbit: BREACH, but");
        assertThat(log.at("ERROR").stream().filter(l -> l.startsWith("platform ")).toList()).hasSize(1);
    }

    @Test
    void aMissingBreachFailsSayingSo() {
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> VerdictCheck.check(List.of(
                report("Fixed", ExpectedVerdict.BREACH, false), report("Leaky", ExpectedVerdict.ISOLATED, true)), log));
        assertThat(e).hasMessageThat().isEqualTo("irqtopo: platform Fixed: isolated, but breach expected: no guest"
                + " reaches an interrupt it does not own; platform Leaky: BREACH, but isolated expected (1 finding):"
                + " vm0 reaches the host through vf's DMA with 0x00000000fee00000 0x00000000 from requester id 03:00.1"
                + " (class no-remapping)");
        assertThat(log.at("ERROR").get(0))
                .isEqualTo("irqtopo: platform Fixed: isolated, but breach expected: no guest reaches an interrupt it"
                        + " does not own");
    }

    @Test
    void aPlatformWithSeveralBreachesGivesItsFirstAndPointsToTheRest() {
        IsolationReport twice = new IsolationReport("Leaky", ExpectedVerdict.ISOLATED, List.of(RABBIT,
                new Finding("vm0", "vf", Means.DMA, "vm1", FindingClass.NO_REMAPPING, List.of(),
                        Message.of(0xFEE0_1000L, 0x30), RequesterId.parse("03:00.1"), List.of("it lands on vm1"))),
                List.of());
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> VerdictCheck.check(List.of(twice), log));
        assertThat(e).hasMessageThat().endsWith("(class no-remapping), and more above");
        assertThat(e).hasMessageThat().contains("platform Leaky: BREACH, but isolated expected (2 findings): vm0"
                + " reaches the host through vf's DMA");
    }
}
