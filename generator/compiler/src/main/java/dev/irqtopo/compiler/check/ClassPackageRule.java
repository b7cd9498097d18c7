package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.Platform;
import dev.irqtopo.compiler.diag.GenerationCode;
import dev.irqtopo.compiler.naming.GeneratedNames;
import dev.irqtopo.model.PlatformDesign;

/**
 * IRQ052: a platform's class with the qualified name of a package that a platform of an earlier file
 * goes into (or of a package above it), or a platform whose package is named like an earlier file's
 * class: {@code package p; platform q} in one file and {@code package p.Q;} in another. javac refuses
 * a class and a package of the same name. Reported in the later file, whichever of the two it holds.
 */
final class ClassPackageRule implements GenerationRule {

    @Override
    public void check(Platform declared, PlatformDesign model, GenerationRun run, Report report) {
        run.collision(declared).ifPresent(collision -> {
            ClassesOfRun.Declared earlier = collision.earlier();
            String qualified = model.javaPackage() + "." + GeneratedNames.platformClass(model.name());
            switch (collision.kind()) {
                case CLASS_IS_PACKAGE -> report.add(GenerationCode.IRQ052, declared.name().pos(), "'" + model.name()
                        + "' would become the class " + qualified + ", but " + qualified + " is a package: platform '"
                        + earlier.platform() + "' (at " + earlier.where() + ") goes into " + earlier.javaPackage()
                        + ", and javac refuses a class and a package of the same name");
                case PACKAGE_IS_CLASS -> report.add(GenerationCode.IRQ052, declared.name().pos(), "'" + model.name()
                        + "' goes into package " + model.javaPackage() + (collision.name().equals(model.javaPackage())
                                ? "" : ", below " + collision.name()) + ", but " + collision.name()
                        + " is the class of platform '" + earlier.platform() + "' (at " + earlier.where()
                        + "), and javac refuses a class and a package of the same name");
                default -> {
                    // classes that would share a source file are ClassCollisionRule's
                }
            }
        });
    }
}
