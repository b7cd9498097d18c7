package dev.irqtopo.compiler;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.compiler.TestSources.check;
import static dev.irqtopo.compiler.TestSources.positions;

import dev.irqtopo.compiler.diag.Diagnostic;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The facade: any text gives a result, sorted diagnostics, and models only without errors. */
class CompilerTest {

    private static final String VALID = """
            platform P {
                cpu x86 { cpus 2; }
                iommu vtd dmar0 { }
                bus pci0 { device nic 01:00.0 { msix 4; } }
                host { stack nic.msix: vector -> msix; }
            }
            """;

    @Test
    void warningsDoNotStopModels() {
        SourceResult result = check(VALID);
        assertThat(positions(result.diagnostics())).containsExactly("5:12 IRQ103");
        assertThat(result.hasErrors()).isFalse();
        assertThat(result.platforms()).hasSize(1);
    }

    @Test
    void errorsMeanNoModels() {
        SourceResult result = check(VALID.replace("cpus 2", "cpus 0"));
        assertThat(result.hasErrors()).isTrue();
        assertThat(result.platforms()).isEmpty();
    }

    @Test
    void aStackWithAnErrorGetsNoWarnings() {
        // the stack is still without remap behind dmar0, but its alloc is out of range
        assertThat(positions(VALID.replace("-> msix;", "-> msix alloc 0;"))).containsExactly("5:49 IRQ020");
    }

    @Test
    void afterASyntaxErrorOnlySyntaxErrors() {
        String text = VALID.replace("cpus 2;", "cpus 0;").replace("device nic", "device queue")
                .replace("{ msix 4; }", "{ msix 4 }");
        assertThat(positions(text)).containsExactly("4:46 IRQ001");
    }

    @Test
    void diagnosticsAreSortedByLineColumnAndCode() {
        String text = """
                platform P {
                    cpu x86 { cpus 2; }
                    bus pci0 { device a 01:00.0 { msi 4; } }
                    guest g { }
                    host { stack a.msi: vector -> msi alloc 2; stack a.msi: hcall; }
                }
                """;
        SourceResult result = check(text);
        assertThat(positions(result.diagnostics())).containsExactly(
                "4:11 IRQ030", "4:11 IRQ031", "5:12 IRQ104", "5:54 IRQ044", "5:61 IRQ035", "5:61 IRQ038").inOrder();
        assertThat(result.diagnostics()).isInOrder(Diagnostic.ORDER);
    }

    @Test
    void theResultKeepsTheSyntaxTreeOfAFileThatParsed() {
        assertThat(check(VALID).ast().orElseThrow().platforms().get(0).name().text()).isEqualTo("P");
        assertThat(check(VALID.replace("cpus 2", "cpus 0")).ast()).isPresent();
        assertThat(check("platform P {").ast()).isEmpty();
    }

    @Test
    void aCheckLeavesWhatOnlyGenerationConcernsAndWritesNothing() {
        SourceFile bare = new SourceFile("bare.irqtopo", "platform hardware { cpu x86 { cpus 1; } }\n");
        CompileResult checked = Compiler.compile(CompileRequest.check(bare));
        assertThat(checked.diagnostics()).isEmpty();
        assertThat(checked.platforms()).hasSize(1);
        assertThat(checked.files()).isEmpty();
        // no package, and a class named like the nested Hardware: what generating would make of it
        assertThat(positions(Compiler.compile(CompileRequest.generate(bare)).diagnostics()))
                .containsExactly("1:10 IRQ050", "1:10 IRQ051").inOrder();
    }

    @Test
    void packageFromTheFileThenTheRequestThenNone() {
        SourceFile withPackage = new SourceFile("a.irqtopo", "package a.b;\n" + VALID);
        SourceFile without = new SourceFile("b.irqtopo", VALID);
        assertThat(Compiler.compile(CompileRequest.check(withPackage).withPackage(Optional.of("x.y"))).platforms().get(0).javaPackage())
                .isEqualTo("a.b");
        assertThat(Compiler.compile(CompileRequest.check(without).withPackage(Optional.of("x.y"))).platforms().get(0).javaPackage())
                .isEqualTo("x.y");
        assertThat(Compiler.compile(CompileRequest.check(without)).platforms().get(0).javaPackage()).isEmpty();
    }

    @Test
    void diagnosticsNameTheFileAsGiven() {
        SourceResult result = Compiler.compile(CompileRequest.check(new SourceFile("dir/../x.irqtopo", ""))).sources().get(0);
        assertThat(result.diagnostics().get(0).file()).isEqualTo("dir/../x.irqtopo");
        assertThat(result.diagnostics().get(0).message()).isEqualTo("expected 'package' or 'platform'");
    }

    @Test
    void numbersBeyondSixtyFourBitsAreRangeErrors() {
        String huge = "1" + "0".repeat(40);
        assertThat(positions("platform P { cpu x86 { cpus " + huge + "; } }")).containsExactly("1:29 IRQ020");
        assertThat(positions("platform P { cpu x86 { cpus 1; } bus b { device d 01:00.0 { msix 1; } }"
                + " host { stack d.msix: vector -> msix alloc 0x" + "f".repeat(30) + "; } }"))
                .containsExactly("1:115 IRQ020");
        assertThat(positions("platform P { cpu x86 { cpus 1; } bus b { device d 1" + "0".repeat(30) + ":00.0 { } } }"))
                .containsExactly("1:51 IRQ020");
    }

    @Test
    void binaryLookingTextGivesDiagnostics() {
        SourceResult result = check("\u0000\u0001\uFFFD\u00ff platform \u0007");
        assertThat(result.hasErrors()).isTrue();
        assertThat(result.diagnostics().get(0).line()).isEqualTo(1);
    }

    @Test
    void deepNestingAndLongInputGiveDiagnostics() {
        assertThat(check("platform P " + "{".repeat(20_000)).hasErrors()).isTrue();
        assertThat(check("platform P { bus b { " + "device d 01:00.0 { } ".repeat(5_000) + "} }").hasErrors()).isTrue();
    }
}
