package dev.irqtopo.samples;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.truth.IrqtopoTruth.assertThat;

import dev.irqtopo.model.RequesterId;
import dev.irqtopo.runtime.isolation.Assignment;
import dev.irqtopo.runtime.isolation.Finding;
import dev.irqtopo.runtime.isolation.FindingClass;
import dev.irqtopo.runtime.isolation.IsolationReport;
import dev.irqtopo.runtime.isolation.Means;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.remap.SourceValidation;
import dev.irqtopo.runtime.remap.VtdRemapEntry;
import org.junit.jupiter.api.Test;

/**
 * pci-bridge: uart (05:01.0, the host's) and fw (05:02.0, vm0's) behind the PCIe-to-PCI bridge pcibr
 * (00:1e.0), whose alias 05:00.0 is all the IOMMU sees of either. nic (00:02.0) has entry 0, uart entry
 * 1, and vm0's trapped MSI for fw entry 2. Host: 2 CPUs, x2APIC.
 */
class PciBridgeTest {

    private final PciBridge platform = PciBridge.boot();

    private VtdRemapEntry entry(int index) {
        return platform.platform().hardware().vtdEntry("dmar0", index).orElseThrow();
    }

    @Test
    void bridgedDevicesAreSeenWithTheBridgesAlias() {
        assertThat(platform.hardware().uart().requesterId()).isEqualTo(RequesterId.parse("05:01.0"));
        assertThat(platform.hardware().uart().iommuRequesterId()).isEqualTo(RequesterId.parse("05:00.0"));
        assertThat(platform.hardware().fw().iommuRequesterId()).isEqualTo(RequesterId.parse("05:00.0"));
        assertThat(platform.hardware().nic().iommuRequesterId()).isEqualTo(RequesterId.parse("00:02.0"));
    }

    @Test
    void theirEntriesAreBoundToTheSecondaryBusAsLinuxWritesThem() {
        assertThat(entry(0).svt()).isEqualTo(SourceValidation.REQUESTER_ID);
        for (int index : new int[] {1, 2}) {
            assertThat(entry(index).svt()).isEqualTo(SourceValidation.BUS_RANGE);
            assertThat(entry(index).sid()).isEqualTo(0x0505);
        }
        assertThat(platform.hardware().uart().msi().fire(0)).isDeliveredTo("host", 1, 0x21, 25);
        assertThat(platform.hardware().fw().msi().fire(0)).isDeliveredTo("vm0", 0, 0x21, 24);
    }

    @Test
    void theGuestsDeviceReachesTheHostsDeviceBehindTheSameBridge() {
        // handle 0 with sub-handle 1: uart's entry, whose bus range 05..05 accepts the alias
        assertThat(platform.hardware().fw().emit(Message.of(0xFEE0_0018L, 1))).isDeliveredTo("host", 1, 0x21, 25);
        // nic's entry is bound to 00:02.0 exactly
        assertThat(platform.hardware().fw().emit(Message.of(0xFEE0_0010L, 0))).isFault("0x26");
        // compatibility format is blocked in x2APIC mode
        assertThat(platform.hardware().fw().emit(Message.of(0xFEE0_0000L, 0x400))).isFault("0x25");

        IsolationReport report = platform.verifyIsolation();
        assertThat(report).isAsExpected();
        assertThat(report.findings()).hasSize(1);
        Finding finding = report.findings().get(0);
        assertThat(finding.means()).isEqualTo(Means.DMA);
        assertThat(finding.findingClass()).isEqualTo(FindingClass.SHARED_REQUESTER_ID);
        assertThat(finding.message()).isEqualTo(Message.of(0xFEE0_0018L, 1));
        assertThat(finding.requesterId()).isEqualTo(RequesterId.parse("05:00.0"));
        assertThat(finding.special()).isEmpty();
    }

    @Test
    void linuxReportsIsolatedMsiButTheGroupIsSplit() {
        Assignment fw = platform.verifyIsolation().assignments().get(0);

        assertThat(fw.linuxIsolatedMsi()).isTrue();
        assertThat(fw.remappingUnit()).hasValue("dmar0");
        assertThat(fw.vfioGroupViable()).isFalse();
        assertThat(fw.isolated()).isFalse();
    }
}
