package dev.irqtopo.compiler.check;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.compiler.TestSources.check;
import static dev.irqtopo.compiler.TestSources.positions;

import org.junit.jupiter.api.Test;

/** The checks of an arm64 platform, each at its place; a line of the template is replaced per test. */
class GicCheckTest {

    /**
     * An arm64 platform that checks cleanly: one ITS, an msi_map for bus 00..01, a host stack and a guest's.
     * Lines: 1 platform, 2 cpu, 3 gic, 4 its, 5 another controller, 6 the gic's brace, 7 another block,
     * 8 hypervisor, 9 bus, 10 msi_map, 11 device nic, 12 device vf, 13 the bus's brace, 14 host, 15 guest.
     */
    private static final String TEMPLATE = """
            platform P {
                cpu arm64 { cpus 4; }
                gic v3 {
                    its its0 { doorbell 0x08090040; device_id_bits 16; }
                    // another controller
                }
                // another block
                hypervisor kvm { traps msi, msix; }
                bus pci0 {
                    msi_map 00:00.0 its0 0x0 0x200;
                    device nic 01:00.0 { msix 8; msi 4; }
                    device vf 01:00.1 { msix 4; }
                }
                host { stack nic.msix: gic -> its its0 -> msix alloc 2; }
                guest vm0 { cpus 2; assign vf; stack vf.msix: gic -> its -> msix alloc 2; }
            }
            """;

    /** The template with its line {@code line} (1-based) replaced. */
    private static String with(int line, String text) {
        String[] lines = TEMPLATE.split("\n", -1);
        lines[line - 1] = text;
        return String.join("\n", lines);
    }

    @Test
    void theTemplateChecksCleanly() {
        assertThat(positions(TEMPLATE)).isEmpty();
    }

    @Test
    void x86ConstructsOnArm64AreIrq063AtTheirKeywords() {
        assertThat(positions(with(2, "    cpu arm64 { cpus 4; apic x2apic; apic_ids 0, 1, 2, 3; }")))
                .containsExactly("2:25 IRQ063", "2:38 IRQ063").inOrder();
        assertThat(positions(with(7, "    iommu vtd dmar0 { } ioapic io0 ff:00.0 { }")))
                .containsExactly("7:5 IRQ063", "7:25 IRQ063").inOrder();
        assertThat(positions(with(14, "    host { stack nic.msix: vector -> remap its0 -> msix; }")))
                .containsExactly("14:28 IRQ063", "14:38 IRQ063").inOrder();
        assertThat(positions(with(14, "    host { kernel linux 6.1; stack nic.msix: gic -> its its0 -> msix; }")))
                .containsExactly("14:19 IRQ063");
        assertThat(positions(with(8, "    hypervisor kvm { cpuid hidden; ext_dest_id on; }")))
                .containsExactly("8:22 IRQ063", "8:36 IRQ063").inOrder();
    }

    @Test
    void aHypervisorOtherThanKvmIsIrq073() {
        assertThat(positions(with(8, "    hypervisor xen { }"))).containsExactly("8:5 IRQ073");
    }

    @Test
    void arm64ConstructsOnX86AreIrq064() {
        String x86 = """
                platform P {
                    cpu x86 { cpus 2; mpidr 0x0, 0x1; }
                    gic v3 { its its0 { doorbell 0x08090040; } }
                    smmu smmu0 { covers pci0; }
                    bus pci0 { msi_map 00:00.0 its0 0x0 4; msi_map_mask 0xff; device nic 00:01.0 { msix 1; } }
                    host { stack nic.msix: gic -> its its0 -> msix; }
                }
                """;
        assertThat(positions(x86)).containsExactly("2:23 IRQ064", "3:5 IRQ064", "4:5 IRQ064", "5:16 IRQ064",
                "5:44 IRQ064", "6:28 IRQ064", "6:35 IRQ064").inOrder();
    }

    @Test
    void withoutAGicOrADoorbellIsIrq030() {
        assertThat(positions(TEMPLATE.replace("gic v3 {", "/* no gic").replace("// another controller\n    }", "*/")))
                .contains("1:10 IRQ030");
        assertThat(positions(with(4, "        its its0 { device_id_bits 16; }"))).containsExactly("4:13 IRQ030");
        assertThat(positions(with(5, "        v2m m0 { doorbell 0x08020040; }")))
                .containsExactly("5:13 IRQ030");
        assertThat(check(with(5, "        v2m m0 { doorbell 0x08020040; }")).diagnostics().get(0).message())
                .isEqualTo("v2m m0 does not give 'spi_base', 'spis'");
    }

    @Test
    void numbersOfTheGicAreIrq020() {
        assertThat(positions(with(2, "    cpu arm64 { cpus 4; mpidr 0x0, 0x1, 0x1, 0x100000000; }")))
                .containsExactly("2:41 IRQ020");
        assertThat(positions(with(2, "    cpu arm64 { cpus 4; mpidr 0x0, 0x1, 0x1000000; }")))
                .containsExactly("2:41 IRQ020");
        assertThat(positions(with(4, "        its its0 { doorbell 0x08090000; device_id_bits 33; event_id_bits 0; }")))
                .containsExactly("4:29 IRQ020", "4:56 IRQ020", "4:74 IRQ020").inOrder();
        assertThat(positions(with(5, "        v2m m0 { doorbell 0x08020000; spi_base 1020; spis 1000; }")))
                .containsExactly("5:27 IRQ020", "5:48 IRQ020", "5:59 IRQ020").inOrder();
        assertThat(positions(with(10, "        msi_map 0000:00:00.0 its0 0x100000000 0; msi_map_mask 0x10000;")))
                .containsExactly("10:17 IRQ020", "10:35 IRQ020", "10:47 IRQ020", "10:63 IRQ020").inOrder();
        assertThat(positions(with(10, "        msi_map ff:00.0 its0 0x0 0x200;"))).containsExactly("10:34 IRQ020");
    }

    @Test
    void aRidBaseTheMaskClearsIsIrq020() {
        assertThat(positions(with(10, "        msi_map 01:00.0 its0 0x0 0x200; msi_map_mask 0xff;")))
                .containsExactly("10:17 IRQ020");
    }

    @Test
    void overlappingMsiMapLinesAreIrq065AtTheLaterOne() {
        assertThat(positions(with(10, "        msi_map 00:00.0 its0 0x0 0x200; msi_map 01:00.1 its0 0x1000 1;")))
                .containsExactly("10:41 IRQ065");
    }

    @Test
    void deviceIdsBeyondTheItsBitsAreIrq066() {
        assertThat(positions(with(4, "        its its0 { doorbell 0x08090040; device_id_bits 8; }")))
                .containsExactly("10:30 IRQ066");
        String identity = with(10, "").replace("device_id_bits 16", "device_id_bits 8");
        assertThat(positions(identity)).containsExactly("11:16 IRQ066", "12:16 IRQ066").inOrder();
    }

    @Test
    void aFunctionNoMsiMapLineHoldsIsIrq067() {
        assertThat(positions(with(10, "        msi_map 00:00.0 its0 0x0 0x100;")))
                .containsExactly("11:16 IRQ067", "12:16 IRQ067").inOrder();
    }

    @Test
    void aStackThroughAControllerTheDeviceDoesNotReachIsIrq069() {
        String two = with(5, "        its its1 { doorbell 0x080b0040; }");
        assertThat(positions(two.replace("its its0 -> msix", "its its1 -> msix"))).containsExactly("14:39 IRQ069");
    }

    @Test
    void aV2mFrameWithoutRoomIsIrq068AtTheAllocThatDoesNotFit() {
        String v2m = with(4, "        v2m m0 { doorbell 0x08020040; spi_base 80; spis 6; }")
                .replace("msi_map 00:00.0 its0 0x0 0x200;", "")
                .replace("stack nic.msix: gic -> its its0 -> msix alloc 2;",
                        "stack nic.msix: gic -> v2m m0 -> msix alloc 3; stack nic.msi: gic -> v2m m0 -> msi alloc 3;");
        assertThat(positions(v2m)).containsExactly("14:101 IRQ068");
        assertThat(check(v2m).diagnostics().get(0).message()).isEqualTo("the host's stack for nic.msi: v2m m0 has"
                + " 6 SPIs and 3 left, none of them an aligned block of 4");
    }

    @Test
    void anItsDeviceWithMoreEventsThanItsBitsIsIrq068() {
        String narrow = with(4, "        its its0 { doorbell 0x08090040; event_id_bits 1; }");
        assertThat(positions(narrow)).isEmpty();
        assertThat(positions(narrow.replace("-> msix alloc 2", "-> msix alloc 3")))
                .containsExactly("14:58 IRQ068", "15:76 IRQ068").inOrder();
    }

    @Test
    void chainsOutOfShapeAreIrq035() {
        assertThat(positions(with(14, "    host { stack nic.msix: its its0 -> msix; }"))).containsExactly("14:28 IRQ035");
        assertThat(positions(with(14, "    host { stack nic.msix: gic -> its -> msix; }"))).containsExactly("14:35 IRQ035");
        assertThat(positions(with(14, "    host { stack nic.msix: gic -> msix; }"))).containsExactly("14:35 IRQ035");
        assertThat(positions(with(15, "    guest vm0 { cpus 2; assign vf; stack vf.msix: gic -> its its0 -> msix; }")))
                .containsExactly("15:58 IRQ035");
    }

    @Test
    void vlpiOnAGicv3IsIrq070() {
        assertThat(positions(with(8, "    hypervisor kvm { vlpi on; }"))).containsExactly("8:22 IRQ070");
        assertThat(positions(with(8, "    hypervisor kvm { vlpi on; }").replace("gic v3", "gic v4"))).isEmpty();
    }

    @Test
    void overlappingRegisterFramesAreIrq071() {
        assertThat(positions(with(5, "        v2m m0 { doorbell 0x08090040; spi_base 80; spis 4; }")))
                .containsExactly("5:27 IRQ071");
        assertThat(positions(with(5, "        its its1 { doorbell 0x080a0040; }")))
                .containsExactly("5:29 IRQ071");
    }

    @Test
    void controllersAndSmmusShareTheNamespaceAndAreReferencedByName() {
        assertThat(positions(with(5, "        its pci0 { doorbell 0x080b0040; }"))).containsExactly("9:9 IRQ010");
        assertThat(positions(with(10, "        msi_map 00:00.0 its9 0x0 0x200;"))).containsExactly("10:25 IRQ011");
        assertThat(positions(with(7, "    smmu smmu0 { covers pci9; }")))
                .containsExactly("7:25 IRQ011");
    }
}
