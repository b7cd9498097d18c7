package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.Platform;
import dev.irqtopo.model.PlatformDesign;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the generation rules share: for each platform of the run, how its class collides with one of an
 * earlier file, if it does. Worked out once, in file order, so that a platform meets only the files
 * before it and each platform has at most one collision, whichever rule reports it.
 */
final class GenerationRun {

    private final Map<Platform, ClassesOfRun.Collision> collisions = new IdentityHashMap<>();

    GenerationRun(List<CheckedFile> files) {
        ClassesOfRun classes = new ClassesOfRun();
        for (CheckedFile file : files) {
            for (int i = 0; i < file.platforms().size(); i++) {
                Platform declared = file.ast().platforms().get(i);
                PlatformDesign model = file.platforms().get(i);
                // without a package there is no class to collide (IRQ050 says so)
                if (!model.javaPackage().isEmpty()) {
                    classes.add(new ClassesOfRun.Declared(file, declared.name(), model.javaPackage()))
                            .ifPresent(c -> collisions.put(declared, c));
                }
            }
        }
    }

    /** How the platform's class collides with the class or a package of a platform of an earlier file. */
    Optional<ClassesOfRun.Collision> collision(Platform declared) {
        return Optional.ofNullable(collisions.get(declared));
    }
}
