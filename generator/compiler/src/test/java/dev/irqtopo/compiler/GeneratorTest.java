package dev.irqtopo.compiler;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.compiler.TestSources.positions;

import dev.irqtopo.compiler.diag.Diagnostic;
import dev.irqtopo.compiler.diag.Severity;
import dev.irqtopo.compiler.output.GeneratedFile;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Generation through the facade: which files it writes, and the diagnostics only a generation run has. */
class GeneratorTest {

    private static final String BODY = " {\n    cpu x86 { cpus 2; }\n}\n";

    private static CompileResult generate(Optional<String> packageName, boolean failOnWarning, SourceFile... sources) {
        return Compiler.compile(CompileRequest.generate(sources).withPackage(packageName).withFailOnWarning(failOnWarning));
    }

    private static SourceFile file(String name, String text) {
        return new SourceFile(name, text);
    }

    @Test
    void onePlatformGivesOneSourceAtItsPackagePath() {
        CompileResult result = generate(Optional.empty(), false,
                file("b.irqtopo", "package dev.b;\nplatform second_one" + BODY + "platform First" + BODY),
                file("a.irqtopo", "package dev.a.x;\nplatform Only" + BODY));
        assertThat(result.hasErrors()).isFalse();
        assertThat(result.files().stream().map(GeneratedFile::relativePath).toList())
                .containsExactly("dev/a/x/Only.java", "dev/b/First.java", "dev/b/SecondOne.java").inOrder();
        assertThat(result.files().get(2).content()).contains("package dev.b;\n");
        assertThat(result.files().get(2).content()).contains("public final class SecondOne {");
        assertThat(result.sources().stream().map(c -> c.source().name()).toList())
                .containsExactly("b.irqtopo", "a.irqtopo").inOrder();
    }

    @Test
    void theRequestsPackageIsForFilesWithoutOne() {
        CompileResult result = generate(Optional.of("dev.given"), false,
                file("own.irqtopo", "package dev.own;\nplatform A" + BODY),
                file("none.irqtopo", "platform B" + BODY));
        assertThat(result.files().stream().map(GeneratedFile::relativePath).toList())
                .containsExactly("dev/given/B.java", "dev/own/A.java").inOrder();
    }

    @Test
    void aPlatformWithoutPackageIsIrq050AtItsName() {
        CompileResult result = generate(Optional.empty(), false, file("p.irqtopo", "// none\nplatform  Alone" + BODY));
        assertThat(result.hasErrors()).isTrue();
        assertThat(result.files()).isEmpty();
        Diagnostic d = result.diagnostics().get(0);
        assertThat(d.headline()).isEqualTo("p.irqtopo:2:11: error: platform 'Alone' has no package for its generated"
                + " code: add a package line to the file, or give the generator a package [IRQ050]");
        assertThat(result.sources().get(0).platforms()).isEmpty();
    }

    @Test
    void anErrorInOneFileWritesNoFileAtAll() {
        CompileResult result = generate(Optional.empty(), false,
                file("good.irqtopo", "package dev.g;\nplatform Good" + BODY),
                file("bad.irqtopo", "package dev.g;\nplatform Bad {\n}\n"));
        assertThat(result.hasErrors()).isTrue();
        assertThat(result.files()).isEmpty();
        assertThat(result.sources().get(0).hasErrors()).isFalse();
        assertThat(positions(result.sources().get(1).diagnostics())).containsExactly("2:10 IRQ030");
    }

    @Test
    void warningsFailGenerationOnlyWhenAsked() {
        SourceFile warned = file("w.irqtopo", "package dev.w;\nplatform W {\n    cpu x86 { cpus 2; }\n"
                + "    iommu vtd dmar0 { }\n    bus pci0 { device nic 01:00.0 { msix 4; } }\n"
                + "    host { stack nic.msix: vector -> msix; }\n}\n");
        CompileResult allowed = generate(Optional.empty(), false, warned);
        assertThat(allowed.hasErrors()).isFalse();
        assertThat(allowed.files()).hasSize(1);
        assertThat(positions(allowed.diagnostics())).containsExactly("6:12 IRQ103");

        CompileResult failed = generate(Optional.empty(), true, warned);
        assertThat(failed.hasErrors()).isTrue();
        assertThat(failed.files()).isEmpty();
        assertThat(failed.diagnostics().get(0).severity()).isEqualTo(Severity.WARNING);
    }

    private static List<String> clashes(String platformName, String items) {
        CompileResult result = generate(Optional.empty(), false, file("c.irqtopo",
                "package dev.c;\nplatform " + platformName + " {\n    cpu x86 { cpus 2; }\n    hypervisor kvm { }\n" + items + "}\n"));
        assertThat(result.files()).isEmpty();
        return result.diagnostics().stream().map(d -> d.line() + ":" + d.column() + " " + d.code() + " " + d.message()).toList();
    }

    @Test
    void aGuestNamedLikeAPlatformMethodIsIrq051() {
        assertThat(clashes("P", "    guest hardware { cpus 1; }\n    guest boot { cpus 1; }\n")).containsExactly(
                "5:11 IRQ051 'hardware' would become Hardware and hardware(), which the generated code already has as"
                        + " the nested class Hardware and the method hardware() of the platform class",
                "6:11 IRQ051 'boot' would become boot(), which the generated code already has as the method boot() of"
                        + " the platform class").inOrder();
    }

    @Test
    void aGuestWhoseClassIsANestedClassIsIrq051() {
        assertThat(clashes("P", "    guest Host { cpus 1; }\n")).containsExactly("5:11 IRQ051 'Host' would become Host and"
                + " host(), which the generated code already has as the nested class Host and the method host() of the"
                + " platform class");
        assertThat(clashes("P", "    guest requester_IDS { cpus 1; }\n")).containsExactly("5:11 IRQ051 'requester_IDS'"
                + " would become RequesterIds, which the generated code already has as the nested class RequesterIds");
        assertThat(clashes("Vm0", "    guest vm0 { cpus 1; }\n")).containsExactly("5:11 IRQ051 'vm0' would become Vm0,"
                + " which the generated code already has as the platform class Vm0");
    }

    @Test
    void aPlatformNamedLikeANestedClassIsIrq051() {
        assertThat(clashes("hardware", "")).containsExactly("2:10 IRQ051 'hardware' would become Hardware, which the"
                + " generated code already has as the nested class Hardware");
    }

    @Test
    void aDeviceNamedLikeAKernelOrObjectMethodIsIrq051() {
        String devices = "    bus pci0 {\n        device kernel 01:00.0 { msix 4; }\n        device toString 01:00.1 { }\n"
                + "        device equals 01:00.2 { }\n    }\n    host { stack kernel.msix: vector -> msix; }\n";
        assertThat(clashes("P", devices)).containsExactly(
                "6:16 IRQ051 'kernel' would become kernel(), which the generated code already has as the method kernel()"
                        + " of a kernel class",
                "7:16 IRQ051 'toString' would become toString(), which the generated code already has as the method"
                        + " toString() every Java object has").inOrder();
    }

    @Test
    void aDeviceNamedKernelWithoutStacksIsOnlyOnTheHardwareView() {
        CompileResult result = generate(Optional.empty(), false, file("k.irqtopo", "package dev.k;\nplatform P {\n"
                + "    cpu x86 { cpus 2; }\n    bus pci0 { device kernel 01:00.0 { msix 4; } }\n}\n"));
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.files()).hasSize(1);
    }

    @Test
    void theSamePlatformClassInTwoFilesOfOnePackageIsIrq010OrIrq012() {
        CompileResult result = generate(Optional.of("dev.same"), false,
                file("one.irqtopo", "platform Twin" + BODY),
                file("two.irqtopo", "\nplatform Twin" + BODY),
                file("three.irqtopo", "platform TWIN" + BODY),
                file("four.irqtopo", "package dev.other;\nplatform Twin" + BODY));
        assertThat(result.files()).isEmpty();
        assertThat(result.sources().get(0).diagnostics()).isEmpty();
        assertThat(result.sources().get(1).diagnostics().get(0).headline()).isEqualTo("two.irqtopo:2:10: error: platform"
                + " 'Twin' is declared in package dev.same already, at one.irqtopo:1:10 [IRQ010]");
        assertThat(result.sources().get(2).diagnostics().get(0).headline()).isEqualTo("three.irqtopo:1:10: error: 'TWIN'"
                + " and 'Twin' (at one.irqtopo:1:10) become the Java classes Twin and Twin of package dev.same, which"
                + " differ only in case [IRQ012]");
        assertThat(result.sources().get(3).diagnostics()).isEmpty();
    }

    @Test
    void classesWhosePackagesDifferOnlyInCaseAreIrq012() {
        CompileResult result = generate(Optional.empty(), false,
                file("one.irqtopo", "package dev.kase.a;\nplatform Twin" + BODY),
                file("two.irqtopo", "package dev.Kase.a;\nplatform twin" + BODY));
        assertThat(result.files()).isEmpty();
        assertThat(result.sources().get(1).diagnostics().get(0).headline()).isEqualTo("two.irqtopo:2:10: error: 'twin' and"
                + " 'Twin' (at one.irqtopo:2:10) become the Java classes dev.kase.a.Twin and dev.Kase.a.Twin, whose files"
                + " differ only in case [IRQ012]");
    }

    @Test
    void aClassNamedLikeAPackageOfAnotherFileIsIrq052WhicheverComesFirst() {
        CompileResult classLater = generate(Optional.empty(), false,
                file("one.irqtopo", "package dev.p.Q.r;\nplatform S" + BODY),
                file("two.irqtopo", "package dev.p;\nplatform q" + BODY));
        assertThat(classLater.files()).isEmpty();
        assertThat(classLater.sources().get(0).diagnostics()).isEmpty();
        assertThat(classLater.sources().get(1).diagnostics().get(0).headline()).isEqualTo("two.irqtopo:2:10: error: 'q'"
                + " would become the class dev.p.Q, but dev.p.Q is a package: platform 'S' (at one.irqtopo:2:10) goes"
                + " into dev.p.Q.r, and javac refuses a class and a package of the same name [IRQ052]");

        CompileResult packageLater = generate(Optional.of("dev.p.Q.r"), false,
                file("one.irqtopo", "package dev.p;\nplatform q" + BODY),
                file("two.irqtopo", "platform S" + BODY));
        assertThat(packageLater.sources().get(1).diagnostics().get(0).headline()).isEqualTo("two.irqtopo:1:10: error: 'S'"
                + " goes into package dev.p.Q.r, below dev.p.Q, but dev.p.Q is the class of platform 'q' (at"
                + " one.irqtopo:2:10), and javac refuses a class and a package of the same name [IRQ052]");

        // a class beside a package that differs from it in case is fine: javac and file systems tell them apart
        assertThat(generate(Optional.empty(), false, file("one.irqtopo", "package dev.p.q;\nplatform S" + BODY),
                file("two.irqtopo", "package dev.p;\nplatform q" + BODY)).hasErrors()).isFalse();
    }

    @Test
    void theSameInputGivesTheSameBytes() {
        String text = "package dev.r;\nplatform R \"r\" {\n    cpu x86 { cpus 2; }\n    hypervisor kvm { traps msix, msi; }\n"
                + "    bus pci0 { device nic 01:00.0 { msix 4; ims device 8; } }\n"
                + "    guest vm { cpus 1; assign nic; stack nic.ims: vector -> ims; stack nic.msix: vector -> msix; }\n}\n";
        CompileResult first = generate(Optional.empty(), false, file("/home/a/r.irqtopo", text));
        CompileResult second = generate(Optional.empty(), false, file("other/dir/r.irqtopo", text));
        assertThat(first.files()).hasSize(1);
        assertThat(second.files()).isEqualTo(first.files());
        assertThat(first.files().get(0).content()).contains("comments = \"r.irqtopo\"");
    }

    @Test
    void theGeneratedAnnotationNamesTheFileInAscii() {
        CompileResult result = generate(Optional.empty(), false, file("d\u00e9j\u00e0 \"vu\".irqtopo",
                "package dev.u;\nplatform U \"caf\u00e9 */ \\\\u0041\"" + BODY));
        String content = result.files().get(0).content();
        assertThat(content).contains("comments = \"d\\u00e9j\\u00e0 \\\"vu\\\".irqtopo\"");
        assertThat(content).contains("Platform {@code U}: caf&#233; &#42;/ &#92;u0041.");
        assertThat(content.chars().allMatch(c -> c < 0x80)).isTrue();
    }
}
