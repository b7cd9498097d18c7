package dev.irqtopo.compiler;

import dev.irqtopo.compiler.ast.DeviceDecl;
import dev.irqtopo.compiler.ast.GuestDecl;
import dev.irqtopo.compiler.ast.IrqtopoFile;
import dev.irqtopo.compiler.ast.Name;
import dev.irqtopo.compiler.ast.Platform;
import dev.irqtopo.compiler.diag.Diagnostic;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.compiler.diag.Severity;
import dev.irqtopo.compiler.naming.GeneratedNames;
import dev.irqtopo.compiler.emit.JavaEmitter;
import dev.irqtopo.compiler.parse.SourceParser;
import dev.irqtopo.model.PlatformModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
        ClassesOfRun classes = new ClassesOfRun();
        for (SourceFile source : request.sources()) {
            CheckResult checked = Compiler.check(new CheckRequest(source, request.packageName()));
            checks.add(checked.hasErrors() ? checked : generationChecks(checked, classes));
        }
        GenerateResult unemitted = new GenerateResult(checks, List.of(), request.failOnWarning());
        if (unemitted.hasErrors()) {
            return unemitted;
        }
        List<GeneratedFile> files = new ArrayList<>();
        for (CheckResult check : checks) {
            for (PlatformModel platform : check.platforms()) {
                String path = platform.javaPackage().replace('.', '/') + "/"
                        + GeneratedNames.platformClass(platform.name()) + ".java";
                String source = JavaEmitter.emit(platform, fileName(check.source().name())).toString();
                files.add(new GeneratedFile(path, source));
            }
        }
        files.sort(Comparator.comparing(GeneratedFile::relativePath));
        return new GenerateResult(checks, files, request.failOnWarning());
    }

    /** The file's check with IRQ050, IRQ051 and collisions with other files' platforms added; without platforms if any. */
    private static CheckResult generationChecks(CheckResult checked, ClassesOfRun classes) {
        SourceFile source = checked.source();
        Positions positions = new Positions(source);
        List<Diagnostic> added = new ArrayList<>();
        for (PlatformModel platform : checked.platforms()) {
            if (platform.javaPackage().isEmpty()) {
                added.add(at(GenerationCode.IRQ050, source, positions.platform(platform.name()).name(), "platform '"
                        + platform.name() + "' has no package for its generated code: add a package line to the file,"
                        + " or give the generator a package"));
            } else {
                classes.add(new ClassesOfRun.Declared(source, platform.name(), platform.javaPackage()))
                        .map(collision -> collision(collision, platform, source, positions))
                        .ifPresent(added::add);
            }
            for (GeneratedNames.Clash clash : GeneratedNames.clashes(platform)) {
                added.add(at(GenerationCode.IRQ051, source, name(positions.platform(platform.name()), clash), "'"
                        + clash.name() + "' would become " + clash.identifier()
                        + ", which the generated code already has as " + clash.takenBy()));
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

    /**
     * The diagnostic for a platform that collides with another file's: IRQ010 for the same class,
     * IRQ012 for classes whose files differ only in case, IRQ052 for a class named like a package.
     */
    private static Diagnostic collision(ClassesOfRun.Collision collision, PlatformModel platform, SourceFile source,
                                        Positions positions) {
        ClassesOfRun.Declared earlier = collision.earlier();
        Name name = positions.platform(platform.name()).name();
        String where = earlier.source().name() + ":" + new Positions(earlier.source()).platform(earlier.platform()).name().pos();
        String className = GeneratedNames.platformClass(platform.name());
        String qualified = platform.javaPackage() + "." + className;
        return switch (collision.kind()) {
            case SAME_CLASS -> at(DiagnosticCode.IRQ010.severity(), DiagnosticCode.IRQ010.name(), source, name,
                    "platform '" + platform.name() + "' is declared in package " + platform.javaPackage()
                            + " already, at " + where);
            case CASE -> at(DiagnosticCode.IRQ012.severity(), DiagnosticCode.IRQ012.name(), source, name,
                    "'" + platform.name() + "' and '" + earlier.platform() + "' (at " + where + ") become the Java classes "
                            + (earlier.javaPackage().equals(platform.javaPackage())
                                    ? earlier.className() + " and " + className + " of package " + platform.javaPackage()
                                    + ", which differ only in case"
                                    : earlier.qualifiedName() + " and " + qualified + ", whose files differ only in case"));
            case CLASS_IS_PACKAGE -> at(GenerationCode.IRQ052, source, name, "'" + platform.name() + "' would become the"
                    + " class " + qualified + ", but " + qualified + " is a package: platform '" + earlier.platform()
                    + "' (at " + where + ") goes into " + earlier.javaPackage() + ", and javac refuses a class and a"
                    + " package of the same name");
            case PACKAGE_IS_CLASS -> at(GenerationCode.IRQ052, source, name, "'" + platform.name() + "' goes into package "
                    + platform.javaPackage() + (collision.name().equals(platform.javaPackage()) ? "" : ", below "
                    + collision.name()) + ", but " + collision.name() + " is the class of platform '" + earlier.platform()
                    + "' (at " + where + "), and javac refuses a class and a package of the same name");
        };
    }

    /** Where a checked file declares its names: parsed again only when a diagnostic needs a position. */
    private static final class Positions {
        private final SourceFile source;
        private IrqtopoFile ast;

        Positions(SourceFile source) {
            this.source = source;
        }

        Platform platform(String name) {
            if (ast == null) {
                ast = SourceParser.parse(source).file().orElseThrow();
            }
            return ast.platforms().stream().filter(p -> p.name().text().equals(name)).findFirst().orElseThrow();
        }
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
