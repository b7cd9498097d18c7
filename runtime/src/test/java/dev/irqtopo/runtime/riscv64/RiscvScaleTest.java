package dev.irqtopo.runtime.riscv64;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.irqtopo.model.RequesterId;
import dev.irqtopo.model.RiscvPlatformModel;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.riscv.InterruptFile;
import dev.irqtopo.runtime.imsic.ImsicWrite;
import dev.irqtopo.runtime.riommu.DeviceWrite;
import dev.irqtopo.runtime.riommu.Route;
import dev.irqtopo.runtime.riscv64.isolation.RiscvIsolationAnalysis;
import dev.irqtopo.runtime.riscv64.isolation.RiscvIsolationReport;
import dev.irqtopo.testing.Growth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * riscv64 platforms of thousands of functions: booting one and analysing its isolation must cost time
 * in proportion to its size. Every lookup the boot and the analysis make per device (its owner, its
 * context's owner, a guest's devices, a file's or an MRIF's guest) is a map, not a walk over a list.
 */
class RiscvScaleTest {

    private static final int SMALL = 500;
    private static final int LARGE = 10_000;
    /** Linear growth gives about 1, quadratic about LARGE / SMALL = 20. */
    private static final double BOUND = 4;

    /**
     * {@code functions} functions under one IOMMU in flat mode, 256 harts with 7 guest files each and
     * N = 63: of every 25 functions the host keeps 15 (2 vectors each), and a guest of 2 vCPUs gets 10
     * (2 vectors each).
     */
    static RiscvPlatformModel platformOf(int functions) {
        RiscvDesigns design = new RiscvDesigns(256, 7, 63);
        for (int d = 0; d < functions; d++) {
            String name = "d" + d;
            design.function(name, RequesterId.of(1 + d / 256, d % 256 / 8, d % 8).toString(), StorageKind.MSIX, 4);
            if (d % 25 < 15) {
                design.hostStack(name, StorageKind.MSIX, 2);
            } else {
                design.guest("vm" + d / 25, 2, name, StorageKind.MSIX, 2);
            }
        }
        return design.build();
    }

    @Test
    void tenThousandFunctionsBootAndStayIsolated() {
        RiscvPlatform platform = RiscvPlatform.create(platformOf(LARGE));
        List<RiscvStackResult> stacks = platform.boot();
        assertThat(stacks).hasSize(LARGE);
        assertThat(stacks.stream().filter(s -> s.errno().isPresent()).count()).isEqualTo(0);
        // 6000 host functions × 2 = 12000 vectors; the harts take turns, one identity each per round of
        // 256, so vector 11999 is round 46 (identity 2 + 46 = 48) on hart 11999 mod 256 = 223
        RiscvStackResult last = stacks.stream().filter(RiscvStackResult::isHost).reduce((a, b) -> b).orElseThrow();
        RiscvVector lastHost = last.interrupts().get(1);
        assertThat(lastHost.identity()).isEqualTo(2 + (12_000 - 1) / 256);
        assertThat(lastHost.cpu()).isEqualTo((12_000 - 1) % 256);
        // vm399's vCPUs are the 799th and 800th of all: vCPU 1 (the 800th, index 799) runs on hart
        // 799 mod 256 = 31, where three vCPUs came before it, so on guest file 4; d9999 is the tenth of
        // vm399's functions, and its guest driver alternates 20 vectors over the 2 vCPUs: identity 2 + 9
        RiscvStackResult d9999 = stacks.get(LARGE - 1);
        assertThat(d9999.kernel()).isEqualTo("vm399");
        RiscvVector second = d9999.interrupts().get(1);
        assertThat(second.file()).isEqualTo(InterruptFile.guest(31, 4));
        assertThat(second.identity()).isEqualTo(11);
        // hart 31's guest file 4: S page 0x28000000 + 31·2^15, four pages on
        long page = 0x2800_0000L + 31L * 0x8000 + 4 * 0x1000;
        assertThat(((RiscvOutcome.Written) platform.fire(d9999, 1)).write()).isEqualTo(new DeviceWrite.Onward(
                Route.TRANSLATED, page, new ImsicWrite.Pending(InterruptFile.guest(31, 4), 11)));
        RiscvIsolationReport report = RiscvIsolationAnalysis.analyze(platform);
        assertThat(report.isolated()).isTrue();
        assertThat(report.assignments()).hasSize(4_000);
    }

    @Test
    void bootingGrowsLinearly() {
        double growth = Growth.againstLinear(SMALL, LARGE, functions -> {
            RiscvPlatformModel model = platformOf(functions);
            return () -> RiscvPlatform.create(model).boot();
        });
        assertWithMessage("time to boot %s functions over %s, against linear", LARGE, SMALL).that(growth).isLessThan(BOUND);
    }

    @Test
    void theIsolationAnalysisGrowsLinearly() {
        double growth = Growth.againstLinear(SMALL, LARGE, functions -> {
            RiscvPlatform booted = RiscvPlatform.create(platformOf(functions));
            booted.boot();
            return () -> RiscvIsolationAnalysis.analyze(booted);
        });
        assertWithMessage("time to analyse %s functions over %s, against linear", LARGE, SMALL).that(growth).isLessThan(BOUND);
    }
}
