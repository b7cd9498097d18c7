package dev.irqtopo.compiler.report;

import dev.irqtopo.compiler.diag.Diagnostic;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.compiler.diag.GenerationCode;
import dev.irqtopo.compiler.diag.Severity;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Diagnostics as a SARIF 2.1.0 log, which CI code scanning shows on the lines they concern: one run,
 * whose tool driver is irqtopo with its version and one rule per code used (its title as the short
 * description, its severity as the default level), and one result per diagnostic with its rule, level,
 * message and the range of its offending token. Columns count code points, as the diagnostics do.
 * A file under the base directory is named by a path relative to it ({@code %SRCROOT%}, which the log
 * defines), any other by its absolute {@code file:} URI.
 */
public final class SarifLog {

    static final String SOURCE_ROOT = "%SRCROOT%";

    private SarifLog() {
    }

    /**
     * @param toolVersion   irqtopo's version, for the tool driver
     * @param baseDirectory where relative names start, usually the directory the build or command ran in
     */
    public static String render(List<LocatedDiagnostic> diagnostics, String toolVersion, Optional<Path> baseDirectory) {
        List<String> codes = new ArrayList<>(new TreeSet<>(diagnostics.stream().map(d -> d.diagnostic().code()).toList()));
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "irqtopo");
        driver.put("version", toolVersion);
        driver.put("rules", codes.stream().map(SarifLog::rule).toList());

        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        baseDirectory.ifPresent(base -> run.put("originalUriBaseIds",
                Map.of(SOURCE_ROOT, Map.of("uri", directoryUri(base)))));
        run.put("columnKind", "unicodeCodePoints");
        run.put("results", diagnostics.stream().map(d -> result(d, codes, baseDirectory)).toList());

        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        log.put("version", "2.1.0");
        log.put("runs", List.of(run));
        return Json.write(log);
    }

    private static Map<String, Object> rule(String code) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("id", code);
        rule.put("shortDescription", Map.of("text", title(code)));
        rule.put("defaultConfiguration", Map.of("level", level(severity(code))));
        return rule;
    }

    private static Map<String, Object> result(LocatedDiagnostic located, List<String> codes, Optional<Path> base) {
        Diagnostic d = located.diagnostic();
        Map<String, Object> region = new LinkedHashMap<>();
        region.put("startLine", d.line());
        region.put("startColumn", d.column());
        region.put("endLine", located.end().line());
        region.put("endColumn", located.end().column());
        Map<String, Object> physical = new LinkedHashMap<>();
        physical.put("artifactLocation", artifact(d.file(), base));
        physical.put("region", region);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ruleId", d.code());
        result.put("ruleIndex", codes.indexOf(d.code()));
        result.put("level", level(d.severity()));
        result.put("message", Map.of("text", d.message()));
        result.put("locations", List.of(Map.of("physicalLocation", physical)));
        return result;
    }

    /** The file relative to the base, or its absolute URI; a name that is no path is written as it is. */
    static Map<String, Object> artifact(String file, Optional<Path> base) {
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            return Map.of("uri", relativeUri(file));
        }
        Path absolute = path.toAbsolutePath().normalize();
        if (base.isPresent() && absolute.startsWith(base.get().toAbsolutePath().normalize())) {
            Path relative = base.get().toAbsolutePath().normalize().relativize(absolute);
            Map<String, Object> location = new LinkedHashMap<>();
            location.put("uri", relativeUri(relative.toString().replace(java.io.File.separatorChar, '/')));
            location.put("uriBaseId", SOURCE_ROOT);
            return location;
        }
        return Map.of("uri", path.isAbsolute() || base.isPresent() ? absolute.toUri().toASCIIString()
                : relativeUri(file.replace(java.io.File.separatorChar, '/')));
    }

    private static String relativeUri(String path) {
        String safe = path.indexOf(':') >= 0 && (path.indexOf('/') < 0 || path.indexOf(':') < path.indexOf('/'))
                ? "./" + path : path;
        try {
            return new URI(null, null, safe, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("a path with no scheme is always a URI reference: " + path, e);
        }
    }

    private static String directoryUri(Path base) {
        String uri = base.toAbsolutePath().normalize().toUri().toASCIIString();
        return uri.endsWith("/") ? uri : uri + "/";
    }

    private static String level(Severity severity) {
        return severity == Severity.ERROR ? "error" : "warning";
    }

    private static Severity severity(String code) {
        return generationCode(code).map(GenerationCode::severity).orElseGet(() -> DiagnosticCode.valueOf(code).severity());
    }

    private static String title(String code) {
        return generationCode(code).map(GenerationCode::title).orElseGet(() -> DiagnosticCode.valueOf(code).title());
    }

    private static Optional<GenerationCode> generationCode(String code) {
        for (GenerationCode c : GenerationCode.values()) {
            if (c.name().equals(code)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
