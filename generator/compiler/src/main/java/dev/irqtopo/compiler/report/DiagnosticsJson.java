package dev.irqtopo.compiler.report;

import dev.irqtopo.compiler.diag.Diagnostic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code check --format json}: a JSON array with one object per diagnostic, in the order given:
 * {@code file}, {@code line}, {@code column}, {@code end} ({@code line} and {@code column} just after
 * the offending token), {@code severity} ({@code error} or {@code warning}), {@code code} and
 * {@code message}.
 */
public final class DiagnosticsJson {

    private DiagnosticsJson() {
    }

    public static String render(List<LocatedDiagnostic> diagnostics) {
        return Json.write(diagnostics.stream().map(DiagnosticsJson::object).toList());
    }

    private static Map<String, Object> object(LocatedDiagnostic located) {
        Diagnostic d = located.diagnostic();
        Map<String, Object> end = new LinkedHashMap<>();
        end.put("line", located.end().line());
        end.put("column", located.end().column());
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("file", d.file());
        object.put("line", d.line());
        object.put("column", d.column());
        object.put("end", end);
        object.put("severity", d.severity().word());
        object.put("code", d.code());
        object.put("message", d.message());
        return object;
    }
}
