package dev.irqtopo.compiler.emit;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import dev.irqtopo.compiler.CompileRequest;
import dev.irqtopo.compiler.CompileResult;
import dev.irqtopo.compiler.Compiler;
import dev.irqtopo.compiler.NameCases;
import dev.irqtopo.compiler.NameCases.NameCase;
import dev.irqtopo.compiler.PackageNames;
import dev.irqtopo.compiler.SourceFile;
import dev.irqtopo.compiler.SourceResult;
import dev.irqtopo.compiler.naming.GeneratedNames;
import dev.irqtopo.compiler.output.GeneratedFile;
import dev.irqtopo.model.PlatformModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever names and packages a file declares, generation gives code that compiles strictly, in files
 * under the output directory, or positioned diagnostics and no code at all.
 */
class NamesAndPathsTest {

    private static final Path OUT = Path.of("/out");

    private static CompileResult generate(NameCase c) {
        return Compiler.compile(CompileRequest.generate(c.files()).withPackage(c.packageName()));
    }

    static List<NameCase> cases() {
        return NameCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachInputGivesCodeOrPositionedDiagnostics(NameCase c) {
        CompileResult result = generate(c);
        List<String> errors = result.diagnostics().stream().filter(d -> d.isError())
                .map(d -> d.file() + ":" + d.line() + ":" + d.column() + " " + d.code()).toList();
        assertThat(c.comparable(errors)).containsExactlyElementsIn(c.expected()).inOrder();
        if (!c.clean()) {
            assertThat(result.files()).isEmpty();
            return;
        }
        assertThat(result.files()).isNotEmpty();
        for (GeneratedFile file : result.files()) {
            Path target = OUT.resolve(file.relativePath()).normalize();
            assertWithMessage("%s", file.relativePath()).that(target.startsWith(OUT)).isTrue();
            assertThat(file.relativePath()).matches("([A-Za-z_][A-Za-z0-9_]*/)+[A-Za-z_][A-Za-z0-9_]*\\.java");
            // the file is where javac and every build tool look for the class it declares
            String pkg = file.content().lines().filter(l -> l.startsWith("package ")).findFirst().orElseThrow();
            String dir = file.relativePath().substring(0, file.relativePath().lastIndexOf('/'));
            assertThat(pkg).isEqualTo("package " + dir.replace('/', '.') + ";");
        }
    }

    @Test
    void everyCleanCaseCompilesWithEveryLintAsAnError() {
        List<GeneratedFile> all = new ArrayList<>();
        for (NameCase c : NameCases.clean()) {
            all.addAll(generate(c).files());
        }
        assertThat(all.size()).isAtLeast(NameCases.clean().size());
        Generated.compileCleanly(all);
    }

    /** Every type the generated code imports, whatever it is, as a platform, a guest and a device. */
    @Test
    void everyTypeTheCodeImportsMayBeDeclaredUnderItsName() {
        String rich = "package names.imports.probe;\nplatform Probe {\n    cpu x86 { cpus 2; }\n"
                + "    hypervisor kvm { traps msix; hypercall compose; }\n"
                + "    bus pci0 { device a 01:00.0 { msix 2; } device b 01:00.1 { ims queue 2; } device c 01:00.2 { } }\n"
                + "    host { stack a.msix: vector -> msix; }\n"
                + "    guest vm { cpus 1; assign b; stack b.ims: vector -> hcall -> ims; }\n}\n";
        String probe = Generated.files("probe.irqtopo", rich, Optional.empty()).get(0).content();
        Matcher imports = Pattern.compile("(?m)^import ([\\w.]+)\\.(\\w+);$").matcher(probe);
        List<String> types = new ArrayList<>();
        while (imports.find()) {
            types.add(imports.group(2));
        }
        assertThat(types).containsAtLeast("String", "Platform", "Kernel", "Generated", "List", "Optional");
        List<String> guestTypes = types.stream()
                // a guest Platform would have the accessor platform(), which the platform class has (IRQ051)
                .filter(t -> !t.equals("Platform"))
                .toList();

        StringBuilder text = new StringBuilder("package names.imports;\n").append(rich.substring(rich.indexOf("platform")));
        StringBuilder guests = new StringBuilder();
        StringBuilder devices = new StringBuilder();
        for (int i = 0; i < types.size(); i++) {
            String type = types.get(i);
            text.append("platform ").append(type).append(" { cpu x86 { cpus 1; } }\n");
            devices.append(String.format("        device %s_d 02:%02x.0 { msix 1; }%n", type, i));
            if (!guestTypes.contains(type)) {
                continue;
            }
            guests.append("    guest ").append(type).append(" { cpus 1; assign ").append(type).append("_d; stack ")
                    .append(type).append("_d.msix: vector -> msix; }\n");
        }
        text.append("platform Named {\n    cpu x86 { cpus 2; }\n    hypervisor kvm { traps msix; }\n    bus pci0 {\n")
                .append(devices).append("    }\n").append(guests).append("}\n");
        List<GeneratedFile> files = Generated.files("imports.irqtopo", text.toString(), Optional.empty());
        assertThat(files).hasSize(types.size() + 2);
        Generated.compileCleanly(files);
    }

    /**
     * The sources the emitter writes for a file's platforms, checked but not generated; a platform without
     * a package line goes into {@code defaultPackage}, which no request would accept, past every check.
     */
    private static List<GeneratedFile> emitted(String text, Optional<String> defaultPackage) {
        SourceResult checked = Compiler.compile(CompileRequest.check(new SourceFile("x.irqtopo", text))).sources().get(0);
        assertThat(checked.hasErrors()).isFalse();
        return checked.platforms().stream().map(p -> inPackage(p, defaultPackage)).map(p -> new GeneratedFile(
                p.javaPackage().replace('.', '/') + "/" + GeneratedNames.platformClass(p.name()) + ".java",
                JavaEmitter.emit(p, "x.irqtopo").toString())).toList();
    }

    private static PlatformModel inPackage(PlatformModel p, Optional<String> defaultPackage) {
        if (!p.javaPackage().isEmpty() || defaultPackage.isEmpty()) {
            return p;
        }
        return new PlatformModel(defaultPackage.get(), p.name(), p.description(), p.cpu(), p.iommus(), p.hypervisor(),
                p.buses(), p.hostStacks(), p.guests(), p.expect());
    }

    /** What IRQ052 and IRQ014 stand in the way of: code that javac refuses. */
    @Test
    void withoutTheirChecksTheRefusedPackagesWouldNotCompile() {
        List<GeneratedFile> classAndPackage = new ArrayList<>(emitted("package names.f.G;\nplatform h { cpu x86 { cpus 1; } }\n",
                Optional.empty()));
        classAndPackage.addAll(emitted("package names.f;\nplatform g { cpu x86 { cpus 1; } }\n", Optional.empty()));
        Compilation clash = Generated.compile(Generated.sources(classAndPackage));
        CompilationSubject.assertThat(clash).hadErrorContaining("clashes with package of same name");

        Compilation platformModule = Generated.compile(Generated.sources(
                emitted("platform P { cpu x86 { cpus 1; } }\n", Optional.of("javax.annotation.processing"))));
        CompilationSubject.assertThat(platformModule).hadErrorContaining("package exists in another module");

        // the runtime's own package: the platform class takes the place of the runtime's Platform
        Compilation runtime = Generated.compile(Generated.sources(emitted("platform Platform {\n    cpu x86 { cpus 1; }\n"
                + "    bus pci0 { device nic 01:00.0 { msix 1; } }\n    host { stack nic.msix: vector -> msix; }\n}\n",
                Optional.of("dev.irqtopo.runtime"))));
        CompilationSubject.assertThat(runtime).failed();
    }

    @Test
    void aPackageGivenFromOutsideMustBeAJavaPackageOfTheLanguagesNames() {
        for (String name : NameCases.refusedPackageOptions()) {
            Optional<String> problem = PackageNames.problem(name);
            assertWithMessage("%s", name).that(problem).isPresent();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CompileRequest.generate(
                    new SourceFile("p.irqtopo", "platform P { cpu x86 { cpus 1; } }\n")).withPackage(Optional.of(name)));
            assertThat(e).hasMessageThat().isEqualTo(problem.get());
        }
        assertThat(PackageNames.problem("java.util")).hasValue("package java.util is under java, which belongs to the"
                + " Java platform: no class of another may be defined there");
        assertThat(PackageNames.problem("javax.annotation.processing")).hasValue("package javax.annotation.processing"
                + " belongs to module java.compiler of the Java platform");
        assertThat(PackageNames.problem("d\u00e9j\u00e0.vu").orElseThrow()).startsWith("'d\u00e9j\u00e0' in 'd\u00e9j\u00e0.vu' is"
                + " not a name");
        for (String fine : List.of("javax.irq", "dev.irqtopo.runtimes", "var.record", "_x.__.a1_", "Big.x", "org.example")) {
            assertWithMessage("%s", fine).that(PackageNames.problem(fine)).isEmpty();
        }
    }
}
