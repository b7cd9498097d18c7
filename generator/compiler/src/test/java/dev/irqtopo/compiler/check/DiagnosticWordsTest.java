package dev.irqtopo.compiler.check;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.compiler.TestSources.check;

import dev.irqtopo.compiler.diag.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The words of the diagnostics for a name that refers to nothing of its kind (IRQ011) and for a name
 * Java refuses (IRQ013): what the name is instead, or which Java word it is or would become.
 */
class DiagnosticWordsTest {

    private static List<String> messages(String text, String code) {
        return check(text).diagnostics().stream().filter(d -> d.code().equals(code)).map(Diagnostic::message).toList();
    }

    @Test
    void anUnknownReferenceSaysWhatTheNameIsInstead() {
        String text = """
                platform P {
                    cpu x86 { cpus 2; }
                    hypervisor kvm { }
                    iommu vtd dmar0 { covers nic; }
                    iommu vtd dmar1 { covers pci0; }
                    bus pci0 {
                        device nic 01:00.0 { msix 4; }
                        device adi of pci0 pasid 1 { ims queue 4; }
                        bridge br 00:1e.0 { device uart 05:00.0 { msi 1; } }
                    }
                    host {
                        stack vm0.msix: vector -> msix;
                        stack nic.msix: vector -> remap br -> msix;
                        stack uart.msi: vector -> remap nic -> msi;
                    }
                    guest vm0 { cpus 1; assign dmar1; }
                }
                """;
        assertThat(messages(text, "IRQ011")).containsExactly(
                "'nic' is a device, not a bus",
                "'pci0' is a bus, not a device",
                "'vm0' is a guest, not a device",
                "'br' is a bridge, not an IOMMU",
                "'nic' is a device, not an IOMMU",
                "'dmar1' is an IOMMU, not a device");
        assertThat(messages(text.replace("covers nic", "covers nowhere"), "IRQ011")).contains("unknown bus 'nowhere'");
    }

    @Test
    void aNameJavaRefusesSaysWhichJavaWordItIsOrWouldBecome() {
        String text = """
                platform P {
                    cpu x86 { cpus 2; }
                    bus true {
                        device Int 01:00.0 { msix 4; }
                        device var 01:00.1 { msix 4; }
                    }
                }
                """;
        assertThat(messages(text, "IRQ013")).containsExactly(
                "'true' is a Java keyword or literal and cannot be used as a name",
                "'Int' would become the Java identifier 'int', a Java keyword",
                "'var' is restricted in Java and cannot be used as a name");
    }
}
