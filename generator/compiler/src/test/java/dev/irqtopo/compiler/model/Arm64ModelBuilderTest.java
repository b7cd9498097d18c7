package dev.irqtopo.compiler.model;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.compiler.TestSources.check;

import dev.irqtopo.compiler.CompileRequest;
import dev.irqtopo.compiler.CompileResult;
import dev.irqtopo.compiler.Compiler;
import dev.irqtopo.compiler.SourceFile;
import dev.irqtopo.compiler.SourceResult;
import dev.irqtopo.model.Arm64PlatformModel;
import dev.irqtopo.model.Architecture;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.arm.Arm64GuestModel;
import dev.irqtopo.model.arm.GicStackModel;
import dev.irqtopo.model.arm.Mpidr;
import dev.irqtopo.model.arm.MsiMapLookup;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An arm64 platform as the model stage resolves it: defaults applied, names resolved, DeviceIDs found. */
class Arm64ModelBuilderTest {

    private static final String DESIGN = """
            package p;
            platform ArmVfs "three functions behind an ITS and a frame" {
                cpu arm64 { cpus 18; }
                gic v4 {
                    its its0 { doorbell 0x08090040; device_id_bits 12; }
                    v2m m0 { doorbell 0x08020040; spi_base 80; spis 64; }
                }
                smmu smmu0 { covers pci0; }
                hypervisor kvm { traps msix; vlpi on; }
                bus pci0 {
                    msi_map 03:00.0 its0 0x100 8;
                    msi_map 04:00.0 m0 0x0 8;
                    msi_map_mask 0xffff;
                    device pf  03:00.0 { msix 8; }
                    device vf0 03:00.1 { msix 4; }
                    device ahci 04:00.0 { msi 4; }
                }
                host {
                    stack pf.msix: gic -> its its0 -> msix alloc 2;
                    stack ahci.msi: gic -> v2m m0 -> msi alloc 3;
                }
                guest vm0 { cpus 2; assign vf0; stack vf0.msix: gic -> its -> msix alloc 2; }
                expect isolated;
            }
            """;

    private static Arm64PlatformModel model() {
        SourceResult result = check(DESIGN);
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.platforms()).isEmpty();
        return result.arm64Platforms().get(0);
    }

    @Test
    void theCpuSideIsResolvedWithItsDefaults() {
        Arm64PlatformModel model = model();
        assertThat(model.architecture()).isEqualTo(Architecture.ARM64);
        assertThat(model.javaPackage()).isEqualTo("p");
        assertThat(model.description()).isEqualTo("three functions behind an ITS and a frame");
        assertThat(model.cpus().count()).isEqualTo(18);
        // QEMU virt under a GICv3: 16 CPUs per cluster, so CPU 17 is Aff1 1, Aff0 1
        assertThat(model.cpus().mpidr(17)).isEqualTo(Mpidr.of(0, 0, 1, 1));
        assertThat(model.gic().version()).isEqualTo(4);
        assertThat(model.gic().its("its0").orElseThrow().deviceIdBits()).isEqualTo(12);
        assertThat(model.gic().its("its0").orElseThrow().eventIdBits()).isEqualTo(16);
        assertThat(model.gic().its("its0").orElseThrow().doorbell()).isEqualTo(0x08090040L);
        assertThat(model.gic().v2m("m0").orElseThrow().firstSpi()).isEqualTo(80);
        assertThat(model.gic().v2m("m0").orElseThrow().spiCount()).isEqualTo(64);
        assertThat(model.smmuCovered()).containsExactly("pci0");
        assertThat(model.hypervisor().orElseThrow().traps()).containsExactly(StorageKind.MSIX);
        assertThat(model.hypervisor().orElseThrow().vlpi()).isTrue();
        assertThat(model.expect()).isPresent();
    }

    @Test
    void givenMpidrsAreKeptInCpuOrder() {
        SourceResult result = check(DESIGN.replace("cpus 18;", "cpus 2; mpidr 0x100000000, 0x10203;"));
        assertThat(result.arm64Platforms().get(0).cpus().mpidrs())
                .containsExactly(Mpidr.of(1, 0, 0, 0), Mpidr.of(0, 1, 2, 3)).inOrder();
    }

    @Test
    void stacksNameTheirControllerAndGuestsTheirVirtualIts() {
        Arm64PlatformModel model = model();
        assertThat(model.hostStacks()).containsExactly(
                new GicStackModel("pf", StorageKind.MSIX, Optional.of("its0"), 2),
                new GicStackModel("ahci", StorageKind.MSI, Optional.of("m0"), 3)).inOrder();
        assertThat(model.hostStacks().get(0).chain("its")).containsExactly("gic", "its its0", "msix").inOrder();
        assertThat(model.guests()).containsExactly(new Arm64GuestModel("vm0", 2, List.of("vf0"),
                List.of(new GicStackModel("vf0", StorageKind.MSIX, Optional.empty(), 2))));
        assertThat(model.guests().get(0).stacks().get(0).chain("its")).containsExactly("gic", "its", "msix").inOrder();
        assertThat(model.owner("vf0").map(Arm64GuestModel::name)).hasValue("vm0");
        assertThat(model.owner("pf")).isEmpty();
    }

    @Test
    void eachDeviceReachesTheControllerItsBussMsiMapNames() {
        Arm64PlatformModel model = model();
        // 03:00.1 is 0x301, the line from 03:00.0 (0x300) gives DeviceIDs from 0x100
        assertThat(model.msiTarget(model.device("vf0").orElseThrow()))
                .isEqualTo(new MsiMapLookup.Mapped("its0", 0x101, 0));
        assertThat(model.msiTarget(model.device("ahci").orElseThrow()))
                .isEqualTo(new MsiMapLookup.Mapped("m0", 0x0, 1));
    }

    @Test
    void aBusWithoutMsiMapPresentsRequesterIdsToTheOnlyController() {
        String one = DESIGN.replace("        v2m m0 { doorbell 0x08020040; spi_base 80; spis 64; }\n", "")
                .replace("        msi_map 04:00.0 m0 0x0 8;\n", "")
                .replace("        device ahci 04:00.0 { msi 4; }\n", "")
                .replace("        stack ahci.msi: gic -> v2m m0 -> msi alloc 3;\n", "")
                .replace("device_id_bits 12", "device_id_bits 16")
                + "";
        String withBus = one.replace("    host {", "    bus pci1 { device other 00:02.0 { msix 1; } }\n    host {");
        SourceResult result = check(withBus);
        assertThat(result.diagnostics()).isEmpty();
        Arm64PlatformModel model = result.arm64Platforms().get(0);
        assertThat(model.msiMaps().keySet()).containsExactly("pci0");
        assertThat(model.msiTarget(model.device("other").orElseThrow()))
                .isEqualTo(new MsiMapLookup.Mapped("its0", 0x10, -1));
        assertThat(model.smmuCovers(model.device("other").orElseThrow())).isFalse();
        assertThat(model.smmuCovers(model.device("pf").orElseThrow())).isTrue();
    }

    @Test
    void generatingJavaForAnArm64PlatformWritesItsClass() {
        CompileResult result = Compiler.compile(CompileRequest.generate(List.of(new SourceFile("arm.irqtopo", DESIGN))));
        assertThat(result.hasErrors()).isFalse();
        assertThat(result.files().stream().map(f -> f.relativePath()).toList()).containsExactly("p/ArmVfs.java");
        assertThat(result.files().get(0).content()).contains("public final class ArmVfs {");
    }

}
