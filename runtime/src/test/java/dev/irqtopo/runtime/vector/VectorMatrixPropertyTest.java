package dev.irqtopo.runtime.vector;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.testing.PropertyRuns;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bucketed matrix against a plain linear-scan model of the rule it must follow. */
class VectorMatrixPropertyTest {

    @Test
    void choosesExactlyAsTheLinearRuleAndNeverHandsOutAVectorTwice() {
        PropertyRuns.forEachSeed(200, random -> {
            int cpus = 1 + random.nextInt(140);
            VectorMatrix matrix = new VectorMatrix(cpus);
            boolean[][] used = new boolean[cpus][256];
            List<int[]> taken = new ArrayList<>();
            int steps = random.nextInt(600);
            for (int step = 0; step < steps; step++) {
                if (random.nextInt(4) == 0 && !taken.isEmpty()) {
                    int[] victim = taken.remove(random.nextInt(taken.size()));
                    matrix.free(victim[0], victim[1]);
                    used[victim[0]][victim[1]] = false;
                    continue;
                }
                CpuSet mask = mask(cpus, random);
                int expected = linearRule(used, mask);
                int got = matrix.allocate(mask);
                assertThat(got).isEqualTo(expected);
                if (got >= 0) {
                    int cpu = got >>> 8;
                    int vector = got & 0xFF;
                    assertThat(used[cpu][vector]).isFalse();
                    used[cpu][vector] = true;
                    taken.add(new int[] {cpu, vector});
                }
            }
            for (int cpu = 0; cpu < cpus; cpu++) {
                int free = 0;
                for (int v = 0; v < 256; v++) {
                    assertThat(matrix.isAllocated(cpu, v)).isEqualTo(used[cpu][v]);
                    free += VectorMatrix.isDeviceVector(v) && !used[cpu][v] ? 1 : 0;
                }
                assertThat(matrix.freeVectors(cpu)).isEqualTo(free);
            }
        });
    }

    /** Mostly every CPU; sometimes a sparse or a single-CPU mask, so exhaustion and exclusion happen. */
    private static CpuSet mask(int cpus, Random random) {
        int kind = random.nextInt(10);
        int single = random.nextInt(cpus);
        int stride = 2 + random.nextInt(3);
        CpuSet mask = new CpuSet(cpus);
        for (int cpu = 0; cpu < cpus; cpu++) {
            boolean in = kind < 7 || (kind < 9 ? cpu % stride == 0 : cpu == single);
            if (in) {
                mask.add(cpu);
            }
        }
        return mask;
    }

    private static int linearRule(boolean[][] used, CpuSet mask) {
        int best = -1;
        int bestFree = 0;
        for (int cpu = 0; cpu < used.length; cpu++) {
            if (!mask.contains(cpu)) {
                continue;
            }
            int free = 0;
            for (int v = 0; v < 256; v++) {
                free += VectorMatrix.isDeviceVector(v) && !used[cpu][v] ? 1 : 0;
            }
            if (free > bestFree) {
                best = cpu;
                bestFree = free;
            }
        }
        if (best < 0) {
            return -1;
        }
        for (int v = 0; v < 256; v++) {
            if (VectorMatrix.isDeviceVector(v) && !used[best][v]) {
                return best << 8 | v;
            }
        }
        throw new AssertionError("a CPU with free vectors has none");
    }
}
