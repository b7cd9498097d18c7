package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.Platform;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.compiler.naming.GeneratedNames;
import dev.irqtopo.model.PlatformDesign;

/**
 * IRQ010 and IRQ012 across the files of a generation run: two files' platforms whose classes would be
 * one source file. The same platform in the same package is IRQ010, as within a file; classes whose
 * paths differ only in case, package directories included ({@code a.b.X} and {@code a.B.X}), are IRQ012,
 * as they would overwrite each other on a case-insensitive file system.
 */
final class ClassCollisionRule implements GenerationRule {

    @Override
    public void check(Platform declared, PlatformDesign model, GenerationRun run, Report report) {
        run.collision(declared).ifPresent(collision -> {
            ClassesOfRun.Declared earlier = collision.earlier();
            String className = GeneratedNames.platformClass(model.name());
            switch (collision.kind()) {
                case SAME_CLASS -> report.add(DiagnosticCode.IRQ010, declared.name().pos(), "platform '"
                        + model.name() + "' is declared in package " + model.javaPackage() + " already, at "
                        + earlier.where());
                case CASE -> report.add(DiagnosticCode.IRQ012, declared.name().pos(), "'" + model.name() + "' and '"
                        + earlier.platform() + "' (at " + earlier.where() + ") become the Java classes "
                        + (earlier.javaPackage().equals(model.javaPackage())
                                ? earlier.className() + " and " + className + " of package " + model.javaPackage()
                                + ", which differ only in case"
                                : earlier.qualifiedName() + " and " + model.javaPackage() + "." + className
                                + ", whose files differ only in case"));
                default -> {
                    // a class named like a package is IRQ052's
                }
            }
        });
    }
}
