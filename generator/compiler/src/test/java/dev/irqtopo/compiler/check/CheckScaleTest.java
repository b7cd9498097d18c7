package dev.irqtopo.compiler.check;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.irqtopo.compiler.CompileRequest;
import dev.irqtopo.compiler.Compiler;
import dev.irqtopo.compiler.SourceFile;
import dev.irqtopo.compiler.SourceResult;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.testing.Growth;
import org.junit.jupiter.api.Test;

/**
 * Checking costs time in proportion to the file, whatever it holds: many IOMMUs (the unit covering a
 * bus was found by walking every unit's {@code covers}, for every bus and every stack), or many
 * diagnostics (each new one was compared with all before it, and each stack's warnings looked through
 * all errors).
 */
class CheckScaleTest {

    /**
     * Linear growth gives about 1, quadratic about the ratio of the sizes, 16. Halfway, on a log scale,
     * between the two: a build beside another on two cores once measured 4.6 for work that measures 1.0
     * alone, short as the small size's runs are.
     */
    private static final double BOUND = 8;

    /** {@code units} VT-d units, each covering a bus of its own with one device, half the stacks without remap. */
    static String manyUnits(int units) {
        StringBuilder text = new StringBuilder("platform P {\n    cpu x86 { cpus 64; apic x2apic; }\n");
        for (int u = 0; u < units; u++) {
            text.append("    iommu vtd dmar").append(u).append(" { covers pci").append(u).append("; }\n");
        }
        for (int u = 0; u < units; u++) {
            text.append("    bus pci").append(u).append(" { device d").append(u).append(' ')
                    .append(String.format("%04x:01:00.0", u)).append(" { msix 4; } }\n");
        }
        text.append("    host {\n");
        for (int u = 0; u < units; u++) {
            text.append("        stack d").append(u).append(".msix: vector -> ")
                    .append(u % 2 == 0 ? "remap dmar" + u + " -> " : "").append("msix;\n");
        }
        return text.append("    }\n}\n").toString();
    }

    /**
     * {@code devices} guest stacks that each allocate beyond their storage: an error in every stack. The
     * devices sit behind a remapping unit, so that their assignments are safe (no IRQ106).
     */
    static String manyErrors(int devices) {
        StringBuilder text = new StringBuilder("platform P {\n    cpu x86 { cpus 4; }\n    iommu vtd dmar0 { }\n"
                + "    hypervisor kvm { traps msi; }\n    bus pci0 {\n");
        for (int d = 0; d < devices; d++) {
            text.append("        device d").append(d).append(' ')
                    .append(String.format("%02x:%02x.%x", d / 256, d / 8 % 32, d % 8)).append(" { msix 4; }\n");
        }
        text.append("    }\n    guest vm0 {\n        cpus 2;\n");
        for (int d = 0; d < devices; d++) {
            text.append("        assign d").append(d).append("; stack d").append(d).append(".msix: vector -> msix alloc 8;\n");
        }
        return text.append("    }\n}\n").toString();
    }

    private static SourceResult check(String text) {
        return Compiler.compile(CompileRequest.check(new SourceFile("scale.irqtopo", text))).sources().get(0);
    }

    @Test
    void manyUnitsCheckAndResolveAsDeclared() {
        SourceResult result = check(manyUnits(200));
        // the stacks without remap are behind a unit: each warned, no error
        assertThat(result.hasErrors()).isFalse();
        assertThat(result.diagnostics()).hasSize(100);
        assertThat(result.diagnostics().stream().allMatch(d -> d.code().equals("IRQ103"))).isTrue();
        assertThat(result.diagnostics().get(99).message()).contains("behind IOMMU dmar199");
        assertThat(result.platforms().get(0).iommus().stream().map(IommuModel::covers).toList().get(150))
                .containsExactly("pci150");
    }

    @Test
    void manyErrorsAreEachReportedOnceAndSilenceTheirStacksWarnings() {
        SourceResult result = check(manyErrors(300));
        // IRQ042 for each alloc; IRQ102 (msix is not trapped) silenced by the error in the same stack
        assertThat(result.diagnostics()).hasSize(300);
        assertThat(result.diagnostics().stream().allMatch(d -> d.code().equals("IRQ042"))).isTrue();
    }

    @Test
    void checkingManyUnitsGrowsLinearly() {
        double growth = Growth.againstLinear(50, 800, units -> {
            String text = manyUnits(units);
            return () -> check(text);
        });
        assertWithMessage("time to check 800 units over 50, against linear").that(growth).isLessThan(BOUND);
    }

    @Test
    void checkingManyErrorsGrowsLinearly() {
        double growth = Growth.againstLinear(500, 8_000, devices -> {
            String text = manyErrors(devices);
            return () -> check(text);
        });
        assertWithMessage("time to check 8000 errors over 500, against linear").that(growth).isLessThan(BOUND);
    }
}
