package dev.irqtopo.cli;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.compiler.TestSources;
import dev.irqtopo.model.ExpectedVerdict;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.runtime.isolation.Finding;
import dev.irqtopo.runtime.isolation.FindingClass;
import dev.irqtopo.runtime.isolation.IsolationReport;
import dev.irqtopo.runtime.isolation.Means;
import dev.irqtopo.runtime.message.DeliveryMode;
import dev.irqtopo.runtime.message.Message;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate} and {@code verify} end to end: text for people, exit codes, platform selection. */
class ReportCommandsTest {

    private static final Finding BREACH = new Finding("vm0", "vf", Means.DMA, "host", FindingClass.NO_REMAPPING,
            DeliveryMode.SPECIAL, Message.of(0xFEE0_0000L, 0), RequesterId.parse("03:00.1"), List.of());

    @TempDir
    Path dir;

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    private static String scenario(String name) {
        return TestSources.resource("conformance/scenarios/" + name + ".irqtopo").toString();
    }

    @Test
    void simulatePrintsOneAlignedRowPerInterrupt() {
        CommandRun run = run("simulate", scenario("guest-trapped"));
        assertThat(run.exit()).isEqualTo(0);
        assertThat(run.out()).contains("platform GuestTrapped\n  vm0: stack vf.msix: vector -> msix  2 interrupts\n");
        assertThat(run.out()).containsMatch(
                "(?m)^    0 +24 +0 +0x21 +0 +0 +0x00 +0x21 +0x00000000fee00000 0x00000021 +0x00000000fee00018 0x00000000 "
                        + "+delivered vm0 cpu 0 vector 0x21 virq 24$");
    }

    @Test
    void simulateSaysWhenDomainCreationFails() {
        CommandRun run = run("simulate", scenario("ims-queue-no-hypercall"));
        assertThat(run.exit()).isEqualTo(0);
        assertThat(run.out()).contains("vm0: stack vf1.ims: vector -> ims  domain creation failed: EOPNOTSUPP");
        assertThat(run.err()).contains("[IRQ100]");
    }

    @Test
    void verifyExitsThreeOnAnUnexpectedBreachAndShowsTheCounterexample() {
        CommandRun run = run("verify", scenario("shared-requester-id"));
        assertThat(run.exit()).isEqualTo(VerifyCommand.UNEXPECTED_VERDICT);
        assertThat(run.out()).contains("platform SharedRequesterId: BREACH, but isolated expected (4 findings)\n"
                + "  vm0 reaches the host through adi1's IMS storage\n"
                + "    class shared-requester-id: the IOMMU sees it with requester id 03:00.0, the one the host's"
                + " interrupt is bound to\n"
                + "    message 0x00000000fee00010 0x00000000 from requester id 03:00.0\n");
    }

    @Test
    void verifyExitsZeroWhenIsolated() {
        CommandRun run = run("verify", scenario("ims-queue-hypercall"));
        assertThat(run.exit()).isEqualTo(0);
        assertThat(run.out()).startsWith("platform ImsQueueHypercall: isolated, as expected\n");
    }

    @Test
    void verifyExitsThreeOnlyWhereAVerdictDiffersFromItsExpectation() {
        IsolationReport expectedBreach = new IsolationReport("A", ExpectedVerdict.BREACH, List.of(BREACH), List.of());
        IsolationReport isolated = new IsolationReport("B", ExpectedVerdict.ISOLATED, List.of(), List.of());
        IsolationReport missingBreach = new IsolationReport("C", ExpectedVerdict.BREACH, List.of(), List.of());
        IsolationReport unexpectedBreach = new IsolationReport("D", ExpectedVerdict.ISOLATED, List.of(BREACH), List.of());
        VerifyCommand verify = new VerifyCommand();

        assertThat(verify.exitCode(List.of(expectedBreach, isolated))).isEqualTo(IrqtopoCommand.OK);
        assertThat(verify.exitCode(List.of(expectedBreach, missingBreach))).isEqualTo(VerifyCommand.UNEXPECTED_VERDICT);
        assertThat(verify.exitCode(List.of(unexpectedBreach, isolated))).isEqualTo(VerifyCommand.UNEXPECTED_VERDICT);
    }

    @Test
    void verifyJudgesEachPlatformByItsExpectLine() throws Exception {
        String leaky = "platform Leaky {\n    expect breach;\n    cpu x86 { cpus 2; }\n    hypervisor kvm { }\n"
                + "    bus pci0 { device nic 01:00.0 { msix 4; } device vf 01:00.1 { ims queue 4; } }\n"
                + "    host { stack nic.msix: vector -> msix; }\n    guest vm0 { cpus 1; assign vf; }\n}\n";
        Path file = Files.writeString(dir.resolve("expect.irqtopo"),
                leaky + "platform Tight {\n    expect breach;\n    cpu x86 { cpus 1; }\n}\n");

        CommandRun expected = run("verify", "--platform", "Leaky", file.toString());
        assertThat(expected.exit()).isEqualTo(0);
        assertThat(expected.out()).startsWith("platform Leaky: BREACH, as expected (1 finding)\n");

        CommandRun both = run("verify", file.toString());
        assertThat(both.exit()).isEqualTo(VerifyCommand.UNEXPECTED_VERDICT);
        assertThat(both.out()).endsWith("platform Tight: isolated, but breach expected\n");
    }

    @Test
    void kernelOverridesEveryKernelOfTheFileOrIsRefusedInOneLine() throws Exception {
        Path file = Files.writeString(dir.resolve("ims.irqtopo"), "platform P {\n"
                + "    cpu x86 { cpus 2; }\n    iommu vtd dmar0 { }\n"
                + "    bus pci0 { device nic 03:00.0 { ims device 4; } }\n"
                + "    host { kernel linux 6.6; stack nic.ims: vector -> remap dmar0 -> ims; }\n}\n");
        CommandRun file66 = run("explain", file.toString());
        assertThat(file66.exit()).isEqualTo(0);
        assertThat(file66.out()).contains("The host runs linux 6.6.");
        assertThat(file66.out()).doesNotContain("Domain creation fails");

        CommandRun as61 = run("explain", "--kernel", "linux-6.1", file.toString());
        assertThat(as61.exit()).isEqualTo(0);
        assertThat(as61.out()).contains("The host runs linux 6.1.");
        assertThat(as61.out()).contains("Domain creation fails with EOPNOTSUPP: the host runs linux 6.1");

        CommandRun unknown = run("simulate", "--kernel", "linux-5.4", file.toString());
        assertThat(unknown.exit()).isEqualTo(IrqtopoCommand.USAGE);
        assertThat(unknown.err()).isEqualTo("irqtopo: no kernel profile linux-5.4 (known: design, linux-6.1, linux-6.6,"
                + " linux-6.12, linux-6.19)\n");
        assertThat(unknown.out()).isEmpty();
    }

    @Test
    void platformSelectsOneOfSeveral() throws Exception {
        Path file = Files.writeString(dir.resolve("two.irqtopo"),
                "platform A { cpu x86 { cpus 1; } }\nplatform B { cpu x86 { cpus 1; } }\n");
        CommandRun run = run("verify", "--platform", "B", file.toString());
        assertThat(run.exit()).isEqualTo(0);
        assertThat(run.out()).isEqualTo("platform B: isolated, as expected\n");

        CommandRun unknown = run("simulate", "--platform", "C", file.toString());
        assertThat(unknown.exit()).isEqualTo(IrqtopoCommand.USAGE);
        assertThat(unknown.err()).contains("declares no platform C (it declares A, B)");
    }

    @Test
    void inputErrorsExitOneWithDiagnosticsAndNoReport() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.irqtopo"), "platform P { cpu x86 { cpus 0; } }\n");
        for (String command : new String[] {"simulate", "verify"}) {
            CommandRun run = run(command, "--json", file.toString());
            assertThat(run.exit()).isEqualTo(IrqtopoCommand.INPUT_ERRORS);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("bad.irqtopo:1:29: error:");
        }
    }

    @Test
    void aMissingFileIsAUsageError() {
        CommandRun run = run("verify", dir.resolve("absent.irqtopo").toString());
        assertThat(run.exit()).isEqualTo(IrqtopoCommand.USAGE);
        assertThat(run.err()).contains("cannot read");
        assertThat(run.err()).doesNotContain("Exception");
    }
}
