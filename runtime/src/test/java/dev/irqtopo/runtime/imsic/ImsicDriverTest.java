package dev.irqtopo.runtime.imsic;

import dev.irqtopo.model.riscv.Harts;
import dev.irqtopo.model.riscv.ImsicGeometry;
import dev.irqtopo.model.riscv.ImsicPlacement;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.message.Result;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import static com.google.common.truth.Truth.assertThat;

/** Linux's IMSIC identity allocation, moves and message composition, worked out by hand. */
class ImsicDriverTest {

    /** One hart group, 63 identities per file (the least the AIA allows), page-strided S files. */
    private static ImsicGeometry small(int harts) {
        return new ImsicGeometry(Harts.of(harts), 0, 63, 63, 63, new ImsicPlacement(0x2400_0000L, 12, 0x2800_0000L, 12, 24));
    }

    private static BitSet cpus(int... cpus) {
        BitSet mask = new BitSet();
        for (int cpu : cpus) {
            mask.set(cpu);
        }
        return mask;
    }

    @Test
    void identitiesStartAt2AndAlternateBetweenEquallyLoadedCpus() {
        ImsicDriver driver = new ImsicDriver(small(2));
        // 0 is never valid and 1 is the IPI: both are system bits on every CPU, 61 + 1 = 62 left each
        assertThat(driver.matrix().available(0)).isEqualTo(62);
        assertThat(driver.alloc(1).value()).isEqualTo(new ImsicVector(0, 2));
        // CPU 0 now has 61 available, CPU 1 62: the most available wins
        assertThat(driver.alloc(1).value()).isEqualTo(new ImsicVector(1, 2));
        // a tie again: the lowest-numbered CPU
        assertThat(driver.alloc(1).value()).isEqualTo(new ImsicVector(0, 3));
        assertThat(driver.alloc(1).value()).isEqualTo(new ImsicVector(1, 3));
    }

    @Test
    void multiMsiIsNotSupported() {
        ImsicDriver driver = new ImsicDriver(small(2));
        assertThat(driver.alloc(2)).isEqualTo(Result.failed(Errno.EOPNOTSUPP));
        assertThat(driver.matrix().allocated(0)).isEmpty();
    }

    @Test
    void aFileHasNMinusOneIdentitiesForDevices() {
        ImsicDriver driver = new ImsicDriver(small(1));
        for (int identity = 2; identity <= 63; identity++) {
            assertThat(driver.alloc(1).value().identity()).isEqualTo(identity);
        }
        assertThat(driver.alloc(1)).isEqualTo(Result.failed(Errno.ENOSPC));
        driver.free(new ImsicVector(0, 17));
        // the lowest free identity comes back first
        assertThat(driver.alloc(1).value()).isEqualTo(new ImsicVector(0, 17));
    }

    @Test
    void offlineCpusAreNotChosen() {
        ImsicDriver driver = new ImsicDriver(small(2));
        driver.matrix().setOnline(0, false);
        assertThat(driver.alloc(1).value()).isEqualTo(new ImsicVector(1, 2));
        driver.matrix().setOnline(1, false);
        assertThat(driver.alloc(1)).isEqualTo(Result.failed(Errno.ENOSPC));
        assertThat(driver.matrix().alloc(new BitSet())).isEqualTo(Result.failed(Errno.EINVAL));
    }

    @Test
    void vectorsFailingHalfWayAreAllGivenBack() {
        ImsicDriver driver = new ImsicDriver(small(1));
        // fillers take 60 of the 62 identities: a request for 3 fails at its third vector
        List<ImsicVector> fillers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            fillers.add(driver.alloc(1).value());
        }
        List<Integer> before = driver.matrix().allocated(0);
        assertThat(driver.allocVectors(3)).isEqualTo(Result.failed(Errno.ENOSPC));
        assertThat(driver.matrix().allocated(0)).isEqualTo(before);
        assertThat(driver.matrix().available(0)).isEqualTo(2);
        fillers.forEach(driver::free);
        assertThat(driver.allocVectors(3).value())
                .containsExactly(new ImsicVector(0, 2), new ImsicVector(0, 3), new ImsicVector(0, 4)).inOrder();
    }

    @Test
    void aMoveTakesANewIdentityAndReleasesTheOldOneAfterTheOldCpuSynchronises() {
        ImsicDriver driver = new ImsicDriver(small(2));
        ImsicVector first = driver.alloc(1).value();
        assertThat(first).isEqualTo(new ImsicVector(0, 2));
        // a mask containing the current CPU changes nothing
        assertThat(driver.setAffinity(first, cpus(0, 1)).value()).isSameInstanceAs(first);
        ImsicVector moved = driver.setAffinity(first, cpus(1)).value();
        assertThat(moved).isEqualTo(new ImsicVector(1, 2));
        assertThat(driver.matrix().isAllocated(first)).isTrue();
        assertThat(driver.setAffinity(moved, cpus(0))).isEqualTo(Result.failed(Errno.EBUSY));
        driver.completeMoves();
        assertThat(driver.matrix().isAllocated(first)).isFalse();
        assertThat(driver.setAffinity(moved, cpus(0)).value()).isEqualTo(new ImsicVector(0, 2));
    }

    @Test
    void aMoveToAFullCpuTakesNothing() {
        ImsicDriver driver = new ImsicDriver(small(2));
        ImsicVector vector = driver.alloc(1).value();
        driver.matrix().setOnline(0, false);
        while (driver.alloc(1).isOk()) {
            // fill CPU 1
        }
        List<Integer> before = driver.matrix().allocated(1);
        assertThat(driver.setAffinity(vector, cpus(1))).isEqualTo(Result.failed(Errno.ENOSPC));
        assertThat(driver.matrix().allocated(1)).isEqualTo(before);
        assertThat(driver.moving()).isEmpty();
    }

    @Test
    void composeTargetsTheCpusSupervisorFile() {
        // virt with 3 guests: D = 12 + 2, so CPU 2's S page is 0x2800_0000 + 2·0x4000
        ImsicDriver driver = new ImsicDriver(ImsicGeometry.virt(4, 1, 3));
        ImsicVector a = driver.alloc(1).value();
        ImsicVector b = driver.alloc(1).value();
        ImsicVector c = driver.alloc(1).value();
        assertThat(c).isEqualTo(new ImsicVector(2, 2));
        assertThat(driver.compose(c)).isEqualTo(Message.of(0x2800_8000L, 2));
        assertThat(driver.compose(a)).isEqualTo(Message.of(0x2800_0000L, 2));
        assertThat(b.cpu()).isEqualTo(1);
    }

    @Test
    void guestMessagesNameTheGuestFilePage() {
        ImsicDriver driver = new ImsicDriver(ImsicGeometry.virt(4, 1, 3));
        // CPU 1 guest file 2: 0x2800_4000 + 2·0x1000
        assertThat(driver.composeGuest(1, 2, 7).value()).isEqualTo(Message.of(0x2800_6000L, 7));
        // guest-index-bits = 2: index 4 does not fit; 0 is the S file; identities 1..255
        assertThat(driver.composeGuest(1, 4, 7)).isEqualTo(Result.failed(Errno.EINVAL));
        assertThat(driver.composeGuest(1, 0, 7)).isEqualTo(Result.failed(Errno.EINVAL));
        assertThat(driver.composeGuest(1, 1, 256)).isEqualTo(Result.failed(Errno.EINVAL));
        assertThat(driver.composeGuest(4, 1, 1)).isEqualTo(Result.failed(Errno.EINVAL));
    }
}
