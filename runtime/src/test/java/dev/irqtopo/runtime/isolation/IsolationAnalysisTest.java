package dev.irqtopo.runtime.isolation;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.model.StorageKind.IMS_DEVICE;
import static dev.irqtopo.model.StorageKind.IMS_QUEUE;
import static dev.irqtopo.model.StorageKind.MSI;
import static dev.irqtopo.model.StorageKind.MSIX;
import static dev.irqtopo.testing.PlatformBuilder.device;
import static dev.irqtopo.testing.PlatformBuilder.hcallStack;
import static dev.irqtopo.testing.PlatformBuilder.hypervisorWith;
import static dev.irqtopo.testing.PlatformBuilder.imsDevice;
import static dev.irqtopo.testing.PlatformBuilder.imsQueue;
import static dev.irqtopo.testing.PlatformBuilder.msix;
import static dev.irqtopo.testing.PlatformBuilder.platform;
import static dev.irqtopo.testing.PlatformBuilder.remapStack;
import static dev.irqtopo.testing.PlatformBuilder.stack;
import static dev.irqtopo.testing.PlatformBuilder.subDevice;
import static dev.irqtopo.testing.PlatformBuilder.vtdUnit;
import static dev.irqtopo.testing.PlatformBuilder.withCompatAllowed;
import static dev.irqtopo.testing.PlatformBuilder.withPosted;
import static dev.irqtopo.testing.PlatformBuilder.withSourceCheck;
import static dev.irqtopo.truth.IrqtopoTruth.assertThat;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.SourceCheck;
import dev.irqtopo.runtime.Message;
import dev.irqtopo.testing.PlatformBuilder.DeviceSpec;
import dev.irqtopo.testing.Render;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdicts section 7 says follow from the rules, each worked out by hand. */
class IsolationAnalysisTest {

    /** Host nic 03:00.0 holds entry 0; vm0's vf (bus given) queue composes by hypercall and gets entry 1. */
    private static PlatformModel vfBeside(String vfRequesterId, IommuModel unit) {
        return platform("Vf")
                .cpus(2, ApicMode.X2APIC)
                .iommu(unit)
                .hypervisor(hypervisorWith(true, true, false, MSI, MSIX))
                .bus("pci0", device("nic", "03:00.0", msix(4)), device("vf", vfRequesterId, imsQueue(8)))
                .host(remapStack("nic", MSIX, "dmar0", 1))
                .guest("vm0", 1, List.of("vf"), hcallStack("vf", IMS_QUEUE, 1))
                .build();
    }

    @Test
    void perRequesterIdSourceChecksIsolateVirtualFunctions() {
        assertThat(Verification.run(vfBeside("03:00.1", vtdUnit("dmar0")))).isIsolated();
    }

    @Test
    void withoutSourceCheckAGuestReachesTheHostsEntries() {
        IsolationReport report = Verification.run(vfBeside("03:00.1", withSourceCheck(vtdUnit("dmar0"), SourceCheck.OFF)));

        assertThat(report).hasBreach("vm0", "host", Message.of(0xFEE0_0010L, 0));
        assertThat(report).hasFindings(1);
        assertThat(report.findings().get(0).path()).containsExactly(
                "vm0 writes 0x00000000fee00010/0x00000000 into vf ims slot 0",
                "vf emits it with requester id 03:00.1",
                "dmar0: remappable, handle 0, index 0",
                "entry 0: SVT 00 matches",
                "remapped to host CPU 0 vector 0x21, owned by host irq 24 (nic msix slot 0)").inOrder();
    }

    @Test
    void busSourceChecksSeparateBusesButNotFunctionsOnOneBus() {
        IommuModel bus = withSourceCheck(vtdUnit("dmar0"), SourceCheck.BUS);

        assertThat(Verification.run(vfBeside("03:00.1", bus))).hasBreach("vm0", "host");
        assertThat(Verification.run(vfBeside("04:00.1", bus))).isIsolated();
    }

    @Test
    void compatibilityFormatAllowedLetsAGuestHitAnyHostCpuVector() {
        IsolationReport report = Verification.run(vfBeside("03:00.1", withCompatAllowed(vtdUnit("dmar0"))));

        // APIC ID 0, vector 0: an illegal vector on a host CPU belongs to the host
        assertThat(report).hasBreach("vm0", "host", Message.of(0xFEE0_0000L, 0));
        assertThat(report.findings().get(0).path()).contains(
                "delivered to host CPU 0 vector 0x00, which no handler owns: spurious");
    }

    @Test
    void withoutRemappingEveryVectorOfAnotherKernelIsReachableButAGuestsOwnAreNot() {
        PlatformModel model = platform("NoIommu")
                .cpus(2)
                .hypervisor(hypervisorWith(true, true, false, MSI, MSIX))
                .bus("pci0", device("vf0", "03:00.1", imsQueue(8)), device("vf1", "03:00.2", imsQueue(8)))
                .guest("vm0", 1, List.of("vf0"), hcallStack("vf0", IMS_QUEUE, 1))
                .guest("vm1", 1, List.of("vf1"), hcallStack("vf1", IMS_QUEUE, 1))
                .build();

        IsolationReport report = Verification.run(model);

        // vm0 forwards from host CPU 0 vector 0x21, vm1 from host CPU 1 vector 0x21
        assertThat(Render.lines(report)).containsExactly(
                "vm0 vf0.ims victim host message 0x00000000fee00000/0x00000000 requester 03:00.1",
                "vm0 vf0.ims victim vm1 message 0x00000000fee01000/0x00000021 requester 03:00.1",
                "vm1 vf1.ims victim host message 0x00000000fee00000/0x00000000 requester 03:00.2",
                "vm1 vf1.ims victim vm0 message 0x00000000fee00000/0x00000021 requester 03:00.2").inOrder();
    }

    @Test
    void hostCpusACompatibilityMessageCannotNameAreOutOfReach() {
        PlatformModel model = platform("HighApicIds")
                .apicIds(ApicMode.X2APIC, 0x100, 0x101)
                .hypervisor(hypervisorWith(true, true, false, MSI, MSIX))
                .bus("pci0", device("vf0", "03:00.1", imsQueue(8)))
                .guest("vm0", 1, List.of("vf0"))
                .build();

        assertThat(Verification.run(model)).isIsolated();
    }

    @Test
    void trappedStoragesAreNotGuestWritableSoTheyAreIsolatedEvenWithoutRemapping() {
        PlatformModel model = platform("AllTrapped")
                .cpus(2)
                .hypervisor(hypervisorWith(true, false, false, MSI, MSIX, IMS_DEVICE))
                .bus("pci0", device("vf", "03:00.1", msix(4), imsDevice(4)))
                .guest("vm0", 1, List.of("vf"), stack("vf", MSIX, 1))
                .build();

        assertThat(Verification.run(model)).isIsolated();
    }

    @Test
    void everyUntrappedStorageCountsWithOrWithoutAStackInStorageOrder() {
        PlatformModel model = platform("Untrapped")
                .cpus(1)
                .hypervisor(hypervisorWith(true, true, false, MSI))
                .bus("pci0", device("vf", "03:00.1", imsQueue(4), msix(4)))
                .guest("vm0", 1, List.of("vf"))
                .build();

        assertThat(Render.lines(Verification.run(model))).containsExactly(
                "vm0 vf.msix victim host message 0x00000000fee00000/0x00000000 requester 03:00.1",
                "vm0 vf.ims victim host message 0x00000000fee00000/0x00000000 requester 03:00.1").inOrder();
    }

    @Test
    void aPostedEntryBelongsToTheGuestItPostsTo() {
        DeviceSpec dev = device("dev", "03:00.0", msix(4));
        PlatformModel model = platform("PostedVictim")
                .cpus(2, ApicMode.X2APIC)
                .iommu(withPosted(vtdUnit("dmar0")))
                .hypervisor(hypervisorWith(true, true, false, MSI, MSIX, IMS_DEVICE))
                .bus("pci0", dev, subDevice("adi1", dev, 1, imsQueue(4)), subDevice("adi2", dev, 2, imsDevice(4)))
                .guest("vm0", 1, List.of("adi1"))
                .guest("vm1", 1, List.of("adi2"), stack("adi2", IMS_DEVICE, 1))
                .build();

        IsolationReport report = Verification.run(model);

        assertThat(report).hasBreach("vm0", "vm1", Message.of(0xFEE0_0010L, 0));
        assertThat(report).hasNoBreach("vm0", "host");
        assertThat(report.findings().get(0).path()).contains("posted to vm1 vCPU 0 vector 0x21, owned by vm1 irq 24 (adi2 ims slot 0)");
    }

    @Test
    void aPlatformWithoutGuestsIsTriviallyIsolated() {
        PlatformModel model = platform("HostOnly").cpus(1)
                .bus("pci0", device("nic", "03:00.0", msix(4))).host(stack("nic", MSIX, 1)).build();

        assertThat(Verification.run(model)).isIsolated();
    }

    @Test
    void aFullTableOf65536EntriesIsAnalysedFast() {
        // 32 functions of 2048 MSI-X entries fill the table; source_check off lets the guest reach them all
        DeviceSpec[] devices = new DeviceSpec[33];
        dev.irqtopo.model.StackModel[] stacks = new dev.irqtopo.model.StackModel[32];
        for (int i = 0; i < 32; i++) {
            devices[i] = device("d" + i, String.format("%02x:00.0", 0x10 + i), msix(2048));
            stacks[i] = remapStack("d" + i, MSIX, "dmar0", 2048);
        }
        devices[32] = device("vf", "03:00.1", imsQueue(4));
        PlatformModel model = platform("Full")
                .cpus(400, ApicMode.X2APIC)
                .iommu(withSourceCheck(vtdUnit("dmar0"), SourceCheck.OFF))
                .hypervisor(hypervisorWith(true, true, false, MSI, MSIX))
                .bus("pci0", devices)
                .host(stacks)
                .guest("vm0", 1, List.of("vf"))
                .build();
        dev.irqtopo.runtime.Platform platform = dev.irqtopo.runtime.Platform.create(model);
        platform.boot();

        long start = System.nanoTime();
        IsolationReport report = IsolationAnalysis.analyze(platform);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(report).hasBreach("vm0", "host", Message.of(0xFEE0_0010L, 0));
        assertThat(platform.hardware().vtdEntry("dmar0", 65535)).isPresent();
        assertThat(millis).isLessThan(2000L);
    }
}
