package dev.irqtopo.runtime.arm64;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.model.Arm64PlatformModel;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.runtime.arm64.isolation.Arm64Assignment;
import dev.irqtopo.runtime.arm64.isolation.Arm64IsolationAnalysis;
import dev.irqtopo.runtime.arm64.isolation.Arm64IsolationReport;
import dev.irqtopo.runtime.gic.LpiRanges;
import dev.irqtopo.runtime.message.Errno;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An arm64 platform of 10 000 functions booted and verified, its results checked (the time it takes is
 * the benchmarks' business): 9 000 host functions with 4 LPIs each and 1 000 assigned to 100 guests,
 * each backed by 4 host LPIs; then the same functions asking 8 LPIs each, more than Linux's LPI space
 * (2^16 − 8192 = 57 344 LPIs: ID bits capped at 16) holds.
 */
class Arm64ScaleTest {

    private static final int DEVICES = 10_000;

    @Test
    void tenThousandFunctionsBootAndAreIsolated() {
        Arm64PlatformModel model = Arm64ScaleDesigns.platform(DEVICES);
        Arm64Platform platform = Arm64Platform.create(model);
        List<Arm64StackResult> stacks = platform.boot();

        assertThat(stacks).hasSize(DEVICES);
        assertThat(stacks.stream().filter(s -> s.errno().isPresent()).count()).isEqualTo(0);
        List<Arm64StackResult> host = stacks.stream().filter(Arm64StackResult::isHost).toList();
        assertThat(host).hasSize(9_000);
        assertThat(host.stream().mapToInt(s -> s.interrupts().size()).sum()).isEqualTo(36_000);
        // function i presents its requester id, 0x100 + i; its ITT holds its own LPIs, 4 apart per function
        Arm64StackResult last = host.get(host.size() - 1);
        assertThat(last.device()).isEqualTo("f9998");
        assertThat(last.deviceId().getAsLong()).isEqualTo(0x100 + 9_998);
        List<Arm64StackResult> guests = stacks.stream().filter(s -> !s.isHost()).toList();
        assertThat(guests).hasSize(1_000);
        assertThat(guests.stream().allMatch(s -> s.trapped() && s.backing().size() == 2)).isTrue();
        // 10 000 functions of 4 LPIs each: LPIs 8192 .. 8192 + 40 000 - 1, none twice
        long distinct = stacks.stream().flatMap(s -> s.isHost() ? s.interrupts().stream()
                : s.backing().values().stream().map(HostBacking::host)).mapToInt(ArmVector::intid).distinct().count();
        assertThat(distinct).isEqualTo(36_000 + 2_000);

        Arm64Outcome fired = platform.fire("f9999", StorageKind.MSIX, 1);
        assertThat(fired).isInstanceOf(Arm64Outcome.Delivered.class);
        assertThat(((Arm64Outcome.Delivered) fired).kernel()).isEqualTo("vm99");

        Arm64IsolationReport report = Arm64IsolationAnalysis.analyze(platform);
        assertThat(report.isolated()).isTrue();
        assertThat(report.assignments()).hasSize(1_000);
        assertThat(report.assignments().stream().allMatch(Arm64Assignment::isolated)).isTrue();
        assertThat(report.assignments().stream().allMatch(a -> a.linuxIsolatedMsi() && a.vfioGroupViable())).isTrue();
    }

    /**
     * 8 LPIs a function: the first 7 168 functions take all 57 344 LPIs (the last is INTID 65 535); for
     * every later one {@code its_lpi_alloc} finds none free (-ENOSPC), so {@code its_create_device} fails
     * and {@code its_msi_prepare} returns -ENOMEM, as Linux does. The guests' vITS still allocate, but
     * their host backing fails, so their stores are dropped.
     */
    @Test
    void beyondLinuxsLpiSpaceFunctionsGetNoLpis() {
        Arm64Platform platform = Arm64Platform.create(Arm64ScaleDesigns.platform(DEVICES, 8, 8, 8));
        List<Arm64StackResult> stacks = platform.boot();
        assertThat(LpiRanges.forIdBits(16).limit() - LpiRanges.FIRST_LPI).isEqualTo(57_344);

        List<Arm64StackResult> host = stacks.stream().filter(Arm64StackResult::isHost).toList();
        List<Arm64StackResult> created = host.stream().filter(s -> s.errno().isEmpty()).toList();
        assertThat(created).hasSize(7_168);
        assertThat(created.get(created.size() - 1).interrupts().get(7).intid()).isEqualTo(65_535);
        assertThat(host.stream().filter(s -> s.errno().isPresent()).allMatch(s -> s.errno().get() == Errno.ENOMEM)).isTrue();
        assertThat(host.size() - created.size()).isEqualTo(9_000 - 7_168);

        List<Arm64StackResult> guests = stacks.stream().filter(s -> !s.isHost()).toList();
        assertThat(guests.stream().allMatch(s -> s.errno().isEmpty() && s.backing().isEmpty())).isTrue();
        assertThat(platform.fire("f9999", StorageKind.MSIX, 0))
                .isEqualTo(new Arm64Outcome.NotSentAtAll(NotSent.TRAPPED_STORE_DROPPED));
        assertThat(Arm64IsolationAnalysis.analyze(platform).isolated()).isTrue();
    }
}
