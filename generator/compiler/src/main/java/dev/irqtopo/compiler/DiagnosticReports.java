package dev.irqtopo.compiler;

import dev.irqtopo.compiler.diag.Diagnostic;
import dev.irqtopo.compiler.diag.Position;
import dev.irqtopo.compiler.parse.TokenEnds;
import dev.irqtopo.compiler.report.DiagnosticsJson;
import dev.irqtopo.compiler.report.LocatedDiagnostic;
import dev.irqtopo.compiler.report.SarifLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The diagnostics of compiled files for tools rather than people: as a JSON array
 * ({@code check --format json}) or as a SARIF 2.1.0 log ({@code check --format sarif}, and the Maven
 * plugin's {@code sarifFile}). Each diagnostic gets the end of its offending token, found by lexing its
 * file once.
 */
public final class DiagnosticReports {

    private DiagnosticReports() {
    }

    public static String json(List<SourceResult> results) {
        return DiagnosticsJson.render(located(results));
    }

    /**
     * @param toolVersion   irqtopo's version
     * @param baseDirectory files under it are named relative to it
     */
    public static String sarif(List<SourceResult> results, String toolVersion, Optional<Path> baseDirectory) {
        return SarifLog.render(located(results), toolVersion, baseDirectory);
    }

    static List<LocatedDiagnostic> located(List<SourceResult> results) {
        List<LocatedDiagnostic> located = new ArrayList<>();
        for (SourceResult result : results) {
            if (result.diagnostics().isEmpty()) {
                continue;
            }
            TokenEnds ends = TokenEnds.of(result.source().text());
            for (Diagnostic d : result.diagnostics()) {
                located.add(new LocatedDiagnostic(d, ends.end(new Position(d.line(), d.column()))));
            }
        }
        return located;
    }
}
