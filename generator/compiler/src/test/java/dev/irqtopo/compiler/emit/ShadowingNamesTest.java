package dev.irqtopo.compiler.emit;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.compiler.output.GeneratedFile;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Declared names that become the simple names of types the generated code uses (a guest named
 * {@code kernel} gives a nested class {@code Kernel}, one named {@code string} a class {@code String},
 * a platform named {@code Platform} a class of that name): the emitter must then write those types
 * qualified, and the code must still compile.
 */
class ShadowingNamesTest {

    @Test
    void namesLikeTheTypesTheCodeUsesStillCompile() {
        StringBuilder text = new StringBuilder("package dev.example.shadow;\n\nplatform Shadow {\n"
                + "    cpu x86 { cpus 2; }\n    hypervisor kvm { traps msi; }\n    bus pci0 {\n");
        List<String> guests = List.of("kernel", "Stack", "message", "string", "list", "optional", "generated",
                "object", "override", "errno", "allocation", "model_table", "bus_domain_kind", "requester_id",
                "platform_model", "isolation_report", "isolation_analysis", "device_storage", "delivery", "trace",
                "stack_result", "allocated_interrupt", "integer", "system");
        for (int i = 0; i < guests.size(); i++) {
            text.append(String.format("        device d%d 01:%02x.0 { msix 2; ims queue 2; }%n", i, i));
        }
        text.append("    }\n");
        for (int i = 0; i < guests.size(); i++) {
            text.append("    guest ").append(guests.get(i)).append(" { cpus 1; assign d").append(i)
                    .append("; stack d").append(i).append(".msix: vector -> msix; stack d").append(i)
                    .append(".ims: vector -> ims; }\n");
        }
        text.append("}\n");
        // platform classes that shadow the runtime's types, java.lang's and the annotation
        for (String platform : List.of("Platform", "Generated", "String", "Kernel", "ModelTable", "Object")) {
            text.append("platform ").append(platform).append(" {\n    cpu x86 { cpus 1; }\n"
                    + "    bus pci0 { device nic 01:00.0 { msix 1; } }\n    host { stack nic.msix: vector -> msix; }\n}\n");
        }
        List<GeneratedFile> files = Generated.files("shadow.irqtopo", text.toString(), Optional.empty());
        assertThat(files.stream().map(GeneratedFile::relativePath).toList()).containsExactly(
                "dev/example/shadow/Generated.java", "dev/example/shadow/Kernel.java",
                "dev/example/shadow/ModelTable.java", "dev/example/shadow/Object.java",
                "dev/example/shadow/Platform.java", "dev/example/shadow/Shadow.java",
                "dev/example/shadow/String.java").inOrder();
        assertThat(files.get(4).content()).contains("public final class Platform {");
        assertThat(files.get(4).content()).contains("dev.irqtopo.runtime.Platform platform");
        String source = files.get(5).content();
        assertThat(source).contains("public static final class Kernel {");
        assertThat(source).contains("java.lang.String");
        Generated.compileCleanly(files);
    }
}
