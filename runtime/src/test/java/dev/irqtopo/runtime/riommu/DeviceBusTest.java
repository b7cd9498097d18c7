package dev.irqtopo.runtime.riommu;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.model.riscv.DeviceContext;
import dev.irqtopo.model.riscv.GuestAddressWidth;
import dev.irqtopo.model.riscv.ImsicGeometry;
import dev.irqtopo.model.riscv.IommuCapabilities;
import dev.irqtopo.model.riscv.InterruptFile;
import dev.irqtopo.model.riscv.MsiPte;
import dev.irqtopo.runtime.imsic.ImsicIgnoreReason;
import dev.irqtopo.runtime.imsic.ImsicWrite;
import dev.irqtopo.runtime.imsic.Imsics;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A guest's device on QEMU's virt placement (4 harts, 2 guest files each): its vCPU 0 page is
 * translated to hart 3's guest file 2, its vCPU 1 page goes to an MRIF whose notice is identity 9 of
 * hart 1's S file.
 */
class DeviceBusTest {

    private static final ImsicGeometry VIRT = ImsicGeometry.virt(4, 1, 2);
    private static final IommuCapabilities CAPS = new IommuCapabilities(40, GuestAddressWidth.SV39X4, true, true, false);
    private static final long MRIF = 0x9000_0200L;
    /** Hart 1's S page, 0x2800_4000, as the notice PPN. */
    private static final DeviceContext DC = DeviceContext.flat(0x8_0000L, 0b11, 0x28000, Map.of(
            0L, new MsiPte.Basic(0x2800EL),
            1L, new MsiPte.Mrif(MRIF, 0x28004L, 9)));

    private final DeviceBus bus = new DeviceBus(CAPS, Imsics.of(VIRT));

    @Test
    void aTranslatedMsiBecomesPendingInTheHostGuestFile() {
        assertThat(bus.write(DC, SecondStage.none(), 0x2800_0000L, 5))
                .isEqualTo(new DeviceWrite.Onward(Route.TRANSLATED, 0x2800_E000L, new ImsicWrite.Pending(InterruptFile.guest(3, 2), 5)));
        // any identity of the file passes: the IOMMU does not look at the data
        assertThat(bus.write(DC, SecondStage.none(), 0x2800_0000L, 255).outcome()).isEqualTo("pending");
        assertThat(bus.write(DC, SecondStage.none(), 0x2800_0000L, 256).outcome()).isEqualTo("ignored");
    }

    @Test
    void anMrifRecordsTheIdentityAndSendsItsNotice() {
        DeviceWrite write = bus.write(DC, SecondStage.none(), 0x2800_1000L, 5);
        assertThat(write).isEqualTo(new DeviceWrite.MrifRecorded(MRIF, 5, new ImsicWrite.Pending(InterruptFile.supervisor(1), 9)));
        // identity 0 is recorded too (the MRIF's faux bit 0), and 2047 is the last
        assertThat(bus.write(DC, SecondStage.none(), 0x2800_1000L, 0)).isInstanceOf(DeviceWrite.MrifRecorded.class);
        assertThat(bus.write(DC, SecondStage.none(), 0x2800_1000L, 2047)).isInstanceOf(DeviceWrite.MrifRecorded.class);
        assertThat(bus.write(DC, SecondStage.none(), 0x2800_1000L, 2048))
                .isEqualTo(new DeviceWrite.MrifDiscarded(MRIF, MrifDiscard.IDENTITY_ABOVE_2047));
        assertThat(bus.write(DC, SecondStage.none(), 0x2800_1008L, 5))
                .isEqualTo(new DeviceWrite.MrifDiscarded(MRIF, MrifDiscard.OFFSET_NOT_SETEIPNUM));
        assertThat(bus.write(DC, SecondStage.none(), 0x2800_1004L, 0x0500_0000))
                .isEqualTo(new DeviceWrite.MrifDiscarded(MRIF, MrifDiscard.BIG_ENDIAN_UNSUPPORTED));
        assertThat(bus.write(DC, SecondStage.none(), 0x2800_1000L, 2, 5))
                .isEqualTo(new DeviceWrite.MrifDiscarded(MRIF, MrifDiscard.UNSUPPORTED_ACCESS));
        DeviceBus bigEndian = new DeviceBus(new IommuCapabilities(40, GuestAddressWidth.SV39X4, true, true, true), Imsics.of(VIRT));
        assertThat(bigEndian.write(DC, SecondStage.none(), 0x2800_1004L, 0x0500_0000))
                .isEqualTo(new DeviceWrite.MrifRecorded(MRIF, 5, new ImsicWrite.Pending(InterruptFile.supervisor(1), 9)));
    }

    @Test
    void aNoticeToNoImplementedIdentityIsIgnoredButTheRecordStands() {
        DeviceContext dc = DeviceContext.flat(0x8_0000L, 0b11, 0x28000, Map.of(0L, new MsiPte.Mrif(MRIF, 0x28004L, 0x401)));
        assertThat(bus.write(dc, SecondStage.none(), 0x2800_0000L, 5)).isEqualTo(new DeviceWrite.MrifRecorded(MRIF, 5,
                new ImsicWrite.Ignored(0x2800_4000L, Optional.of(InterruptFile.supervisor(1)), ImsicIgnoreReason.IDENTITY_NOT_IMPLEMENTED)));
    }

    @Test
    void otherWritesGoThroughTheSecondStageOrNowhere() {
        // hart 2's S page 0x2800_8000 has page bit 3 set: not an MSI page of this context
        long hart2S = 0x2800_8000L;
        assertThat(bus.write(DC, SecondStage.none(), hart2S, 5)).isEqualTo(new DeviceWrite.Blocked(hart2S));
        assertThat(bus.write(DC, SecondStage.only(Set.of(hart2S)), hart2S, 5))
                .isEqualTo(new DeviceWrite.Onward(Route.PASS_THROUGH, hart2S, new ImsicWrite.Pending(InterruptFile.supervisor(2), 5)));
        assertThat(bus.write(DC, SecondStage.none(), 0x2800_2000L, 5)).isEqualTo(new DeviceWrite.Faulted(MsiFault.MSI_PTE_NOT_VALID));
        assertThat(bus.write(DeviceContext.off(), SecondStage.all(), 0x2800_0000L, 5))
                .isEqualTo(new DeviceWrite.Onward(Route.PASS_THROUGH, 0x2800_0000L, new ImsicWrite.Pending(InterruptFile.supervisor(0), 5)));
    }
}
