package dev.irqtopo.runtime.riscv64;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.riscv.MsiTranslationMode;
import dev.irqtopo.runtime.riscv64.sim.RiscvSimulation;
import dev.irqtopo.runtime.riscv64.sim.RiscvSimulationReport;
import dev.irqtopo.runtime.riscv64.sim.RiscvSimulationText;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code simulate} on a riscv64 platform: every allocated vector fired once, in boot order, and the text of it. */
class RiscvSimulationTest {

    @Test
    void aDroppedTrappedStoreIsFiredAsNotSentAndPrintedSo() {
        // one hart: the host's a leaves identity 63 alone; vm0's two trapped vectors need two host ones
        RiscvDesigns design = new RiscvDesigns(1, 1, 63).iommu(MsiTranslationMode.OFF)
                .function("a", "01:00.0", StorageKind.MSIX, 64)
                .function("vf", "02:00.0", StorageKind.MSIX, 4)
                .hostStack("a", StorageKind.MSIX, 61)
                .guest("vm0", 1, "vf", StorageKind.MSIX, 2);
        RiscvSimulationReport report = RiscvSimulation.run(design.build());
        assertThat(report.stacks()).hasSize(2);
        assertThat(report.stacks().get(1).interrupts().get(0).outcome())
                .isEqualTo(new RiscvOutcome.NotSentAtAll(NotSent.TRAPPED_STORE_DROPPED));
        List<String> lines = RiscvSimulationText.render(report).lines().toList();
        assertThat(lines.get(0)).isEqualTo("platform T (riscv64)");
        assertThat(lines.get(1)).isEqualTo("  host: identity 1 on hart 0 is the IMSIC driver's IPI");
        assertThat(lines).contains("  vm0: stack vf.msix: imsic -> msix  msi off (trapped), 2 interrupts");
        // nothing stored ("-"), nothing sent
        assertThat(lines.get(lines.size() - 1)).matches(".*0x00000003  -  +not sent: the host could not back the trapped store with an identity");
    }
}
