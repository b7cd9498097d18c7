package dev.irqtopo.compiler.emit;

import static com.google.common.truth.Truth.assertThat;

import com.google.testing.compile.Compilation;
import dev.irqtopo.compiler.output.GeneratedFile;
import dev.irqtopo.runtime.StackResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand devices: the generated class must stay within javac's limits (64 KB of bytecode per
 * method, 65 535 bytes per constant string, 65 535 constant pool entries per class), which a model
 * built statement by statement, or an array of ten thousand elements, would not.
 */
class LargePlatformTest {

    static final int DEVICES = 10_000;
    static final int GUEST_DEVICES = 2_000;

    /** Host devices with MSI-X through VT-d, and a guest whose devices have IMS in queue memory. */
    static String platform() {
        StringBuilder text = new StringBuilder("package dev.example.big;\n\nplatform Big \"ten thousand devices\" {\n")
                .append("    cpu x86 { cpus 64; apic x2apic; }\n")
                .append("    iommu vtd dmar0 { }\n")
                .append("    hypervisor kvm { hypercall compose; }\n")
                .append("    bus pci0 {\n");
        for (int i = 0; i < DEVICES; i++) {
            String rid = String.format("%02x:%02x.%x", i / 256, i / 8 % 32, i % 8);
            text.append("        device d").append(i).append(' ').append(rid)
                    .append(i < DEVICES - GUEST_DEVICES ? " { msix 4; }\n" : " { ims queue 4; }\n");
        }
        text.append("    }\n    host {\n");
        for (int i = 0; i < DEVICES - GUEST_DEVICES; i++) {
            text.append("        stack d").append(i).append(".msix: vector -> remap dmar0 -> msix;\n");
        }
        text.append("    }\n    guest vm0 {\n        cpus 16;\n        assign ");
        for (int i = DEVICES - GUEST_DEVICES; i < DEVICES; i++) {
            text.append(i == DEVICES - GUEST_DEVICES ? "" : ", ").append('d').append(i);
        }
        text.append(";\n");
        for (int i = DEVICES - GUEST_DEVICES; i < DEVICES; i++) {
            text.append("        stack d").append(i).append(".ims: vector -> hcall -> ims;\n");
        }
        return text.append("    }\n}\n").toString();
    }

    @Test
    void tenThousandDevicesCompileBootAndAllocate() throws Exception {
        List<GeneratedFile> files = Generated.files("big.irqtopo", platform(), Optional.empty());
        assertThat(files).hasSize(1);
        String source = files.get(0).content();
        assertThat(source).contains("MODEL_1");
        Compilation compilation = Generated.compileCleanly(files);

        Object big = Generated.call(Generated.load(compilation).loadClass("dev.example.big.Big"), "boot");
        @SuppressWarnings("unchecked")
        List<StackResult> booted = (List<StackResult>) Generated.call(big, "bootResults");
        assertThat(booted).hasSize(DEVICES);
        assertThat(booted.stream().filter(r -> !r.allocation().succeeded()).map(r -> r.device() + " " + r.errno()).toList())
                .isEmpty();
        assertThat(Generated.call(Generated.path(big, "hardware", "d9999"), "requesterId").toString()).isEqualTo("27:01.7");
        assertThat(Generated.hasMethod(Generated.call(big, "vm0"), "d9999")).isTrue();
        assertThat(Generated.hasMethod(Generated.call(big, "host"), "d9999")).isFalse();
    }
}
