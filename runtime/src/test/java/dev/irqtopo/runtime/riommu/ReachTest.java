package dev.irqtopo.runtime.riommu;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.model.riscv.DeviceContext;
import dev.irqtopo.model.riscv.GuestAddressWidth;
import dev.irqtopo.model.riscv.ImsicGeometry;
import dev.irqtopo.model.riscv.IommuCapabilities;
import dev.irqtopo.model.riscv.InterruptFile;
import dev.irqtopo.model.riscv.MsiPte;
import dev.irqtopo.runtime.imsic.Imsics;
import dev.irqtopo.runtime.message.Message;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The symbolic reach of one hand-built device context on QEMU's virt placement (4 harts, 2 guest files each). */
class ReachTest {

    private static final ImsicGeometry VIRT = ImsicGeometry.virt(4, 1, 2);
    private static final IommuCapabilities CAPS = new IommuCapabilities(40, GuestAddressWidth.SV39X4, true, true, false);
    private static final long MRIF = 0x9000_0200L;
    private final DeviceBus bus = new DeviceBus(CAPS, Imsics.of(VIRT));

    /** vCPU pages 0x2800_0000..0x2800_3000: 0 → hart 1 guest 1, 1 → MRIF (notice hart 0 S, 9), 2 → none, 3 → C = 1. */
    private static final DeviceContext DC = DeviceContext.flat(0x8_0000L, 0b11, 0x28000, Map.of(
            0L, new MsiPte.Basic(0x28005L),
            1L, new MsiPte.Mrif(MRIF, 0x28000L, 9),
            3L, new MsiPte.Raw(new MsiPte.Basic(0x28008L).dw0() | 1L << 63, 0)));

    @Test
    void aFlatContextReachesItsTranslatedFileItsMrifAndTheNotice() {
        List<Reached> reach = Reach.of(bus, DC, SecondStage.none());
        // 255 identities of hart 1's guest file 1, 2048 MRIF bits, one notice identity
        assertThat(reach).hasSize(255 + 2048 + 1);
        Target.FileIdentity notice = new Target.FileIdentity(InterruptFile.supervisor(0), 9);
        assertThat(reach).contains(new Reached(notice, Route.NOTICE, Message.of(0x2800_1000L, 0)));
        assertThat(reach).contains(new Reached(new Target.FileIdentity(InterruptFile.guest(1, 1), 1), Route.TRANSLATED,
                Message.of(0x2800_0000L, 1)));
        assertThat(reach).contains(new Reached(new Target.MrifBit(MRIF, 0), Route.MRIF, Message.of(0x2800_1000L, 0)));
        assertThat(reach).contains(new Reached(new Target.MrifBit(MRIF, 2047), Route.MRIF, Message.of(0x2800_1000L, 2047)));
        // files first (hart 0's notice identity, then hart 1's guest file), then the MRIF
        assertThat(reach.get(0).target()).isEqualTo(notice);
        assertThat(reach.get(reach.size() - 1).target()).isEqualTo(new Target.MrifBit(MRIF, 2047));
    }

    @Test
    void theSecondStageAddsWhatItMapsButNeverAnMsiPage() {
        // hart 0's S page 0x2800_0000 is the context's MSI page 0: mapping it changes nothing
        assertThat(Reach.of(bus, DC, SecondStage.only(Set.of(0x2800_0000L)))).hasSize(255 + 2048 + 1);
        // hart 2's S page is not an MSI page: all its identities, at their own address
        List<Reached> reach = Reach.of(bus, DC, SecondStage.only(Set.of(0x2800_8000L)));
        assertThat(reach).hasSize(2 * 255 + 2048 + 1);
        assertThat(reach).contains(new Reached(new Target.FileIdentity(InterruptFile.supervisor(2), 7), Route.PASS_THROUGH,
                Message.of(0x2800_8000L, 7)));
    }

    @Test
    void withoutMsiTranslationEveryPermittedFileIsReached() {
        // 4 harts × (M, S, G1, G2) = 16 files of 255 identities
        assertThat(Reach.of(bus, DeviceContext.off(), SecondStage.all())).hasSize(16 * 255);
        assertThat(Reach.of(bus, DeviceContext.off(), SecondStage.none())).isEmpty();
    }

    @Test
    void aMisconfiguredContextReachesNothing() {
        DeviceContext bare = new DeviceContext(DC.mode(), DC.tablePpn(), DC.addressMask(), DC.addressPattern(), false, DC.table());
        assertThat(Reach.of(bus, bare, SecondStage.all())).isEmpty();
    }
}
