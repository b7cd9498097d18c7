package dev.irqtopo.model.riscv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which guest interrupt file backs each vCPU. KVM gives a running vCPU the lowest free guest file
 * (HGEI) of the hart it runs on ({@code kvm_riscv_aia_alloc_hgei}); which hart that is, is the
 * scheduler's. The model fixes one placement: the guests' vCPUs, in declaration order, run on the harts
 * in turn (the first guest's vCPU 0 on hart 0, the next vCPU on the next hart, wrapping), each taking the
 * lowest guest file its hart has free.
 *
 * @param files each guest's vCPUs' files, by guest name, vCPU order
 */
public record GuestFilePlacement(Map<String, List<InterruptFile>> files) {

    public GuestFilePlacement {
        files = Map.copyOf(files);
    }

    /** A vCPU that found no free guest file: its guest, its number and the hart it runs on. */
    public record Shortage(String guest, int vcpu, int hart) {
        public Shortage {
            Objects.requireNonNull(guest);
        }
    }

    /**
     * The placement of {@code vcpus} (guest name to vCPU count, in declaration order) on {@code harts}
     * harts with {@code guestFiles} guest files each, or, when some vCPU finds none, the first such vCPU
     * of each guest (a vCPU without a file takes nothing, and the next runs on the next hart as before).
     */
    public static Result of(int harts, int guestFiles, Map<String, Integer> vcpus) {
        int[] taken = new int[harts];
        Map<String, List<InterruptFile>> files = new LinkedHashMap<>();
        List<Shortage> shortages = new ArrayList<>();
        int next = 0;
        for (Map.Entry<String, Integer> guest : vcpus.entrySet()) {
            List<InterruptFile> own = new ArrayList<>();
            boolean reported = false;
            for (int vcpu = 0; vcpu < guest.getValue(); vcpu++) {
                int hart = next++ % harts;
                if (taken[hart] == guestFiles) {
                    if (!reported) {
                        shortages.add(new Shortage(guest.getKey(), vcpu, hart));
                        reported = true;
                    }
                    continue;
                }
                own.add(InterruptFile.guest(hart, ++taken[hart]));
            }
            files.put(guest.getKey(), List.copyOf(own));
        }
        return shortages.isEmpty() ? new Result(Optional.of(new GuestFilePlacement(files)), List.of())
                : new Result(Optional.empty(), shortages);
    }

    /** A placement, or the first vCPU of each guest that found no guest file. */
    public record Result(Optional<GuestFilePlacement> placement, List<Shortage> shortages) {
        public Result {
            shortages = List.copyOf(shortages);
        }

        /** The first vCPU that found no guest file. */
        public Optional<Shortage> shortage() {
            return shortages.stream().findFirst();
        }
    }

    public List<InterruptFile> of(String guest) {
        return files.getOrDefault(guest, List.of());
    }
}
