package dev.irqtopo.compiler;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Diagnostics for tools: the JSON array of {@code check --format json} and the SARIF log, checked against its schema. */
class DiagnosticReportsTest {

    private static final String WITH_ERRORS = """
            platform P {
                cpu x86 { cpus 2; }
                bus pci0 { device nic 01:00.0 { msix 4; } }
                host { stack nci.msix: vector -> msix; }
                guest vm0 { cpus 1; }
            }
            """;

    private static Schema sarifSchema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = DiagnosticReportsTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            sarifSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(in, InputFormat.JSON);
        }
    }

    private static List<SourceResult> check(String name, String text) {
        return Compiler.compile(CompileRequest.check(new SourceFile(name, text))).sources();
    }

    private static void assertValidSarif(String log) {
        List<Error> errors = sarifSchema.validate(log, InputFormat.JSON);
        assertWithMessage("SARIF log:%n%s", log).that(errors.stream().map(Error::toString).toList()).isEmpty();
    }

    @Test
    void jsonHasOneObjectPerDiagnosticWithTheEndOfItsToken() {
        String json = DiagnosticReports.json(check("t.irqtopo", WITH_ERRORS));
        assertThat(json).isEqualTo("""
                [
                  {"file": "t.irqtopo", "line": 4, "column": 18, "end": {"line": 4, "column": 21}, \
                "severity": "error", "code": "IRQ011", "message": "unknown device 'nci': did you mean 'nic'?"},
                  {"file": "t.irqtopo", "line": 5, "column": 11, "end": {"line": 5, "column": 14}, \
                "severity": "error", "code": "IRQ031", "message": "guest vm0 needs a hypervisor block in its platform"}
                ]
                """);
    }

    @Test
    void jsonOfNoDiagnosticsIsAnEmptyArray() {
        assertThat(DiagnosticReports.json(check("t.irqtopo", "platform P { cpu x86 { cpus 1; } }"))).isEqualTo("[]\n");
    }

    @Test
    void jsonEscapesWhatJsonMust() {
        String json = DiagnosticReports.json(check("a \"b\"\\c.irqtopo", "platform P \"x\\q\" { }"));
        assertThat(json).contains("\"file\": \"a \\\"b\\\"\\\\c.irqtopo\"");
        assertThat(json).contains("\"message\": \"unknown escape '\\\\q' in string: only \\\\\\\" and \\\\\\\\ are escapes\"");
    }

    @Test
    void sarifNamesEveryCodeUsedAsARuleAndEveryDiagnosticAsAResult() {
        String log = DiagnosticReports.sarif(check("designs/t.irqtopo", WITH_ERRORS), "1.2.3", Optional.of(Path.of("")));
        assertValidSarif(log);
        assertThat(log).contains("\"version\": \"2.1.0\"");
        assertThat(log).contains("\"name\": \"irqtopo\"");
        assertThat(log).contains("\"version\": \"1.2.3\"");
        assertThat(log).contains("{\"id\": \"IRQ011\", \"shortDescription\": {\"text\": \"unknown name\"}, "
                + "\"defaultConfiguration\": {\"level\": \"error\"}}");
        assertThat(log).contains("{\"id\": \"IRQ031\", \"shortDescription\": {\"text\": \"guest without a hypervisor\"}");
        assertThat(log).contains("\"ruleId\": \"IRQ031\",\n          \"ruleIndex\": 1,\n          \"level\": \"error\"");
        assertThat(log).contains("\"artifactLocation\": {\"uri\": \"designs/t.irqtopo\", \"uriBaseId\": \"%SRCROOT%\"}, "
                + "\"region\": {\"startLine\": 4, \"startColumn\": 18, \"endLine\": 4, \"endColumn\": 21}");
        assertThat(log).contains("\"%SRCROOT%\": {\"uri\": \"" + Path.of("").toAbsolutePath().toUri());
    }

    @Test
    void sarifOfWarningsAndOfNothingIsValid() {
        String warnings = """
                platform P {
                    cpu x86 { cpus 2; }
                    iommu vtd dmar0 { remapping off; }
                    bus pci0 { device nic 01:00.0 { msi 4; } }
                    host { stack nic.msi: vector -> msi alloc 4; }
                }
                """;
        String log = DiagnosticReports.sarif(check("w.irqtopo", warnings), "0.1.0", Optional.empty());
        assertValidSarif(log);
        assertThat(log).contains("\"level\": \"warning\"");
        String none = DiagnosticReports.sarif(List.of(), "0.1.0", Optional.empty());
        assertValidSarif(none);
        assertThat(none).contains("\"rules\": []");
        assertThat(none).contains("\"results\": []");
    }

    @Test
    void sarifOfGenerationCodesAndOddFileNamesIsValid() {
        CompileResult generated = Compiler.compile(CompileRequest.generate(List.of(
                new SourceFile("d\u00e9j\u00e0 vu/x:y.irqtopo", "platform P { cpu x86 { cpus 1; } }"))));
        String log = DiagnosticReports.sarif(generated.sources(), "0.1.0", Optional.empty());
        assertValidSarif(log);
        assertThat(log).contains("{\"id\": \"IRQ050\", \"shortDescription\": {\"text\": \"no package for generated code\"}");
        assertThat(log).contains("\"uri\": \"d%C3%A9j%C3%A0%20vu/x:y.irqtopo\"");
    }

    @Test
    void sarifNamesAFileOutsideTheBaseByItsAbsoluteUri() {
        Path outside = Path.of("").toAbsolutePath().getRoot().resolve("elsewhere").resolve("t.irqtopo");
        String log = DiagnosticReports.sarif(check(outside.toString(), WITH_ERRORS), "0.1.0",
                Optional.of(Path.of("").toAbsolutePath().resolve("sub")));
        assertValidSarif(log);
        assertThat(log).contains("\"uri\": \"" + outside.toUri().toASCIIString() + "\"");
    }

    @Test
    void theSchemaRefusesWhatIsNotSarif() {
        assertThat(sarifSchema.validate("{\"version\": \"2.1.0\", \"runs\": [{\"results\": []}]}", InputFormat.JSON))
                .isNotEmpty();
    }
}
