package dev.irqtopo.testing;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The harness itself: cases that differ from their first draw on, reproducible from the reported seed. */
class PropertyRunsTest {

    @Test
    void theFirstDrawVariesFromCaseToCase() {
        // new Random(seed) would answer true for each of these 200 seeds, and only 5 of 16 values
        int trues = 0;
        Set<Integer> sixteenths = new HashSet<>();
        for (long seed = 0; seed < 200; seed++) {
            trues += PropertyRuns.random(seed).nextBoolean() ? 1 : 0;
            sixteenths.add(PropertyRuns.random(seed).nextInt(16));
        }
        assertThat(trues).isAtLeast(70);
        assertThat(trues).isAtMost(130);
        assertThat(sixteenths).hasSize(16);
    }

    @Test
    void eachCaseGetsTheGeneratorOfItsSeed() {
        List<Long> seen = new ArrayList<>();
        PropertyRuns.forEachSeed(50, random -> seen.add(random.nextLong()));
        List<Long> expected = new ArrayList<>();
        for (long seed = 0; seed < 50; seed++) {
            expected.add(PropertyRuns.random(seed).nextLong());
        }
        assertThat(seen).containsExactlyElementsIn(expected).inOrder();
        assertThat(new HashSet<>(seen)).hasSize(50);
    }

    @Test
    void aFailureNamesTheLowestFailingSeed() {
        long failing = PropertyRuns.random(7).nextLong();
        AssertionError sequential = assertThrows(AssertionError.class, () -> PropertyRuns.forEachSeed(20, random -> {
            if (random.nextLong() == failing) {
                throw new IllegalStateException("broken");
            }
        }));
        assertThat(sequential).hasMessageThat().isEqualTo("property fails for seed 7: broken");
        AssertionError parallel = assertThrows(AssertionError.class,
                () -> PropertyRuns.forEachSeedInParallel(20, random -> assertThat(random.nextLong()).isNotEqualTo(failing)));
        assertThat(parallel).hasMessageThat().startsWith("property fails for seed 7: ");
    }
}
