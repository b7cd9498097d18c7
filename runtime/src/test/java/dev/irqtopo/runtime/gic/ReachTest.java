package dev.irqtopo.runtime.gic;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.model.arm.GicModel;
import dev.irqtopo.model.arm.ItsModel;
import dev.irqtopo.model.arm.MsiMap;
import dev.irqtopo.model.arm.MsiMapEntry;
import dev.irqtopo.model.arm.V2mFrameModel;
import dev.irqtopo.runtime.message.Message;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The symbolic reach on one hand-built platform: two PCI functions behind one root complex whose
 * msi-map gives them DeviceIDs 0x100 and 0x101 on its0, and a GICv2m frame beside it.
 */
class ReachTest {

    private static final ItsModel ITS = ItsModel.atBase("its0", 0x0808_0000L, 16, 16);
    private static final V2mFrameModel FRAME = V2mFrameModel.atBase("v2m0", 0x0802_0000L, 64, 32);
    private static final GicModel MODEL = GicModel.v3(List.of(ITS), List.of(FRAME));
    private static final MsiMap MAP = MsiMap.of(MsiMapEntry.of(0x0100, "its0", 0x100, 0x100));

    private final Gic gic = new Gic(MODEL, 2);
    private final LpiRanges lpis = LpiRanges.forIdBits(16);
    private final ItsDriver driver = new ItsDriver(gic.its("its0").orElseThrow(), lpis, new CpuLoad(2), ItsDriverLine.LINUX_6_12);
    private final V2mAllocator v2m = new V2mAllocator(MODEL.v2m());

    ReachTest() {
        driver.initCollections();
        // function 01:00.0 (RID 0x100): 2 vectors, LPIs 8192, 8193 on CPUs 0, 1
        ItsDevice a = driver.prepare(0x100, 2, false).value();
        driver.alloc(a, 2);
        driver.activate(a, 0, false);
        driver.activate(a, 1, false);
        // function 01:00.1 (RID 0x101): 1 vector; its device is sized for 1 LPI, 8194, on CPU 0
        ItsDevice b = driver.prepare(0x101, 1, false).value();
        driver.alloc(b, 1);
        driver.activate(b, 0, false);
        // a legacy device on the frame: SPIs 64, 65
        v2m.alloc(2);
    }

    @Test
    void aFunctionReachesItsOwnLpisAndEveryAllocatedSpi() {
        Sender first = Sender.fromMsiMap(MODEL, MAP, 0x100);
        assertThat(first.deviceId("its0").getAsLong()).isEqualTo(0x100);
        assertThat(Reach.of(gic, v2m, first, Doorbells.all())).containsExactly(
                new Reached(new GicInterrupt.Spi(64), "v2m0", Message.of(0x0802_0040L, 64)),
                new Reached(new GicInterrupt.Spi(65), "v2m0", Message.of(0x0802_0040L, 65)),
                new Reached(new GicInterrupt.Lpi(8192, 0), "its0", Message.of(0x0809_0040L, 0)),
                new Reached(new GicInterrupt.Lpi(8193, 1), "its0", Message.of(0x0809_0040L, 1))).inOrder();
    }

    @Test
    void anSmmuMappingOnlyTheItsDoorbellLeavesOnlyTheOwnItt() {
        Sender second = Sender.fromMsiMap(MODEL, MAP, 0x101);
        assertThat(Reach.of(gic, v2m, second, Doorbells.onlyOf(ITS))).containsExactly(
                new Reached(new GicInterrupt.Lpi(8194, 0), "its0", Message.of(0x0809_0040L, 0)));
    }

    @Test
    void aWriterWithoutDeviceIdReachesOnlyTheFrame() {
        assertThat(Reach.of(gic, v2m, Sender.none(), Doorbells.all())).hasSize(2);
        assertThat(Reach.of(gic, v2m, Sender.none(), Doorbells.only(Set.of(ITS.doorbell())))).isEmpty();
        // a requester the msi-map does not cover presents no DeviceID
        assertThat(Sender.fromMsiMap(MODEL, MAP, 0x300).deviceIds()).isEmpty();
    }

    @Test
    void aDisabledItsReachesNothing() {
        gic.its("its0").orElseThrow().setEnabled(false);
        assertThat(Reach.of(gic, v2m, Sender.of("its0", 0x100), Doorbells.onlyOf(ITS))).isEmpty();
    }
}
