package dev.irqtopo.truth;

import static com.google.common.truth.ExpectFailure.expectFailureAbout;
import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.truth.IrqtopoTruth.assertThat;

import dev.irqtopo.model.table.Arm64ModelTable;
import dev.irqtopo.runtime.arm64.Arm64Outcome;
import dev.irqtopo.runtime.arm64.Arm64Platform;
import dev.irqtopo.runtime.arm64.isolation.Arm64FindingClass;
import dev.irqtopo.runtime.arm64.isolation.Arm64IsolationAnalysis;
import dev.irqtopo.runtime.gic.IgnoreReason;
import dev.irqtopo.runtime.message.Message;
import org.junit.jupiter.api.Test;

/** The arm64 subjects on a small platform: a GICv2m frame behind the host's NIC and a guest's function, without an SMMU. */
class Arm64SubjectsTest {

    private static Arm64Platform platform() {
        Arm64Platform platform = Arm64Platform.create(Arm64ModelTable.decode(String.join("\n",
                "irqtopo-arm64-model 1",
                "platform p Arm ~",
                "cpus 2 0",
                "gic 3 16",
                "its its0 0x8090040 16 16 8 on ignored",
                "v2m v2m0 0x8020040 80 16",
                "smmu 0",
                "hypervisor kvm 1 msix off",
                "bus pci0",
                "device nic 01:00.0 0 - - 1 msix 4 plain",
                "device vf 02:00.0 0 - - 1 msix 2 plain",
                "msi_map pci0 0xffffffff 2 0x100 v2m0 0x0 0x1 0x200 v2m0 0x0 0x1",
                "host",
                "stack nic msix v2m0 2",
                "guest vm0 1 1 vf",
                "stack vf msix - 1",
                "end",
                "")));
        platform.boot();
        return platform;
    }

    @Test
    void deliveriesAndIgnoredWrites() {
        Arm64Platform platform = platform();
        assertThat(platform.fire("nic", dev.irqtopo.model.StorageKind.MSIX, 1)).isDeliveredTo("host", 0, 81)
                .via(Arm64Outcome.Route.HOST);
        assertThat(platform.emit(platform.device("nic"), Message.of(0x0809_0040L, 7)))
                .isIgnoredBecause(IgnoreReason.NO_DEVICE_ID);
        assertThat(platform.emit(platform.device("nic"), Message.of(0x1000, 0))).isNotDelivered();
    }

    @Test
    void theVerdictAndItsFindings() {
        Arm64Platform platform = platform();
        assertThat(Arm64IsolationAnalysis.analyze(platform)).isNotIsolated();
        assertThat(Arm64IsolationAnalysis.analyze(platform)).hasFinding(Arm64FindingClass.NO_DEVICE_IDENTITY);
    }

    @Test
    void failuresSayWhatWasFound() {
        Arm64Platform platform = platform();
        Arm64Outcome ignored = platform.emit(platform.device("nic"), Message.of(0x0809_0040L, 7));
        AssertionError error = expectFailureAbout(Arm64OutcomeSubject.arm64Outcomes(),
                whenTesting -> whenTesting.that(ignored).isDeliveredTo("host"));
        assertThat(error).hasMessageThat().contains("ignored by its0: no_device_id");
        AssertionError isolated = expectFailureAbout(Arm64IsolationReportSubject.arm64IsolationReports(),
                whenTesting -> whenTesting.that(Arm64IsolationAnalysis.analyze(platform)).isIsolated());
        assertThat(isolated).hasMessageThat().contains("expected isolated");
    }
}
