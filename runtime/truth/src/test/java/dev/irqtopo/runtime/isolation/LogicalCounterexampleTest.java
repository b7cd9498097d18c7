package dev.irqtopo.runtime.isolation;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.model.StorageKind.MSIX;
import static dev.irqtopo.testing.PlatformBuilder.device;
import static dev.irqtopo.testing.PlatformBuilder.msix;
import static dev.irqtopo.testing.PlatformBuilder.platform;
import static dev.irqtopo.testing.PlatformBuilder.stack;
import static dev.irqtopo.truth.IrqtopoTruth.assertThat;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.KernelProfile;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.runtime.Platform;
import dev.irqtopo.runtime.message.Message;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where the host decodes logical destinations, a forged compatibility message with the logical bit set
 * reaches CPUs too, and can be the lowest breaching message: a CPU's APIC ID may be high while its flat
 * logical id, {@code 1 << cpu}, is low.
 */
class LogicalCounterexampleTest {

    /**
     * No remapping; host CPUs 0 and 1 with APIC IDs 0x40 and 0x41; the host's nic owns vector 0x21 on
     * CPU 0; vm1's trapped vf1 gets a host vector on CPU 1 that injects into it; vm0 drives vf0.
     */
    private static PlatformModel highApicIds() {
        return platform("HighApicIds")
                .apicIds(ApicMode.XAPIC, 0x40, 0x41)
                .kvm()
                .bus("pci0", device("nic", "03:00.0", msix(4)), device("vf0", "03:00.1", msix(4)),
                        device("vf1", "03:00.2", msix(4)))
                .host(stack("nic", MSIX, 1))
                .guest("vm0", 1, List.of("vf0"))
                .guest("vm1", 1, List.of("vf1"), stack("vf1", MSIX, 1))
                .build();
    }

    @Test
    void theDesignProfileFindsTheLowestPhysicalDestinations() {
        IsolationReport report = Verification.run(highApicIds());

        assertThat(report).hasBreach("vm0", "host", Message.of(0xFEE4_0000L, 0)).withClass("no-remapping");
        assertThat(report).hasBreach("vm0", "vm1", Message.of(0xFEE4_1000L, 0x21));
    }

    @Test
    void underLinuxTheLowestCounterexampleIsALogicalOne() {
        IsolationReport report = Verification.run(highApicIds().withKernel(KernelProfile.LINUX_6_1));

        // flat logical id 1 << 0 names CPU 0, whose APIC ID 0x40 is far higher: address bit 2 set, destination 0x01
        assertThat(report).hasBreach("vm0", "host", Message.of(0xFEE0_1004L, 0)).withClass("no-remapping")
                .withSpecial("smi", "nmi", "init", "extint");
        // vm1's forwarded vector on CPU 1, whose logical id is 1 << 1
        assertThat(report).hasBreach("vm0", "vm1", Message.of(0xFEE0_2004L, 0x21)).withClass("no-remapping");
        Finding host = report.findings().stream().filter(f -> f.victim().equals("host")).findFirst().orElseThrow();
        assertThat(String.join(" | ", host.path())).contains("logical destination 0x01 (address bits 19:12, address bit 2 set) "
                + "in flat mode (logical id 1 << cpu) names host CPU 0");
    }

    @Test
    void theLogicalCounterexamplesReachWhatTheAnalysisSays() {
        Platform platform = Platform.create(highApicIds().withKernel(KernelProfile.LINUX_6_1));
        platform.boot();

        assertThat(platform.hardware().emit("vf0", Message.of(0xFEE0_1004L, 0))).isSpuriousOn(0, 0);
        assertThat(platform.hardware().emit("vf0", Message.of(0xFEE0_2004L, 0x21))).isDeliveredTo("vm1", 0, 0x21);
        // the same messages without the logical bit name APIC IDs 1 and 2, which no CPU has
        assertThat(platform.hardware().emit("vf0", Message.of(0xFEE0_1000L, 0))).reachesNoCpu();
        assertThat(platform.hardware().emit("vf0", Message.of(0xFEE0_2000L, 0x21))).reachesNoCpu();
    }

    @Test
    void inPhysicalModeNoLogicalDestinationReachesAnyone() {
        // 6.12 has no flat logical mode: the logical destination registers stay 0, the design's findings stand
        IsolationReport report = Verification.run(highApicIds().withKernel(KernelProfile.LINUX_6_12));

        assertThat(report).hasBreach("vm0", "host", Message.of(0xFEE4_0000L, 0));
        // 6.12 hands out 0x20 first
        assertThat(report).hasBreach("vm0", "vm1", Message.of(0xFEE4_1000L, 0x20));
    }

    @Test
    void inX2apicModeApicIdsZeroToSevenHaveAnEightBitLogicalDestination() {
        // x2APIC without remapping: Linux names CPUs physically, but the hardware gives APIC ID 3 the logical id 1 << 3
        PlatformModel model = platform("X2apic")
                .apicIds(ApicMode.X2APIC, 0x20, 0x03)
                .kvm()
                .bus("pci0", device("nic", "03:00.0", msix(4)), device("vf0", "03:00.1", msix(4)))
                .host(stack("nic", MSIX, 2))
                .guest("vm0", 1, List.of("vf0"))
                .build();

        assertThat(Verification.run(model)).hasBreach("vm0", "host", Message.of(0xFEE0_3000L, 0));
        // logical 0x08 (APIC ID 3) at 0xFEE08004 is above APIC ID 3's physical 0xFEE03000, so physical stays lowest
        assertThat(Verification.run(model.withKernel(KernelProfile.LINUX_6_19)))
                .hasBreach("vm0", "host", Message.of(0xFEE0_3000L, 0));
        PlatformModel high = platform("X2apicHigh")
                .apicIds(ApicMode.X2APIC, 0x20, 0x07)
                .kvm()
                .bus("pci0", device("nic", "03:00.0", msix(4)), device("vf0", "03:00.1", msix(4)))
                .host(stack("nic", MSIX, 2))
                .guest("vm0", 1, List.of("vf0"))
                .build().withKernel(KernelProfile.LINUX_6_19);
        // APIC ID 7: physical 0xFEE07000, logical 1 << 7 at 0xFEE80004; and APIC ID 0x20 has no 8-bit logical id
        assertThat(Verification.run(high)).hasBreach("vm0", "host", Message.of(0xFEE0_7000L, 0));
    }
}
