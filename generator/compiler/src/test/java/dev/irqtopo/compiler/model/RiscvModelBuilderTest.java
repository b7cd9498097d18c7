package dev.irqtopo.compiler.model;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.compiler.TestSources.check;

import dev.irqtopo.compiler.SourceResult;
import dev.irqtopo.model.Architecture;
import dev.irqtopo.model.RiscvPlatformModel;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.riscv.ImsicStackModel;
import dev.irqtopo.model.riscv.InterruptFile;
import dev.irqtopo.model.riscv.MsiTranslationMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A riscv64 platform as the model stage resolves it: the IMSIC geometry, IOMMUs, stacks and guest files. */
class RiscvModelBuilderTest {

    private static final String DESIGN = """
            platform RiscvFlat "two guests' VFs behind a RISC-V IOMMU" {
                cpu riscv64 { cpus 4; }
                imsic { identities 127; guest_files 2; }
                iommu riscv iommu0 { }
                hypervisor kvm { traps msix; }
                bus pci0 {
                    device nic 01:00.0 { msix 8; }
                    device vf0 02:00.0 { msix 4; }
                    device vf1 02:00.1 { msix 4; }
                }
                host { stack nic.msix: imsic -> msix alloc 2; }
                guest vm0 { cpus 3; assign vf0; stack vf0.msix: imsic -> msix alloc 2; }
                guest vm1 { cpus 2; assign vf1; }
            }
            """;

    private static RiscvPlatformModel model(String text) {
        SourceResult result = check(text);
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.platforms()).isEmpty();
        return result.riscvPlatforms().get(0);
    }

    @Test
    void theImsicGeometryTakesTheGivenSizesAndQemuVirtsPlacement() {
        RiscvPlatformModel model = model(DESIGN);
        assertThat(model.architecture()).isEqualTo(Architecture.RISCV64);
        assertThat(model.imsic().harts().count()).isEqualTo(4);
        assertThat(model.imsic().supervisorIds()).isEqualTo(127);
        assertThat(model.imsic().guestIds()).isEqualTo(127);
        // two guest files need D = 12 + ceil(log2 3) = 14: hart 1's S file at 0x28000000 + 0x4000, its
        // guest file 2 two pages on
        assertThat(model.imsic().page(InterruptFile.supervisor(1))).isEqualTo(0x2800_4000L);
        assertThat(model.imsic().page(InterruptFile.guest(1, 2))).isEqualTo(0x2800_6000L);
        assertThat(model.imsic().page(InterruptFile.machine(3))).isEqualTo(0x2400_3000L);
    }

    @Test
    void aRiscvIommuTranslatesMsisFlatUnlessItsMsiSaysOtherwise() {
        assertThat(model(DESIGN).iommus().get(0).msi()).isEqualTo(MsiTranslationMode.FLAT);
        assertThat(model(DESIGN.replace("iommu riscv iommu0 { }", "iommu riscv iommu0 { msi mrif; }"))
                .iommus().get(0).msi()).isEqualTo(MsiTranslationMode.MRIF);
        RiscvPlatformModel model = model(DESIGN);
        assertThat(model.iommuCovering(model.device("vf0").orElseThrow()).map(i -> i.name())).hasValue("iommu0");
    }

    @Test
    void stacksAndGuestsAreResolved() {
        RiscvPlatformModel model = model(DESIGN);
        assertThat(model.hostStacks()).containsExactly(new ImsicStackModel("nic", StorageKind.MSIX, 2));
        assertThat(model.hostStacks().get(0).chain()).containsExactly("imsic", "msix").inOrder();
        assertThat(model.guest("vm0").orElseThrow().stacks()).containsExactly(new ImsicStackModel("vf0", StorageKind.MSIX, 2));
        assertThat(model.owner("vf1").map(g -> g.name())).hasValue("vm1");
        assertThat(model.hypervisor().orElseThrow().traps(StorageKind.MSIX)).isTrue();
    }

    @Test
    void theGuestsVcpusTakeTheHartsInTurnEachTheLowestFreeGuestFile() {
        RiscvPlatformModel model = model(DESIGN);
        // vm0's three vCPUs on harts 0, 1, 2; vm1's two on harts 3 and 0, where guest file 1 is vm0's
        assertThat(model.guestFiles().of("vm0")).containsExactly(InterruptFile.guest(0, 1), InterruptFile.guest(1, 1),
                InterruptFile.guest(2, 1)).inOrder();
        assertThat(model.guestFiles().of("vm1")).containsExactly(InterruptFile.guest(3, 1), InterruptFile.guest(0, 2))
                .inOrder();
        assertThat(model.guestFiles().of("vm9")).isEqualTo(List.of());
    }
}
