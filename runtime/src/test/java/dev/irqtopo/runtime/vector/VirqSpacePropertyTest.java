package dev.irqtopo.runtime.vector;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.irqtopo.testing.PropertyRuns;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Irq numbers against a plain sorted set: any mix of allocations and frees hands out the lowest free number from 24. */
class VirqSpacePropertyTest {

    @Test
    void everyAllocationTakesTheLowestFreeNumberWhateverWasFreedBefore() {
        PropertyRuns.forEachSeed(300, random -> {
            VirqSpace virqs = new VirqSpace();
            TreeSet<Integer> taken = new TreeSet<>();
            for (int step = 0; step < 400; step++) {
                if (!taken.isEmpty() && random.nextInt(3) == 0) {
                    List<Integer> numbers = new ArrayList<>(taken);
                    int virq = numbers.get(random.nextInt(numbers.size()));
                    virqs.free(virq);
                    taken.remove(virq);
                } else {
                    int expected = VirqSpace.FIRST_VIRQ;
                    while (taken.contains(expected)) {
                        expected++;
                    }
                    assertWithMessage("step %s", step).that(virqs.allocate()).isEqualTo(expected);
                    taken.add(expected);
                }
            }
            assertThat(virqs.allocated()).asList().containsExactlyElementsIn(taken).inOrder();
        });
    }

    @Test
    void freeingBelowTheLowestFreeNumberMakesItTheNextOne() {
        VirqSpace virqs = new VirqSpace();
        for (int i = 0; i < 100; i++) {
            virqs.allocate();
        }
        virqs.free(90);
        virqs.free(30);
        assertThat(virqs.allocate()).isEqualTo(30);
        assertThat(virqs.allocate()).isEqualTo(90);
        assertThat(virqs.allocate()).isEqualTo(124);
    }
}
