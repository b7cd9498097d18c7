package dev.irqtopo.runtime.remap;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.IommuKind;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.model.SourceCheck;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.StorageModel;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The destination mode (DM) and redirection hint (RH) of the entries a kernel programs. */
class LogicalRemapEntryTest {

    private static final RequesterId NIC = RequesterId.parse("03:00.0");
    private static final DeviceModel NIC_DEVICE = new DeviceModel("nic", "pci0", NIC, 0, Optional.empty(),
            List.of(StorageModel.of(StorageKind.MSIX, 8)));

    private static IommuModel unit(IommuKind kind) {
        return new IommuModel("u0", kind, true, 16, SourceCheck.FULL, false, false, List.of("pci0"));
    }

    @Test
    void vtdEntriesCarryTheLogicalIdWhereTheirFormatPutsTheDestination() {
        VtdRemapEntry xapic = VtdRemapEntry.remapped(0x21, 1 << 2, true, true, ApicMode.XAPIC, SourceCheck.FULL, NIC, false);
        VtdRemapEntry x2apic = VtdRemapEntry.remapped(0x21, 0x0001_0004, true, true, ApicMode.X2APIC, SourceCheck.FULL, NIC, false);

        assertThat(xapic.destination()).isEqualTo(0x0400);
        assertThat(xapic.destinationApicId()).isEqualTo(0x04);
        assertThat(xapic.logical()).isTrue();
        assertThat(xapic.redirectionHint()).isTrue();
        assertThat(x2apic.destination()).isEqualTo(0x0001_0004);
        // the old factory and constructor keep physical destinations without the hint
        assertThat(VtdRemapEntry.remapped(0x21, 4, ApicMode.XAPIC, SourceCheck.FULL, NIC))
                .isEqualTo(VtdRemapEntry.remapped(0x21, 4, false, false, ApicMode.XAPIC, SourceCheck.FULL, NIC, false));
        // posting keeps both bits
        VtdRemapEntry posted = xapic.postedTo(new PostedTarget("vm0", 0, 0x21));
        assertThat(posted.logical()).isTrue();
        assertThat(posted.redirectionHint()).isTrue();
    }

    @Test
    void aVtdUnitProgramsTheHintItsKernelSetsAndTheModeItIsGiven() {
        VtdRemapDomain linux = new VtdRemapDomain(unit(IommuKind.VTD), ApicMode.XAPIC, true);
        linux.program(NIC_DEVICE, linux.allocate(NIC_DEVICE, 1), 0x21, 1 << 3, true, Optional.empty());
        VtdRemapEntry entry = (VtdRemapEntry) linux.entry(NIC, 0).orElseThrow();
        assertThat(entry.logical()).isTrue();
        assertThat(entry.redirectionHint()).isTrue();
        assertThat(entry.destination()).isEqualTo(0x0800);

        VtdRemapDomain design = new VtdRemapDomain(unit(IommuKind.VTD), ApicMode.XAPIC);
        design.program(NIC_DEVICE, design.allocate(NIC_DEVICE, 1), 0x21, 3, Optional.empty());
        VtdRemapEntry physical = (VtdRemapEntry) design.entry(NIC, 0).orElseThrow();
        assertThat(physical.logical()).isFalse();
        assertThat(physical.redirectionHint()).isFalse();
    }

    @Test
    void anAmdViUnitProgramsTheModeItIsGiven() {
        AmdViRemapDomain amd = new AmdViRemapDomain(unit(IommuKind.AMDVI));
        amd.program(NIC_DEVICE, amd.allocate(NIC_DEVICE, 1), 0x21, 0x02, true, Optional.empty());
        amd.program(NIC_DEVICE, amd.allocate(NIC_DEVICE, 1), 0x22, 7, Optional.empty());

        assertThat(amd.entry(NIC, 0)).hasValue(new AmdViRemapEntry(true, 0x21, 0x02, true));
        assertThat(amd.entry(NIC, 1)).hasValue(new AmdViRemapEntry(true, 0x22, 7));
        assertThat(new AmdViRemapEntry(true, 0x22, 7).logical()).isFalse();
    }
}
