package dev.irqtopo.runtime.isolation;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.model.StorageKind.IMS_DEVICE;
import static dev.irqtopo.model.StorageKind.IMS_QUEUE;
import static dev.irqtopo.model.StorageKind.MSI;
import static dev.irqtopo.model.StorageKind.MSIX;
import static dev.irqtopo.testing.PlatformBuilder.amdViUnit;
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
import dev.irqtopo.model.BridgeModel;
import dev.irqtopo.model.BusModel;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.IommuKind;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.model.SourceCheck;
import dev.irqtopo.runtime.message.DeliveryMode;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.testing.PlatformBuilder.DeviceSpec;
import dev.irqtopo.testing.Render;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The verdicts section 7 (version 2) says follow from the rules, each worked out by hand. */
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
        Finding finding = report.findings().get(0);
        assertThat(finding.means()).isEqualTo(Means.DMA);
        assertThat(finding.findingClass()).isEqualTo(FindingClass.SOURCE_CHECK_OFF);
        assertThat(finding.special()).isEmpty();
        // the path is free text: the steps that matter, whatever their words
        assertThat(finding.path().get(0)).contains("0x00000000fee00010/0x00000000");
        assertThat(String.join(" | ", finding.path())).contains("SVT 00");
        assertThat(finding.path().get(finding.path().size() - 1)).contains("host irq 24 (nic msix slot 0)");
    }

    @Test
    void busSourceChecksSeparateBusesButNotFunctionsOnOneBus() {
        IommuModel bus = withSourceCheck(vtdUnit("dmar0"), SourceCheck.BUS);

        IsolationReport sameBus = Verification.run(vfBeside("03:00.1", bus));
        assertThat(sameBus).hasBreach("vm0", "host");
        assertThat(sameBus.findings().get(0).findingClass()).isEqualTo(FindingClass.SOURCE_CHECK_BUS);
        assertThat(Verification.run(vfBeside("04:00.1", bus))).isIsolated();
    }

    /** {@link #vfBeside} in xAPIC mode, where {@code compat} decides whether compatibility format passes. */
    private static PlatformModel vfBesideInXapicMode(IommuModel unit) {
        return platform("VfXapic")
                .cpus(2, ApicMode.XAPIC)
                .iommu(unit)
                .hypervisor(hypervisorWith(true, true, false, MSI, MSIX))
                .bus("pci0", device("nic", "03:00.0", msix(4)), device("vf", "03:00.1", imsQueue(8)))
                .host(remapStack("nic", MSIX, "dmar0", 1))
                .guest("vm0", 1, List.of("vf"), hcallStack("vf", IMS_QUEUE, 1))
                .build();
    }

    @Test
    void compatibilityFormatAllowedLetsAGuestHitAnyHostCpuVectorInXapicMode() {
        IsolationReport report = Verification.run(vfBesideInXapicMode(withCompatAllowed(vtdUnit("dmar0"))));

        // APIC ID 0, vector 0: an illegal vector on a host CPU belongs to the host
        assertThat(report).hasBreach("vm0", "host", Message.of(0xFEE0_0000L, 0));
        Finding finding = report.findings().get(0);
        assertThat(finding.findingClass()).isEqualTo(FindingClass.COMPATIBILITY_FORMAT);
        assertThat(finding.special()).containsExactly(DeliveryMode.SMI, DeliveryMode.NMI, DeliveryMode.INIT, DeliveryMode.EXTINT)
                .inOrder();
        assertThat(Verification.run(vfBesideInXapicMode(vtdUnit("dmar0")))).isIsolated();
    }

    @Test
    void inX2apicModeVtdBlocksCompatibilityFormatWhateverCompatSays() {
        assertThat(Verification.run(vfBeside("03:00.1", withCompatAllowed(vtdUnit("dmar0"))))).isIsolated();
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

        // vm0 forwards from host CPU 0 vector 0x21, vm1 from host CPU 1 vector 0x21; each guest drives its
        // function's DMA, and a function without remapping can send anything
        assertThat(Render.lines(report)).containsExactly(
                "vm0 vf0.dma victim host message 0x00000000fee00000/0x00000000 requester 03:00.1",
                "vm0 vf0.dma victim vm1 message 0x00000000fee01000/0x00000021 requester 03:00.1",
                "vm1 vf1.dma victim host message 0x00000000fee00000/0x00000000 requester 03:00.2",
                "vm1 vf1.dma victim vm0 message 0x00000000fee00000/0x00000021 requester 03:00.2").inOrder();
        assertThat(report.findings().stream().map(Finding::findingClass).distinct().toList())
                .containsExactly(FindingClass.NO_REMAPPING);
        // special modes reach host CPUs only
        assertThat(report.findings().get(0).special()).hasSize(4);
        assertThat(report.findings().get(1).special()).isEmpty();
    }

    @Test
    void theBroadcastReachesHostCpusNoOtherCompatibilityDestinationCanName() {
        PlatformModel model = platform("HighApicIds")
                .apicIds(ApicMode.X2APIC, 0x100, 0x101)
                .hypervisor(hypervisorWith(true, true, false, MSI, MSIX))
                .bus("pci0", device("vf0", "03:00.1", imsQueue(8)))
                .guest("vm0", 1, List.of("vf0"))
                .build();

        // destinations 0x00 and 0x01 name nobody; 0xFF is every host CPU
        assertThat(Verification.run(model)).hasBreach("vm0", "host", Message.of(0xFEEF_F000L, 0));
    }

    @Test
    void trappingAFunctionsStoragesDoesNotIsolateItWithoutRemapping() {
        PlatformModel model = platform("AllTrapped")
                .cpus(2)
                .hypervisor(hypervisorWith(true, false, false, MSI, MSIX, IMS_DEVICE))
                .bus("pci0", device("vf", "03:00.1", msix(4), imsDevice(4)))
                .guest("vm0", 1, List.of("vf"), stack("vf", MSIX, 1))
                .build();

        IsolationReport report = Verification.run(model);

        assertThat(Render.lines(report)).containsExactly(
                "vm0 vf.dma victim host message 0x00000000fee00000/0x00000000 requester 03:00.1");
        assertThat(report.findings().get(0).findingClass()).isEqualTo(FindingClass.NO_REMAPPING);
        assertThat(report.assignments()).hasSize(1);
        assertThat(report.assignments().get(0).linuxIsolatedMsi()).isFalse();
        assertThat(report.assignments().get(0).isolated()).isFalse();
    }

    @Test
    void aSubDeviceIsLimitedToWhatItsGuestWritesIntoItsUntrappedStorage() {
        DeviceSpec parent = device("dev", "03:00.0", msix(4));
        PlatformModel trapped = platform("TrappedSubDevice")
                .cpus(2)
                .hypervisor(hypervisorWith(true, false, false, MSI, MSIX, IMS_DEVICE))
                .bus("pci0", parent, subDevice("adi", parent, 1, imsDevice(4)))
                .guest("vm0", 1, List.of("adi"), stack("adi", IMS_DEVICE, 1))
                .build();
        PlatformModel queue = platform("QueueSubDevice")
                .cpus(2)
                .hypervisor(hypervisorWith(true, true, false, MSI, MSIX, IMS_DEVICE))
                .bus("pci0", parent, subDevice("adi", parent, 1, imsQueue(4)))
                .guest("vm0", 1, List.of("adi"))
                .build();

        // a sub-device whose only storage is trapped gives its guest nothing to send
        assertThat(Verification.run(trapped)).isIsolated();
        // an IMS queue is never trapped, with or without a stack for it; its messages carry the parent's requester id
        assertThat(Render.lines(Verification.run(queue))).containsExactly(
                "vm0 adi.ims victim host message 0x00000000fee00000/0x00000000 requester 03:00.0");
    }

    @Test
    void devicesBehindOneBridgeShareTheAliasAndAreNotIsolatedFromEachOther() {
        BridgeModel bridge = new BridgeModel("br0", RequesterId.of(0, 0x1e, 0), 5);
        DeviceModel nic = new DeviceModel("nic", "pci0", RequesterId.of(5, 1, 0), 0, Optional.empty(), List.of(msix(4)),
                Optional.of(bridge));
        DeviceModel vf = new DeviceModel("vf", "pci0", RequesterId.of(5, 2, 0), 0, Optional.empty(), List.of(msix(4)),
                Optional.of(bridge));
        for (IommuModel unit : List.of(vtdUnit("dmar0"), amdViUnit("dmar0", 512))) {
            PlatformModel model = platform("Bridged")
                    .cpus(2, ApicMode.X2APIC)
                    .iommu(unit)
                    .hypervisor(hypervisorWith(true, true, false, MSI, MSIX))
                    .bus(new BusModel("pci0", List.of(nic, vf), List.of(bridge)))
                    .host(remapStack("nic", MSIX, "dmar0", 1))
                    .guest("vm0", 1, List.of("vf"))
                    .build();

            IsolationReport report = Verification.run(model);

            // VT-d: entry 0 through handle 0 without sub-handle; AMD-Vi: index 0 of the alias's table
            Message lowest = unit.kind() == IommuKind.VTD ? Message.of(0xFEE0_0010L, 0) : Message.of(0xFEE0_0000L, 0);
            assertThat(report).hasBreach("vm0", "host", lowest);
            Finding finding = report.findings().get(0);
            assertThat(finding.findingClass()).isEqualTo(FindingClass.SHARED_REQUESTER_ID);
            assertThat(finding.requesterId()).isEqualTo(RequesterId.of(5, 0, 0));
            // Linux sees isolated MSI, but VFIO would refuse the group, split between the host and vm0
            Assignment assignment = report.assignments().get(0);
            assertThat(assignment.linuxIsolatedMsi()).isTrue();
            assertThat(assignment.vfioGroupViable()).isFalse();
        }
    }

    @Test
    void anAmdViFunctionReachesOnlyItsOwnTable() {
        PlatformModel model = platform("AmdVf")
                .cpus(2, ApicMode.X2APIC)
                .iommu(amdViUnit("dmar0", 512))
                .hypervisor(hypervisorWith(true, true, false, MSI, MSIX))
                .bus("pci0", device("nic", "03:00.0", msix(4)), device("vf", "03:00.1", msix(4)))
                .host(remapStack("nic", MSIX, "dmar0", 4))
                .guest("vm0", 1, List.of("vf"), hcallStack("vf", MSIX, 2))
                .build();

        IsolationReport report = Verification.run(model);

        assertThat(report).isIsolated();
        assertThat(report.assignments().get(0).linuxIsolatedMsi()).isTrue();
        assertThat(report.assignments().get(0).isolated()).isTrue();
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
