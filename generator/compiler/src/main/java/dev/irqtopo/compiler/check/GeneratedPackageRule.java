package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.Platform;
import dev.irqtopo.compiler.diag.GenerationCode;
import dev.irqtopo.model.PlatformDesign;

/**
 * IRQ050: generated code needs a package, from the file's {@code package} line or from the run (the
 * command line's {@code --package}, the Maven plugin's {@code packageName}); a class in the unnamed
 * package cannot be imported from anywhere else.
 */
final class GeneratedPackageRule implements GenerationRule {

    @Override
    public void check(Platform declared, PlatformDesign model, GenerationRun run, Report report) {
        if (model.javaPackage().isEmpty()) {
            report.add(GenerationCode.IRQ050, declared.name().pos(), "platform '" + model.name()
                    + "' has no package for its generated code: add a package line to the file, or give the"
                    + " generator a package");
        }
    }
}
