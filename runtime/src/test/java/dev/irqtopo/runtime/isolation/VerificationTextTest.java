package dev.irqtopo.runtime.isolation;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.model.ExpectedVerdict;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.runtime.message.DeliveryMode;
import dev.irqtopo.runtime.message.Message;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code verify}'s text, whole, from result values built by hand: the verdict beside the expected one,
 * each finding's means, class and special modes, and Linux's verdict beside the exact one for every
 * kind of agreement and disagreement.
 */
class VerificationTextTest {

    private static final RequesterId VF = RequesterId.parse("03:00.1");

    private static Finding finding(String device, Means means, String victim, FindingClass findingClass,
                                   List<DeliveryMode> special, Message message) {
        return new Finding("vm0", device, means, victim, findingClass, special, message, VF,
                List.of("vm0 makes " + device + " emit " + message.addressHex() + " " + message.dataHex(),
                        "it lands on " + victim));
    }

    private static Assignment assignment(String device, Optional<String> unit, boolean linuxIsolatedMsi,
                                         boolean vfioGroupViable, boolean isolated) {
        return new Assignment("vm0", device, VF, unit, linuxIsolatedMsi, vfioGroupViable, isolated);
    }

    @Test
    void theVerdictSaysWhetherItIsTheExpectedOne() {
        Finding breach = finding("vf", Means.DMA, "host", FindingClass.NO_REMAPPING, List.of(),
                Message.of(0xFEE0_0000L, 0));
        assertThat(VerificationText.verdict(new IsolationReport("WhiteRabbit", ExpectedVerdict.BREACH, List.of(breach),
                List.of()))).isEqualTo("platform WhiteRabbit: BREACH, as expected (1 finding)");
        assertThat(VerificationText.verdict(new IsolationReport("Leaky", ExpectedVerdict.ISOLATED,
                List.of(breach, breach), List.of()))).isEqualTo("platform Leaky: BREACH, but isolated expected (2 findings)");
        assertThat(VerificationText.verdict(new IsolationReport("Tight", ExpectedVerdict.ISOLATED, List.of(), List.of())))
                .isEqualTo("platform Tight: isolated, as expected");
        assertThat(VerificationText.verdict(new IsolationReport("Fixed", ExpectedVerdict.BREACH, List.of(), List.of())))
                .isEqualTo("platform Fixed: isolated, but breach expected");
    }

    @Test
    void aCounterexampleFitsOnOneLine() {
        Finding dma = finding("vf", Means.DMA, "host", FindingClass.NO_REMAPPING, DeliveryMode.SPECIAL,
                Message.of(0xFEE0_0000L, 0));
        assertThat(VerificationText.counterexample(dma)).isEqualTo("vm0 reaches the host through vf's DMA with"
                + " 0x00000000fee00000 0x00000000 from requester id 03:00.1 (class no-remapping)");
        Finding ims = finding("adi1", Means.IMS, "vm1", FindingClass.SHARED_REQUESTER_ID,
                List.of(), Message.of(0xFEE0_0038L, 0));
        assertThat(VerificationText.counterexample(ims)).isEqualTo("vm0 reaches vm1 through adi1's IMS storage with"
                + " 0x00000000fee00038 0x00000000 from requester id 03:00.1 (class shared-requester-id)");
    }

    @Test
    void whiteRabbit() {
        Finding dma = finding("vf", Means.DMA, "host", FindingClass.NO_REMAPPING, DeliveryMode.SPECIAL,
                Message.of(0xFEE0_0000L, 0));
        IsolationReport report = new IsolationReport("WhiteRabbit", ExpectedVerdict.BREACH, List.of(dma),
                List.of(assignment("vf", Optional.empty(), false, true, false)));

        assertThat(VerificationText.render(List.of(report))).isEqualTo("""
                platform WhiteRabbit: BREACH, as expected (1 finding)
                  vm0 reaches the host through vf's DMA
                    class no-remapping: no interrupt remapping covers requester id 03:00.1, so compatibility format reaches the CPUs
                    special: SMI, NMI, INIT and ExtINT reach the host too
                    message 0x00000000fee00000 0x00000000 from requester id 03:00.1
                    1. vm0 makes vf emit 0x00000000fee00000 0x00000000
                    2. it lands on host
                  assignments, the exact verdict beside Linux's:
                    vm0 vf (03:00.1): NOT isolated; Linux refuses it too
                      no interrupt remapping covers 03:00.1, so Linux reports no isolated MSI: VFIO assigns it only with allow_unsafe_interrupts
                """);
    }

    @Test
    void eachClassInWordsAndWhereLinuxWouldAssignWrongly() {
        List<Finding> findings = List.of(
                finding("a", Means.DMA, "host", FindingClass.COMPATIBILITY_FORMAT, List.of(DeliveryMode.NMI),
                        Message.of(0xFEE0_0000L, 0)),
                finding("b", Means.DMA, "host", FindingClass.SOURCE_CHECK_OFF, List.of(), Message.of(0xFEE0_0010L, 0)),
                finding("c", Means.MSI, "vm1", FindingClass.SOURCE_CHECK_BUS, List.of(), Message.of(0xFEE0_0018L, 1)),
                finding("d", Means.MSIX, "host", FindingClass.SHARED_REQUESTER_ID, List.of(),
                        Message.of(0xFEE0_0010L, 0)),
                finding("d", Means.IMS, "vm1", FindingClass.SHARED_REQUESTER_ID, List.of(),
                        Message.of(0xFEE0_0018L, 2)));
        List<Assignment> assignments = List.of(
                assignment("a", Optional.of("dmar0"), true, true, false),
                assignment("b", Optional.of("dmar0"), true, true, false),
                assignment("c", Optional.of("dmar0"), true, true, false),
                assignment("d", Optional.of("dmar0"), true, false, false));
        IsolationReport report = new IsolationReport("Classes", ExpectedVerdict.ISOLATED, findings, assignments);

        assertThat(VerificationText.render(report)).isEqualTo("""
                platform Classes: BREACH, but isolated expected (5 findings)
                  vm0 reaches the host through a's DMA
                    class compatibility-format: the remapping unit lets compatibility format pass
                    special: NMI reaches the host too
                    message 0x00000000fee00000 0x00000000 from requester id 03:00.1
                    1. vm0 makes a emit 0x00000000fee00000 0x00000000
                    2. it lands on host
                  vm0 reaches the host through b's DMA
                    class source-check-off: the remap entry it hits validates no source (SVT 00)
                    message 0x00000000fee00010 0x00000000 from requester id 03:00.1
                    1. vm0 makes b emit 0x00000000fee00010 0x00000000
                    2. it lands on host
                  vm0 reaches vm1 through c's MSI storage
                    class source-check-bus: the remap entry it hits checks the bus only (SVT 10)
                    message 0x00000000fee00018 0x00000001 from requester id 03:00.1
                    1. vm0 makes c emit 0x00000000fee00018 0x00000001
                    2. it lands on vm1
                  vm0 reaches the host through d's MSI-X table
                    class shared-requester-id: the IOMMU sees it with requester id 03:00.1, the one the host's interrupt is bound to
                    message 0x00000000fee00010 0x00000000 from requester id 03:00.1
                    1. vm0 makes d emit 0x00000000fee00010 0x00000000
                    2. it lands on host
                  vm0 reaches vm1 through d's IMS storage
                    class shared-requester-id: the IOMMU sees it with requester id 03:00.1, the one vm1's interrupt is bound to
                    message 0x00000000fee00018 0x00000002 from requester id 03:00.1
                    1. vm0 makes d emit 0x00000000fee00018 0x00000002
                    2. it lands on vm1
                  assignments, the exact verdict beside Linux's:
                    vm0 a (03:00.1): NOT isolated, yet Linux would assign it
                      Linux reports isolated MSI for 03:00.1 (interrupt remapping on dmar0), but compatibility format passes: vm0 reaches the host with 0x00000000fee00000 0x00000000
                    vm0 b (03:00.1): NOT isolated, yet Linux would assign it
                      Linux reports isolated MSI for 03:00.1 (interrupt remapping on dmar0), but source validation is off: vm0 reaches the host with 0x00000000fee00010 0x00000000
                    vm0 c (03:00.1): NOT isolated, yet Linux would assign it
                      Linux reports isolated MSI for 03:00.1 (interrupt remapping on dmar0), but source validation checks the bus only: vm0 reaches vm1 with 0x00000000fee00018 0x00000001
                    vm0 d (03:00.1): NOT isolated; VFIO refuses it anyway (split group)
                      Linux reports isolated MSI for 03:00.1 (interrupt remapping on dmar0), but the requester id is shared with the host: vm0 reaches the host with 0x00000000fee00010 0x00000000
                      the IOMMU group of 03:00.1 is split between owners, which alone makes VFIO refuse it
                """);
    }

    @Test
    void isolatedDevicesThatLinuxRefusesOrVfioCannotTake() {
        List<Assignment> assignments = List.of(
                assignment("remapped", Optional.of("dmar0"), true, true, true),
                assignment("trapped", Optional.empty(), false, true, true),
                assignment("grouped", Optional.of("dmar0"), false, true, true),
                assignment("split", Optional.of("dmar0"), true, false, true),
                assignment("both", Optional.empty(), false, false, true));
        IsolationReport report = new IsolationReport("Refusals", ExpectedVerdict.ISOLATED, List.of(), assignments);

        assertThat(VerificationText.render(report)).isEqualTo("""
                platform Refusals: isolated, as expected
                  assignments, the exact verdict beside Linux's:
                    vm0 remapped (03:00.1): isolated; Linux assigns it too
                      Linux reports isolated MSI for 03:00.1 (interrupt remapping on dmar0)
                    vm0 trapped (03:00.1): isolated, yet Linux would refuse it
                      no interrupt remapping covers 03:00.1, so Linux reports no isolated MSI
                    vm0 grouped (03:00.1): isolated, yet Linux would refuse it
                      a device in the IOMMU group of 03:00.1 has no interrupt remapping, so Linux reports no isolated MSI
                    vm0 split (03:00.1): isolated; VFIO refuses it (split group)
                      Linux reports isolated MSI for 03:00.1 (interrupt remapping on dmar0), but the IOMMU group of 03:00.1 is split between owners, which alone makes VFIO refuse it
                    vm0 both (03:00.1): isolated, yet Linux would refuse it
                      no interrupt remapping covers 03:00.1, so Linux reports no isolated MSI; the IOMMU group of 03:00.1 is also split between owners
                """);
    }

    @Test
    void severalPlatformsOneAfterAnother() {
        IsolationReport bare = new IsolationReport("Bare", ExpectedVerdict.ISOLATED, List.of(), List.of());
        IsolationReport fixed = new IsolationReport("Fixed", ExpectedVerdict.BREACH, List.of(),
                List.of(assignment("vf", Optional.of("dmar0"), true, true, true)));

        assertThat(VerificationText.render(List.of(bare, fixed))).isEqualTo("""
                platform Bare: isolated, as expected
                platform Fixed: isolated, but breach expected
                  assignments, the exact verdict beside Linux's:
                    vm0 vf (03:00.1): isolated; Linux assigns it too
                      Linux reports isolated MSI for 03:00.1 (interrupt remapping on dmar0)
                """);
    }
}
