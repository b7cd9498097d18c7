package dev.irqtopo.runtime.imsic;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Result;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code matrix_find_best_cpu} and the lowest free identity as {@link ImsicMatrix} keeps them without
 * walking the CPUs: ties to the lowest-numbered CPU however the counts came to be equal, identities
 * freed below the ones taken since coming back first, CPUs going offline and back, CPU counts that are
 * no power of two. The last test replays random sequences against the rule written as a plain walk.
 */
class ImsicMatrixTest {

    /** 63 identities per file, the least the AIA allows: 62 for devices on each CPU. */
    private static final int IDENTITIES = 63;

    private static BitSet cpus(int... cpus) {
        BitSet mask = new BitSet();
        for (int cpu : cpus) {
            mask.set(cpu);
        }
        return mask;
    }

    @Test
    void aFreedIdentityMakesItsCpuTheChoiceAndComesBackBeforeHigherOnes() {
        ImsicMatrix matrix = new ImsicMatrix(3, IDENTITIES);
        for (int round = 0; round < 6; round++) {
            matrix.allocOnline();
        }
        // every CPU has 2 and 3 taken, 60 available; CPU 1 gets one back and has the most
        matrix.free(new ImsicVector(1, 2));
        assertThat(matrix.allocOnline().value()).isEqualTo(new ImsicVector(1, 2));
        // all at 60: the lowest CPU, its lowest free identity
        assertThat(matrix.allocOnline().value()).isEqualTo(new ImsicVector(0, 4));
        // CPU 0 59 + 1 = 60, CPU 1 60, CPU 2 60 + 1 = 61
        matrix.free(new ImsicVector(2, 3));
        matrix.free(new ImsicVector(0, 2));
        assertThat(matrix.allocOnline().value()).isEqualTo(new ImsicVector(2, 3));
        // a three-way tie: CPU 0, where 2 is free again below the 4 it took last
        assertThat(matrix.allocOnline().value()).isEqualTo(new ImsicVector(0, 2));
        assertThat(matrix.allocOnline().value()).isEqualTo(new ImsicVector(1, 4));
        assertThat(matrix.allocOnline().value()).isEqualTo(new ImsicVector(2, 4));
        assertThat(matrix.allocOnline().value()).isEqualTo(new ImsicVector(0, 5));
    }

    @Test
    void countsChangedThroughAMaskCountForTheNextChoiceOverAllCpus() {
        ImsicMatrix matrix = new ImsicMatrix(5, IDENTITIES);
        assertThat(matrix.alloc(cpus(3, 4)).value()).isEqualTo(new ImsicVector(3, 2));
        assertThat(matrix.alloc(cpus(3, 4)).value()).isEqualTo(new ImsicVector(4, 2));
        // CPUs 0..2 have 62, 3 and 4 have 61
        assertThat(matrix.allocOnline().value()).isEqualTo(new ImsicVector(0, 2));
        assertThat(matrix.allocOnline().value()).isEqualTo(new ImsicVector(1, 2));
        assertThat(matrix.allocOnline().value()).isEqualTo(new ImsicVector(2, 2));
        assertThat(matrix.allocOnline().value()).isEqualTo(new ImsicVector(0, 3));
        // a mask of every CPU, and beyond them, chooses as the online allocation does
        assertThat(matrix.alloc(cpus(0, 1, 2, 3, 4, 7)).value()).isEqualTo(new ImsicVector(1, 3));
    }

    @Test
    void anOfflineCpuKeepsItsCountAndIsChosenAgainWhenBackOnline() {
        ImsicMatrix matrix = new ImsicMatrix(4, IDENTITIES);
        matrix.setOnline(0, false);
        assertThat(matrix.allocOnline().value()).isEqualTo(new ImsicVector(1, 2));
        assertThat(matrix.allocOnline().value()).isEqualTo(new ImsicVector(2, 2));
        assertThat(matrix.allocOnline().value()).isEqualTo(new ImsicVector(3, 2));
        assertThat(matrix.alloc(cpus(0))).isEqualTo(Result.failed(Errno.ENOSPC));
        matrix.setOnline(0, true);
        // 62 against 61
        assertThat(matrix.allocOnline().value()).isEqualTo(new ImsicVector(0, 2));
        assertThat(matrix.allocOnline().value()).isEqualTo(new ImsicVector(0, 3));
        matrix.setOnline(3, false);
        matrix.setOnline(2, false);
        matrix.setOnline(1, false);
        matrix.setOnline(0, false);
        assertThat(matrix.allocOnline()).isEqualTo(Result.failed(Errno.EINVAL));
    }

    @Test
    void aFullMatrixRefusesUntilAnIdentityIsFreed() {
        ImsicMatrix matrix = new ImsicMatrix(3, IDENTITIES);
        for (int i = 0; i < 3 * (IDENTITIES - 1); i++) {
            assertThat(matrix.allocOnline().isOk()).isTrue();
        }
        assertThat(matrix.allocOnline()).isEqualTo(Result.failed(Errno.ENOSPC));
        matrix.free(new ImsicVector(2, 40));
        assertThat(matrix.allocOnline().value()).isEqualTo(new ImsicVector(2, 40));
        assertThat(matrix.allocOnline()).isEqualTo(Result.failed(Errno.ENOSPC));
    }

    @Test
    void randomSequencesChooseAsTheWalkOverEveryCpuDoes() {
        Random random = new Random(0x1515);
        for (int cpus : new int[] {1, 2, 3, 5, 8, 13, 64}) {
            ImsicMatrix matrix = new ImsicMatrix(cpus, IDENTITIES);
            Walk walk = new Walk(cpus);
            List<ImsicVector> taken = new ArrayList<>();
            for (int step = 0; step < 20_000; step++) {
                int op = random.nextInt(100);
                String what;
                Result<ImsicVector> got;
                ImsicVector expected;
                if (op < 2) {
                    int cpu = random.nextInt(cpus);
                    boolean on = random.nextInt(3) > 0;
                    matrix.setOnline(cpu, on);
                    walk.online[cpu] = on;
                    continue;
                } else if (op < 40 && !taken.isEmpty()) {
                    ImsicVector freed = taken.remove(random.nextInt(taken.size()));
                    matrix.free(freed);
                    walk.used[freed.cpu()][freed.identity()] = false;
                    continue;
                } else if (op < 50) {
                    BitSet mask = new BitSet();
                    for (int cpu = 0; cpu < cpus; cpu++) {
                        if (random.nextInt(4) == 0) {
                            mask.set(cpu);
                        }
                    }
                    if (mask.isEmpty()) {
                        continue;
                    }
                    what = "alloc(" + mask + ")";
                    got = matrix.alloc(mask);
                    expected = walk.alloc(mask);
                } else {
                    what = "allocOnline()";
                    got = matrix.allocOnline();
                    BitSet online = new BitSet();
                    for (int cpu = 0; cpu < cpus; cpu++) {
                        online.set(cpu, walk.online[cpu]);
                    }
                    expected = online.isEmpty() ? null : walk.alloc(online);
                }
                String context = cpus + " CPUs, step " + step + ": " + what;
                if (expected == null) {
                    assertWithMessage(context).that(got.isOk()).isFalse();
                } else {
                    assertWithMessage(context).that(got).isEqualTo(Result.ok(expected));
                    taken.add(expected);
                }
                for (int cpu = 0; cpu < cpus; cpu++) {
                    assertWithMessage(context + ", CPU " + cpu).that(matrix.available(cpu)).isEqualTo(walk.available(cpu));
                }
            }
        }
    }

    /** The rule as Linux writes it: every online CPU of the mask in turn, a strictly larger count replacing the best. */
    private static final class Walk {
        final boolean[][] used;
        final boolean[] online;

        Walk(int cpus) {
            used = new boolean[cpus][IDENTITIES + 1];
            online = new boolean[cpus];
            Arrays.fill(online, true);
        }

        int available(int cpu) {
            int free = 0;
            for (int identity = 2; identity <= IDENTITIES; identity++) {
                free += used[cpu][identity] ? 0 : 1;
            }
            return free;
        }

        ImsicVector alloc(BitSet mask) {
            int best = -1;
            int most = 0;
            for (int cpu = 0; cpu < used.length; cpu++) {
                if (mask.get(cpu) && online[cpu] && available(cpu) > most) {
                    best = cpu;
                    most = available(cpu);
                }
            }
            if (best < 0) {
                return null;
            }
            for (int identity = 2; ; identity++) {
                if (!used[best][identity]) {
                    used[best][identity] = true;
                    return new ImsicVector(best, identity);
                }
            }
        }
    }
}
