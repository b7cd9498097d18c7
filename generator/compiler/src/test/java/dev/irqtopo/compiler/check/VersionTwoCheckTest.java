package dev.irqtopo.compiler.check;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.compiler.TestSources.check;
import static dev.irqtopo.compiler.TestSources.positions;

import dev.irqtopo.compiler.SourceResult;
import dev.irqtopo.compiler.diag.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * How the version-2 checks meet the others: bridges in the platform's namespace, the assignment
 * warnings beside IRQ032, and files the front end must judge without a stack trace.
 */
class VersionTwoCheckTest {

    private static String message(String text, String code) {
        return check(text).diagnostics().stream().filter(d -> d.code().equals(code)).findFirst()
                .map(Diagnostic::message).orElseThrow();
    }

    @Test
    void aDeviceAssignedToASecondGuestAndRepeatedThereIsIrq032OnceAndIrq108() {
        String text = """
                platform P {
                    cpu x86 { cpus 2; }
                    hypervisor kvm { }
                    bus pci0 { device a 01:00.0 { msix 4; } }
                    guest g1 { cpus 1; assign a; }
                    guest g2 { cpus 1; assign a; assign a; }
                }
                """;
        // IRQ106 only where the assignment stands (g1), not on the IRQ032 nor on the repeat
        assertThat(positions(text)).containsExactly("5:31 IRQ106", "6:31 IRQ032", "6:41 IRQ108").inOrder();
    }

    @Test
    void aDeviceRepeatedInOneGuestIsWarnedOfOnceForItsUnsafeAssignment() {
        String text = """
                platform P {
                    cpu x86 { cpus 2; }
                    hypervisor kvm { }
                    bus pci0 { device a 01:00.0 { msix 4; } }
                    guest g1 { cpus 1; assign a, a; }
                }
                """;
        assertThat(positions(text)).containsExactly("5:31 IRQ106", "5:34 IRQ108").inOrder();
    }

    @Test
    void unknownOrKeywordNamesInAssignGetNoWarnings() {
        String text = """
                platform P {
                    cpu x86 { cpus 2; }
                    hypervisor kvm { }
                    bus pci0 { }
                    guest g1 { cpus 1; assign nic, nic, bridge; }
                }
                """;
        assertThat(positions(text)).containsExactly("5:31 IRQ011", "5:36 IRQ011", "5:41 IRQ002").inOrder();
    }

    @Test
    void aBridgeIsNoDeviceNoBusAndNoIommu() {
        String text = """
                platform P {
                    cpu x86 { cpus 2; }
                    iommu vtd dmar0 { covers pci0; }
                    hypervisor kvm { }
                    bus pci0 { bridge br 00:1e.0 { device uart 05:00.0 { msi 1; } } }
                    bus pci1 { device adi of br pasid 1 { ims queue 4; } }
                    host { stack br.msi: vector -> remap br -> msi; }
                    guest g1 { cpus 1; assign br; }
                }
                """;
        SourceResult result = check(text);
        assertThat(positions(result.diagnostics())).containsExactly(
                "6:30 IRQ011", "7:18 IRQ011", "7:42 IRQ011", "8:31 IRQ011").inOrder();
        assertThat(result.diagnostics().stream().map(Diagnostic::message).toList()).containsExactly(
                "'br' is a bridge, not a device", "'br' is a bridge, not a device", "'br' is a bridge, not an IOMMU",
                "'br' is a bridge, not a device").inOrder();
    }

    @Test
    void bridgeNamesShareTheNamespace() {
        String text = """
                platform P {
                    cpu x86 { cpus 2; }
                    iommu vtd br { }
                    bus pci0 {
                        bridge br 00:1e.0 { device br 05:00.0 { } }
                        bridge pci0 00:1c.0 { }
                    }
                }
                """;
        assertThat(positions(text)).containsExactly("5:16 IRQ010", "5:36 IRQ010", "6:16 IRQ010").inOrder();
    }

    @Test
    void theConformanceBridgeCase() {
        String text = """
                platform Bridges {
                    cpu x86 { cpus 2; }
                    iommu vtd dmar0 { }
                    hypervisor kvm { }
                    bus pci0 {
                        bridge br0 00:1e.0 {
                            device uart 05:01.0 { msi 1; }
                            device fw   06:02.0 { msi 1; }
                        }
                        bridge br1 00:1c.0 {
                            device sd 00:03.0 { msi 1; }
                        }
                        device nic 01:00.0 { msix 4; }
                    }
                    guest vm0 {
                        cpus 1;
                        assign nic;
                        assign nic;
                    }
                }
                """;
        SourceResult result = check(text);
        assertThat(positions(result.diagnostics())).containsExactly("8:25 IRQ048", "11:23 IRQ048", "18:16 IRQ108")
                .inOrder();
        assertThat(result.diagnostics().get(0).message()).isEqualTo(
                "device fw (06:02.0) is not on bridge br0's secondary bus 05: every device of a bridge sits on the"
                        + " same secondary bus");
        assertThat(result.diagnostics().get(1).message()).isEqualTo(
                "device sd (00:03.0) is on bridge br1's own bus 00: the devices of a bridge sit on its secondary bus");
    }

    @Test
    void outOfRangeRequesterIdsAreIrq020AloneAndTheRestIsStillJudged() {
        String text = """
                platform P {
                    cpu x86 { cpus 2; }
                    iommu vtd dmar0 { }
                    bus pci0 {
                        bridge br 100:1e.0 {
                            device a 100:00.0 { }
                            device b 05:00.0 { }
                            device c 06:00.0 { }
                        }
                        device d 10000:01:00.0 { }
                        device e 0001:01:00.0 { }
                    }
                }
                """;
        assertThat(positions(text)).containsExactly(
                "5:19 IRQ020", "6:22 IRQ020", "8:22 IRQ048", "10:18 IRQ020", "11:18 IRQ049").inOrder();
    }

    @Test
    void aSubDeviceSitsWhereItsParentIsWhateverBlockDeclaresIt() {
        String text = """
                platform P {
                    cpu x86 { cpus 2; }
                    bus pci0 {
                        device nic 00:02.0 { ims device 4; }
                        bridge br 00:1e.0 {
                            device adi of nic pasid 1 { ims device 4; }
                        }
                    }
                }
                """;
        SourceResult result = check(text);
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.platforms().get(0).device("adi").orElseThrow().bridge()).isEmpty();
    }

    @Test
    void aSecondExpectIsIrq024AtItsKeyword() {
        assertThat(positions("platform P { cpu x86 { cpus 1; } expect isolated;\n  expect isolated; }"))
                .containsExactly("2:3 IRQ024");
    }

    @Test
    void warningsStayWithTheirUnits() {
        String text = """
                platform P {
                    cpu x86 { cpus 2; apic x2apic; }
                    iommu vtd dmar0 { remapping off; covers pci0; }
                    iommu amdvi ivhd0 { covers pci1; }
                    bus pci0 { } bus pci1 { }
                }
                """;
        assertThat(positions(text)).containsExactly("3:33 IRQ109");
        assertThat(message(text, "IRQ109")).isEqualTo("IOMMU dmar0 has remapping off while IOMMU ivhd0 has it on:"
                + " Linux enables interrupt remapping on every unit or on none");
        // compat on amdvi is IRQ023, not IRQ105
        assertThat(positions("platform P { cpu x86 { cpus 1; apic x2apic; } iommu amdvi i { compat allowed; } }"))
                .containsExactly("1:63 IRQ023");
    }

    @Test
    void multiMessageMsiInAGuestWithHcallIsFineWithoutItIsIrq104() {
        String text = """
                platform P {
                    cpu x86 { cpus 2; }
                    iommu vtd dmar0 { }
                    hypervisor hyperv { hypercall compose; }
                    bus pci0 { device a 01:00.0 { msi 8; } device b 01:00.1 { msi 2; } }
                    guest vm0 { cpus 2; assign a; stack a.msi: vector -> hcall -> msi alloc 5; }
                    guest vm1 { cpus 1; assign b; stack b.msi: vector -> msi alloc 2; }
                }
                """;
        assertThat(positions(text)).containsExactly("7:35 IRQ104");
        assertThat(message(text, "IRQ104")).startsWith("msi alloc 2 in guest vm1 without 'hcall'");
    }
}
