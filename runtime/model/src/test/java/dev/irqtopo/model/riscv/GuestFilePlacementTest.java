package dev.irqtopo.model.riscv;

import static com.google.common.truth.Truth.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The guests' vCPUs take the harts in turn, each the lowest guest file its hart has free. */
class GuestFilePlacementTest {

    private static Map<String, Integer> vcpus(Object... guestAndCount) {
        Map<String, Integer> vcpus = new LinkedHashMap<>();
        for (int i = 0; i < guestAndCount.length; i += 2) {
            vcpus.put((String) guestAndCount[i], (Integer) guestAndCount[i + 1]);
        }
        return vcpus;
    }

    @Test
    void vcpusWrapOverTheHartsAndTakeTheNextFileOfTheirHart() {
        // 2 harts, 2 files each: vm0 0 → hart0.guest1, 1 → hart1.guest1, 2 → hart0.guest2; vm1 0 → hart1.guest2
        GuestFilePlacement.Result result = GuestFilePlacement.of(2, 2, vcpus("vm0", 3, "vm1", 1));
        assertThat(result.shortages()).isEmpty();
        GuestFilePlacement placement = result.placement().orElseThrow();
        assertThat(placement.of("vm0")).containsExactly(InterruptFile.guest(0, 1), InterruptFile.guest(1, 1),
                InterruptFile.guest(0, 2)).inOrder();
        assertThat(placement.of("vm1")).containsExactly(InterruptFile.guest(1, 2));
    }

    @Test
    void everyGuestShortOfAFileIsNamedOnceByItsFirstSuchVcpu() {
        // 1 hart, 1 file: vm0's vCPU 0 takes it; vm0's vCPUs 1 and 2, and vm1's vCPU 0, find it taken
        GuestFilePlacement.Result result = GuestFilePlacement.of(1, 1, vcpus("vm0", 3, "vm1", 1, "vm2", 0));
        assertThat(result.placement()).isEmpty();
        assertThat(result.shortages()).containsExactly(new GuestFilePlacement.Shortage("vm0", 1, 0),
                new GuestFilePlacement.Shortage("vm1", 0, 0)).inOrder();
        assertThat(result.shortage()).hasValue(new GuestFilePlacement.Shortage("vm0", 1, 0));
    }

    @Test
    void aVcpuWithoutAFileTakesNothingAndTheNextRunsOnTheNextHart() {
        // 2 harts, 1 file each: vm0 0 → hart0, 1 → hart1, 2 → hart0 (short); vm1 0 → hart1 (short), 1 → hart0 (short)
        GuestFilePlacement.Result result = GuestFilePlacement.of(2, 1, vcpus("vm0", 3, "vm1", 2));
        assertThat(result.shortages()).containsExactly(new GuestFilePlacement.Shortage("vm0", 2, 0),
                new GuestFilePlacement.Shortage("vm1", 0, 1)).inOrder();
    }
}
