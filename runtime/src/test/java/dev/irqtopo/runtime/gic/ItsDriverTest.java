package dev.irqtopo.runtime.gic;

import dev.irqtopo.model.arm.ItsModel;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.message.Result;
import java.util.BitSet;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import static com.google.common.truth.Truth.assertThat;

/** Linux's ITS driver against the ITS it programs, with values worked out by hand. */
class ItsDriverTest {

    private static final ItsModel MODEL = ItsModel.atBase("its0", 0x0808_0000L, 16, 16);

    private final LpiRanges lpis = LpiRanges.forIdBits(16);
    private final CpuLoad load = new CpuLoad(4);
    private final Its its = new Its(MODEL, 4, lpis.limit());
    private final ItsDriver driver = new ItsDriver(its, lpis, load, ItsDriverLine.LINUX_6_12);

    ItsDriverTest() {
        driver.initCollections();
    }

    @Test
    void devicesGetLpiBlocksInOrderAndTheThirdStartsAt8256() {
        assertThat(driver.prepare(0x10, 32, false).value().lpis()).isEqualTo(new LpiBlock(8192, 32));
        assertThat(driver.prepare(0x11, 32, false).value().lpis()).isEqualTo(new LpiBlock(8224, 32));
        ItsDevice third = driver.prepare(0x12, 32, false).value();
        assertThat(third.lpis().base()).isEqualTo(8256);
        // MAPD gave it 5 EventID bits (32 entries)
        assertThat(its.itt(0x12).orElseThrow().eventIdBits()).isEqualTo(5);
    }

    @Test
    void aComposedMessageIsTheTranslaterAndTheEventId() {
        ItsDevice dev = driver.prepare(0x10, 4, false).value();
        int first = driver.alloc(dev, 4).value();
        assertThat(first).isEqualTo(0);
        assertThat(driver.compose(dev, 3)).isEqualTo(Message.of(0x0809_0040L, 3));
        driver.activate(dev, 3, false);
        assertThat(dev.lpi(3)).isEqualTo(8195);
        assertThat(its.translate(OptionalLong.of(0x10), 3))
                .isEqualTo(new WriteOutcome.Delivered("its0", new GicInterrupt.Lpi(8195, 0)));
    }

    @Test
    void activationPicksTheLeastLoadedCpuLowestFirstPerManagedKind() {
        ItsDevice dev = driver.prepare(0x10, 8, false).value();
        driver.alloc(dev, 8);
        assertThat(driver.activate(dev, 0, false).value()).isEqualTo(0);
        assertThat(driver.activate(dev, 1, false).value()).isEqualTo(1);
        // managed interrupts count apart: CPU 0 has no managed one yet
        assertThat(driver.activate(dev, 2, true).value()).isEqualTo(0);
        assertThat(driver.activate(dev, 3, false).value()).isEqualTo(2);
        assertThat(driver.activate(dev, 4, false).value()).isEqualTo(3);
        assertThat(driver.activate(dev, 5, false).value()).isEqualTo(0);
        assertThat(load.count(0, false)).isEqualTo(2);
        assertThat(load.count(0, true)).isEqualTo(1);
    }

    @Test
    void setAffinityMovesTheEntryWithMovi() {
        ItsDevice dev = driver.prepare(0x10, 2, false).value();
        driver.alloc(dev, 2);
        driver.activate(dev, 0, false);
        BitSet onlyThree = new BitSet();
        onlyThree.set(3);
        assertThat(driver.setAffinity(dev, 0, onlyThree).value()).isEqualTo(3);
        assertThat(its.translate(OptionalLong.of(0x10), 0).interrupt()).hasValue(new GicInterrupt.Lpi(8192, 3));
        assertThat(load.count(0, false)).isEqualTo(0);
        assertThat(load.count(3, false)).isEqualTo(1);
        // an unmanaged affinity outside the CPUs falls back to every online CPU: the least loaded is CPU 0
        BitSet none = new BitSet();
        none.set(9);
        assertThat(driver.setAffinity(dev, 0, none).value()).isEqualTo(0);
    }

    @Test
    void aManagedAffinityWithNoCpuIsRefusedAndChangesNothing() {
        ItsDevice dev = driver.prepare(0x10, 2, false).value();
        driver.alloc(dev, 1);
        driver.activate(dev, 0, true);
        assertThat(driver.setAffinity(dev, 0, new BitSet())).isEqualTo(Result.failed(Errno.EINVAL));
        assertThat(dev.cpu(0)).isEqualTo(0);
        assertThat(load.count(0, true)).isEqualTo(1);
    }

    @Test
    void freeingTheLastEventTearsTheDeviceDown() {
        ItsDevice dev = driver.prepare(0x10, 4, false).value();
        int first = driver.alloc(dev, 2).value();
        driver.activate(dev, first, false);
        driver.activate(dev, first + 1, false);
        driver.deactivate(dev, first);
        assertThat(its.translate(OptionalLong.of(0x10), first))
                .isEqualTo(new WriteOutcome.Ignored("its0", IgnoreReason.EVENT_ID_UNMAPPED));
        driver.deactivate(dev, first + 1);
        driver.free(dev, first, 2);
        assertThat(driver.device(0x10)).isEmpty();
        assertThat(its.itt(0x10)).isEmpty();
        assertThat(lpis.freeRanges()).containsExactly(new LpiBlock(8192, 57344));
        assertThat(load.count(0, false)).isEqualTo(0);
    }

    @Test
    void aSharedDeviceIdReusesTheIttAndIsNeverTornDown() {
        ItsDevice first = driver.prepare(0x10, 4, false).value();
        ItsDevice alias = driver.prepare(0x10, 16, false).value();
        assertThat(alias).isSameInstanceAs(first);
        assertThat(alias.shared()).isTrue();
        // sized for the first requester only: 4 events
        assertThat(alias.events()).isEqualTo(4);
        driver.alloc(alias, 1);
        driver.free(alias, 0, 1);
        assertThat(driver.device(0x10)).isPresent();
        assertThat(its.itt(0x10)).isPresent();
    }

    @Test
    void aDeviceIdBeyondTheDeviceTableFailsWithNothingTaken() {
        assertThat(driver.prepare(0x1_0000, 4, false)).isEqualTo(Result.failed(Errno.ENOMEM));
        assertThat(lpis.freeCount()).isEqualTo(57344);
        assertThat(its.devices()).isEmpty();
    }

    @Test
    void exhaustedLpisFailCreationWithNothingTaken() {
        LpiRanges few = new LpiRanges(2);
        ItsDriver small = new ItsDriver(new Its(MODEL, 4, few.limit()), few, load, ItsDriverLine.LINUX_6_12);
        // 4 asked, 2 free: halved to 2
        ItsDevice halved = small.prepare(0x10, 4, false).value();
        assertThat(halved.events()).isEqualTo(2);
        assertThat(halved.size().ittEntries()).isEqualTo(4);
        // none left
        assertThat(small.prepare(0x11, 1, false)).isEqualTo(Result.failed(Errno.ENOMEM));
        assertThat(small.device(0x11)).isEmpty();
        assertThat(small.its().itt(0x11)).isEmpty();
        // a 4-event request cannot fit the halved device's 2 LPIs: ENOSPC, none of its events taken
        assertThat(small.alloc(halved, 4)).isEqualTo(Result.failed(Errno.ENOSPC));
        assertThat(halved.isAllocated(0)).isFalse();
        assertThat(small.alloc(halved, 2).value()).isEqualTo(0);
    }

    @Test
    void version61CannotCreateADeviceOnAnItsWith32EventIdBits() {
        ItsModel wide = ItsModel.atBase("wide", 0x0808_0000L, 16, 32);
        ItsDriver old = new ItsDriver(new Its(wide, 4, lpis.limit()), lpis, load, ItsDriverLine.LINUX_6_1);
        assertThat(old.prepare(0x10, 4, false)).isEqualTo(Result.failed(Errno.ENOMEM));
        assertThat(lpis.freeCount()).isEqualTo(57344);
        ItsDriver current = new ItsDriver(new Its(wide, 4, lpis.limit()), lpis, load, ItsDriverLine.LINUX_6_12);
        assertThat(current.prepare(0x10, 4, false).value().events()).isEqualTo(4);
    }
}
