package dev.irqtopo.runtime;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.model.StorageKind.MSIX;
import static dev.irqtopo.testing.PlatformBuilder.amdViUnit;
import static dev.irqtopo.testing.PlatformBuilder.device;
import static dev.irqtopo.testing.PlatformBuilder.msix;
import static dev.irqtopo.testing.PlatformBuilder.platform;
import static dev.irqtopo.testing.PlatformBuilder.remapStack;
import static dev.irqtopo.testing.PlatformBuilder.stack;
import static dev.irqtopo.testing.PlatformBuilder.vtdUnit;
import static dev.irqtopo.testing.PlatformBuilder.withEntries;
import static dev.irqtopo.truth.IrqtopoTruth.assertThat;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.KernelProfile;
import dev.irqtopo.runtime.delivery.Delivery;
import dev.irqtopo.runtime.message.DeliveryMode;
import dev.irqtopo.runtime.message.Message;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Logical destinations as the hardware decodes them under a Linux profile: a compatibility message with
 * address bit 2 set, or a remap entry with DM set, names the CPUs whose logical destination register
 * shares a bit with it. Fixed delivery reaches each CPU named, lowest priority the lowest-numbered one,
 * and a destination naming nobody reaches no CPU.
 */
class LogicalDeliveryTest {

    /** Logical flat destination {@code destination}: address bit 2 set, destination in bits 19:12. */
    private static Message logical(int destination, int data) {
        return Message.of(Message.compatibilityAddress(destination, true), data);
    }

    /** Four xAPIC CPUs, no IOMMU; nic's four interrupts own vector 0x21 on CPUs 0..3 (irqs 24..27). */
    private static Platform flat(KernelProfile kernel) {
        Platform platform = Platform.create(platform("Flat")
                .cpus(4)
                .bus("pci0", device("nic", "03:00.0", msix(8)))
                .host(stack("nic", MSIX, 4))
                .build().withKernel(kernel));
        platform.boot();
        return platform;
    }

    private static List<String> steps(Platform platform, Message message) {
        return platform.hardware().trace("nic", message).steps();
    }

    @Test
    void aFlatLogicalDestinationNamesTheCpusWhoseBitItHas() {
        Hardware hw = flat(KernelProfile.LINUX_6_1).hardware();

        assertThat(hw.emit("nic", logical(0x02, 0x21))).isDeliveredTo("host", 1, 0x21, 25);
        assertThat(hw.emit("nic", logical(0x08, 0x21))).isDeliveredTo("host", 3, 0x21, 27);
        // bits 0 and 2: CPUs 0 and 2 each run their owner of 0x21
        Delivery both = hw.emit("nic", logical(0x05, 0x21));
        assertThat(both).isMulticast(0x21);
        assertThat(both).isMulticastTo(2);
        assertThat(both).hasDeliveryMode("fixed");
        assertThat(both).multicastDelivery(0).isDeliveredTo("host", 0, 0x21, 24);
        assertThat(both).multicastDelivery(1).isDeliveredTo("host", 2, 0x21, 26);
        // a vector CPU 3 does not own is spurious there, beside CPU 1's handler
        Delivery mixed = hw.emit("nic", logical(0x0A, 0x30));
        assertThat(mixed).multicastDelivery(0).isSpuriousOn(1, 0x30);
        assertThat(mixed).multicastDelivery(1).isSpuriousOn(3, 0x30);
    }

    @Test
    void aLogicalDestinationNoCpuHasReachesNobodyAndTheBroadcastStaysOne() {
        Hardware hw = flat(KernelProfile.LINUX_6_1).hardware();

        // bits 4..7 belong to CPUs this platform does not have; 0 names nobody
        assertThat(hw.emit("nic", logical(0x30, 0x21))).reachesNoCpu();
        assertThat(hw.emit("nic", logical(0x00, 0x21))).reachesNoCpu();
        assertThat(hw.emit("nic", logical(0x30, 0x400))).isEqualTo(
                new Delivery.Spurious(OptionalInt.empty(), OptionalInt.empty(), DeliveryMode.NMI));
        assertThat(hw.emit("nic", logical(0xFF, 0x21))).isBroadcast(0x21);
    }

    @Test
    void lowestPriorityToASetReachesItsLowestNumberedCpu() {
        Hardware hw = flat(KernelProfile.LINUX_6_1).hardware();

        assertThat(hw.emit("nic", logical(0x0C, 0x121))).isDeliveredTo("host", 2, 0x21, 26);
        assertThat(hw.emit("nic", logical(0x0F, 0x121))).isDeliveredTo("host", 0, 0x21, 24);
    }

    @Test
    void specialModesReachEveryCpuNamed() {
        Hardware hw = flat(KernelProfile.LINUX_6_1).hardware();

        assertThat(hw.emit("nic", logical(0x04, 0x400))).isSpecialOn(2, "nmi");
        Delivery nmi = hw.emit("nic", logical(0x03, 0x400));
        assertThat(nmi).isMulticast();
        assertThat(nmi).hasDeliveryMode("nmi");
        assertThat(nmi).multicastDelivery(0).isSpecialOn(0, "nmi");
        assertThat(nmi).multicastDelivery(1).isSpecialOn(1, "nmi");
        assertThat(((Delivery.Multicast) nmi).kernel()).hasValue("host");
    }

    @Test
    void inPhysicalModeLinuxProgramsNoLogicalIdsSoLogicalDestinationsNameNobody() {
        // 6.12 names xAPIC CPUs by APIC ID and leaves their logical destination registers at 0
        Hardware hw = flat(KernelProfile.LINUX_6_12).hardware();

        assertThat(hw.emit("nic", logical(0x01, 0x20))).reachesNoCpu();
        assertThat(hw.emit("nic", Message.compatibility(1, 0x20))).isDeliveredTo("host", 1, 0x20, 25);
        assertThat(hw.emit("nic", logical(0xFF, 0x20))).isBroadcast(0x20);
    }

    @Test
    void theDesignProfileReadsTheLogicalBitAsPhysical() {
        Hardware hw = flat(KernelProfile.DESIGN).hardware();

        // destination 0x02 read as APIC ID 2, the specification's simplification
        assertThat(hw.emit("nic", logical(0x02, 0x21))).isDeliveredTo("host", 2, 0x21, 26);
        assertThat(hw.emit("nic", logical(0x05, 0x21))).reachesNoCpu();
    }

    @Test
    void inX2apicModeAnEightBitLogicalDestinationIsClusterZero() {
        // no remapping: Linux names the CPUs by APIC ID, but the hardware still derives their logical ids
        Platform platform = Platform.create(platform("X2apic")
                .apicIds(ApicMode.X2APIC, 0, 1, 0x10, 0x11)
                .bus("pci0", device("nic", "03:00.0", msix(8)))
                .host(stack("nic", MSIX, 4))
                .build().withKernel(KernelProfile.LINUX_6_19));
        platform.boot();
        Hardware hw = platform.hardware();

        Delivery both = hw.emit("nic", logical(0x03, 0x20));
        assertThat(both).isMulticastTo(2);
        assertThat(both).multicastDelivery(0).isDeliveredTo("host", 0, 0x20, 24);
        assertThat(both).multicastDelivery(1).isDeliveredTo("host", 1, 0x20, 25);
        // APIC IDs 0x10 and 0x11 are in cluster 1: no 8-bit destination reaches them
        assertThat(hw.emit("nic", logical(0x04, 0x20))).reachesNoCpu();
        assertThat(hw.emit("nic", logical(0xFF, 0x20))).isBroadcast(0x20);
        assertThat(steps(platform, logical(0x03, 0x20)).get(1)).isEqualTo("logical destination 0x03 (address bits 19:12, "
                + "address bit 2 set) in x2APIC mode: cluster 0x0000, mask 0x0003 (logical ids from the APIC IDs) names host CPUs "
                + "0 and 1, vector 0x20 (data bits 7:0), delivery mode fixed (data bits 10:8)");
    }

    @Test
    void traceStepsSayWhichCpusALogicalDestinationNames() {
        Platform platform = flat(KernelProfile.LINUX_6_1);

        assertThat(steps(platform, logical(0x05, 0x21))).containsExactly(
                "no interrupt remapping: compatibility format",
                "logical destination 0x05 (address bits 19:12, address bit 2 set) in flat mode (logical id 1 << cpu) names "
                        + "host CPUs 0 and 2, vector 0x21 (data bits 7:0), delivery mode fixed (data bits 10:8)",
                "vector 0x21 on each of host CPUs 0 and 2, whose owners' handlers all run",
                "delivered to host CPU 0 vector 0x21, owned by host irq 24 (nic msix slot 0)",
                "delivered to host CPU 2 vector 0x21, owned by host irq 26 (nic msix slot 2)").inOrder();
        assertThat(steps(platform, logical(0x0C, 0x121))).contains(
                "lowest priority to host CPUs 2 and 3: the platform picks the lowest-numbered, host CPU 2");
        assertThat(steps(platform, logical(0x30, 0x21))).contains("no host CPU has that logical id: nobody receives it");
    }

    @Test
    void vtdEntriesWithTheDestinationModeBitNameCpusByLogicalId() {
        Platform platform = Platform.create(platform("Cluster")
                .apicIds(ApicMode.X2APIC, 0, 0x21)
                .iommu(withEntries(vtdUnit("dmar0"), 16))
                .bus("pci0", device("nic", "03:00.0", msix(8)))
                .host(remapStack("nic", MSIX, "dmar0", 2))
                .build().withKernel(KernelProfile.LINUX_6_6));
        platform.boot();

        // CPU 0 holds dmar0's fault event (irq 24, 0x20), so slot 0 goes to CPU 1, APIC ID 0x21: cluster 2, bit 1
        assertThat(platform.hardware().vtdEntry("dmar0", 0).orElseThrow().destination()).isEqualTo(0x0002_0002);
        assertThat(platform.hardware().fire("nic", BusDomainKind.MSIX, 0)).isDeliveredTo("host", 1, 0x20, 25);
        assertThat(platform.hardware().trace("nic", Message.remappable(0, 0)).steps()).contains(
                "remapped to logical destination 0x00020002 (DM = 1) in x2APIC mode: cluster 0x0002, mask 0x0002 "
                        + "(logical ids from the APIC IDs), which names host CPU 1");
    }

    @Test
    void amdViEntriesWithTheDestinationModeBitNameCpusByLogicalId() {
        Platform platform = Platform.create(platform("AmdVi")
                .cpus(3)
                .iommu(amdViUnit("ivhd0", 512))
                .bus("pci0", device("nic", "03:00.0", msix(8)))
                .host(remapStack("nic", MSIX, "ivhd0", 3))
                .build().withKernel(KernelProfile.LINUX_6_1));
        platform.boot();

        assertThat(platform.hardware().fire("nic", BusDomainKind.MSIX, 2)).isDeliveredTo("host", 2, 0x21, 26);
        assertThat(platform.hardware().trace("nic", Message.of(0xFEE0_0000L, 2)).steps()).contains(
                "remapped to logical destination 0x04 (DM = 1) in flat mode (logical id 1 << cpu), which names host CPU 2");
    }
}
