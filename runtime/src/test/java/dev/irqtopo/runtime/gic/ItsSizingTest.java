package dev.irqtopo.runtime.gic;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.model.arm.ItsModel;
import org.junit.jupiter.api.Test;

/** {@code its_pci_msi_prepare} and {@code its_create_device} sizing, with values worked out by hand. */
class ItsSizingTest {

    private static final ItsModel ITS = ItsModel.atBase("its0", 0x0808_0000L, 16, 16);

    @Test
    void preparedVectorsArePowersOfTwoAndAtLeast32ForDeviceId0() {
        assertThat(PciMsiPrepare.vectors(ItsDriverLine.LINUX_6_12, 3, 1, 0, 0x10)).isEqualTo(4);
        assertThat(PciMsiPrepare.vectors(ItsDriverLine.LINUX_6_12, 1, 1, 0, 0x10)).isEqualTo(1);
        assertThat(PciMsiPrepare.vectors(ItsDriverLine.LINUX_6_12, 3, 1, 0, 0)).isEqualTo(32);
        assertThat(PciMsiPrepare.vectors(ItsDriverLine.LINUX_6_12, 40, 1, 0, 0)).isEqualTo(64);
    }

    @Test
    void version612SizesForTheWholeMsixTable() {
        // MSI-X table of 12, 2 vectors asked: 6.12 prepares for 16, 6.1 for 2
        assertThat(PciMsiPrepare.vectors(ItsDriverLine.LINUX_6_12, 2, 12, 0, 0x10)).isEqualTo(16);
        assertThat(PciMsiPrepare.vectors(ItsDriverLine.LINUX_6_1, 2, 12, 0, 0x10)).isEqualTo(2);
    }

    @Test
    void devicesBehindAnAliasingBridgeShareOneCount() {
        // the bridge's bus holds 5 + 9 vectors: at least 14, rounded to 16
        assertThat(PciMsiPrepare.vectors(ItsDriverLine.LINUX_6_1, 1, 1, 14, 0x10)).isEqualTo(16);
    }

    @Test
    void theIttHasAtLeastTwoEntriesAndMapdSaysBitsMinusOne() {
        ItsDeviceSize one = ItsDeviceSize.of(ItsDriverLine.LINUX_6_12, ITS, 1);
        assertThat(one.lpis()).isEqualTo(1);
        assertThat(one.ittEntries()).isEqualTo(2);
        // ilog2(2) - 1 = 0: one EventID bit
        assertThat(one.mapdSize()).isEqualTo(0);
        assertThat(one.eventIdBits()).isEqualTo(1);
        // 2 entries x 8 bytes = 16, raised to 256, plus 255 to align
        assertThat(one.ittBytes()).isEqualTo(511);

        ItsDeviceSize big = ItsDeviceSize.of(ItsDriverLine.LINUX_6_12, ITS, 64);
        // ilog2(64) - 1 = 5
        assertThat(big.mapdSize()).isEqualTo(5);
        // 64 x 8 = 512, plus 255
        assertThat(big.ittBytes()).isEqualTo(767);
    }

    @Test
    void theVectorsAreCappedAtTheItsEventIds() {
        ItsModel narrow = ItsModel.atBase("narrow", 0, 16, 3);
        ItsDeviceSize size = ItsDeviceSize.of(ItsDriverLine.LINUX_6_12, narrow, 32);
        // 2^3 = 8 EventIDs
        assertThat(size.lpis()).isEqualTo(8);
        assertThat(size.ittEntries()).isEqualTo(8);
        assertThat(size.mapdSize()).isEqualTo(2);
    }

    @Test
    void version61ComputesTheCapInThirtyTwoBits() {
        ItsModel wide = ItsModel.atBase("wide", 0, 16, 32);
        // (unsigned int) BIT(32) = 0: no LPIs, two ITT entries
        ItsDeviceSize old = ItsDeviceSize.of(ItsDriverLine.LINUX_6_1, wide, 4);
        assertThat(old.lpis()).isEqualTo(0);
        assertThat(old.ittEntries()).isEqualTo(2);
        assertThat(ItsDeviceSize.of(ItsDriverLine.LINUX_6_12, wide, 4).lpis()).isEqualTo(4);
    }
}
