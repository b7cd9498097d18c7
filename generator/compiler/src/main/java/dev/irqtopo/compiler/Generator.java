package dev.irqtopo.compiler;

import dev.irqtopo.compiler.ast.DeviceDecl;
import dev.irqtopo.compiler.ast.GuestDecl;
import dev.irqtopo.compiler.ast.IrqtopoFile;
import dev.irqtopo.compiler.ast.Name;
import dev.irqtopo.compiler.ast.Platform;
import dev.irqtopo.compiler.diag.Diagnostic;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.compiler.diag.Severity;
import dev.irqtopo.compiler.emit.GeneratedNames;
import dev.irqtopo.compiler.emit.JavaEmitter;
import dev.irqtopo.compiler.naming.Naming;
import dev.irqtopo.compiler.parse.SourceParser;
import dev.irqtopo.model.PlatformModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The generator's one entry point, shared by {@code irqtopo generate}, the Maven plugin and the tests:
 * check every file, add the diagnostics that only generation has (see {@link GenerationCode}), and
 * when nothing failed, emit one Java source per platform. User mistakes are diagnostics, never
 * exceptions; nothing here touches the file system.
 */
public final class Generator {

    private Generator() {
    }

    public static GenerateResult generate(GenerateRequest request) {
        List<CheckResult> checks = new ArrayList<>();
        Map<String, Declared> platformsByClass = new HashMap<>();
        for (SourceFile source : request.sources()) {
            CheckResult checked = Compiler.check(new CheckRequest(source, request.packageName()));
            checks.add(checked.hasErrors() ? checked : generationChecks(checked, platformsByClass));
        }
        GenerateResult unemitted = new GenerateResult(checks, List.of(), request.failOnWarning());
        if (unemitted.hasErrors()) {
            return unemitted;
        }
        List<GeneratedFile> files = new ArrayList<>();
        for (CheckResult check : checks) {
            for (PlatformModel platform : check.platforms()) {
                files.add(new GeneratedFile(
                        platform.javaPackage().replace('.', '/') + "/" + GeneratedNames.platformClass(platform.name()) + ".java",
                        JavaEmitter.emit(platform, fileName(check.source().name())).toString()));
            }
        }
        files.sort(Comparator.comparing(GeneratedFile::relativePath));
        return new GenerateResult(checks, files, request.failOnWarning());
    }

    /** A platform already seen, by package and class, to find the same class declared in two files. */
    private record Declared(String file, Name name) {
    }

    /** The file's check with IRQ050, IRQ051 and cross-file duplicates added; without platforms if any. */
    private static CheckResult generationChecks(CheckResult checked, Map<String, Declared> platformsByClass) {
        SourceFile source = checked.source();
        List<Diagnostic> added = new ArrayList<>();
        // the file parsed once already, but positions are only in its syntax tree
        IrqtopoFile ast = checked.platforms().isEmpty() ? null : SourceParser.parse(source).file().orElseThrow();
        for (PlatformModel platform : checked.platforms()) {
            boolean noPackage = platform.javaPackage().isEmpty();
            Platform declared = declaration(ast, platform.name());
            if (noPackage) {
                added.add(at(GenerationCode.IRQ050, source, declared.name(), "platform '" + platform.name()
                        + "' has no package for its generated code: add a package line to the file, or give the"
                        + " generator a package"));
            }
            for (GeneratedNames.Clash clash : GeneratedNames.clashes(platform)) {
                added.add(at(GenerationCode.IRQ051, source, name(declared, clash), "'" + clash.name() + "' would become "
                        + clash.identifier() + ", which the generated code already has as " + clash.takenBy()));
            }
            if (!noPackage) {
                duplicate(platform, declared.name(), source, platformsByClass).ifPresent(added::add);
            }
        }
        if (added.isEmpty()) {
            return checked;
        }
        List<Diagnostic> diagnostics = new ArrayList<>(checked.diagnostics());
        diagnostics.addAll(added);
        diagnostics.sort(Diagnostic.ORDER);
        return new CheckResult(source, diagnostics, List.of());
    }

    /** IRQ010 or IRQ012 when another file of this run declared the platform's class in the same package. */
    private static Optional<Diagnostic> duplicate(PlatformModel platform, Name name, SourceFile source,
                                                            Map<String, Declared> platformsByClass) {
        String className = GeneratedNames.platformClass(platform.name());
        String key = platform.javaPackage() + "." + Naming.collisionKey(className);
        Declared earlier = platformsByClass.putIfAbsent(key, new Declared(source.name(), name));
        if (earlier == null || earlier.file().equals(source.name())) {
            return Optional.empty();
        }
        String where = earlier.file() + ":" + earlier.name().pos();
        if (earlier.name().text().equals(platform.name())) {
            return Optional.of(at(DiagnosticCode.IRQ010.severity(), DiagnosticCode.IRQ010.name(), source, name,
                    "platform '" + platform.name() + "' is declared in package " + platform.javaPackage()
                            + " already, at " + where));
        }
        return Optional.of(at(DiagnosticCode.IRQ012.severity(), DiagnosticCode.IRQ012.name(), source, name,
                "'" + platform.name() + "' and '" + earlier.name().text() + "' (at " + where + ") become the Java classes "
                        + GeneratedNames.platformClass(earlier.name().text()) + " and " + className
                        + " of package " + platform.javaPackage() + ", which differ only in case"));
    }

    private static Platform declaration(IrqtopoFile ast, String platform) {
        return ast.platforms().stream().filter(p -> p.name().text().equals(platform)).findFirst().orElseThrow();
    }

    /** Where a clashing name is declared. */
    private static Name name(Platform platform, GeneratedNames.Clash clash) {
        return switch (clash.kind()) {
            case PLATFORM -> platform.name();
            case GUEST -> platform.guests().stream().map(GuestDecl::name)
                    .filter(n -> n.text().equals(clash.name())).findFirst().orElseThrow();
            case DEVICE -> platform.devices().stream().map(DeviceDecl::name)
                    .filter(n -> n.text().equals(clash.name())).findFirst().orElseThrow();
        };
    }

    private static Diagnostic at(GenerationCode code, SourceFile source, Name name, String message) {
        return code.at(source.name(), name.pos().line(), name.pos().column(), message);
    }

    private static Diagnostic at(Severity severity, String code, SourceFile source, Name name,
                                 String message) {
        return new Diagnostic(source.name(), name.pos().line(), name.pos().column(), severity, code, message);
    }

    /** The file's own name without directories: what {@code @Generated} records, the same on every machine. */
    static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }
}
