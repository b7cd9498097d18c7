package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.Name;
import dev.irqtopo.compiler.naming.GeneratedNames;
import dev.irqtopo.compiler.naming.Naming;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The classes one generation run has declared so far, and the packages they go into, to find where a
 * platform of one file collides with a platform of another (a file's own platforms are the other rules'):
 * the same class, classes whose files differ only in case (their packages included, as directories),
 * or a class with the name of a package, which javac refuses.
 */
final class ClassesOfRun {

    /** A platform whose class the run generates, declared at {@code name} in {@code file}. */
    record Declared(CheckedFile file, Name name, String javaPackage) {

        Declared {
            Objects.requireNonNull(file);
            Objects.requireNonNull(name);
            Objects.requireNonNull(javaPackage);
        }

        String platform() {
            return name.text();
        }

        String className() {
            return GeneratedNames.platformClass(platform());
        }

        String qualifiedName() {
            return javaPackage + "." + className();
        }

        /** {@code FILE:LINE:COL} of the declaration, for messages that name it. */
        String where() {
            return file.name() + ":" + name.pos();
        }
    }

    /** How a platform collides with an earlier one. */
    enum Kind {
        /** The same class: the same platform name in the same package. */
        SAME_CLASS,
        /** Classes whose paths differ only in case. */
        CASE,
        /** The platform's class has the name of a package the earlier platform goes into, or of one above it. */
        CLASS_IS_PACKAGE,
        /** The platform's package, or a package above it, has the name of the earlier platform's class. */
        PACKAGE_IS_CLASS
    }

    /** A collision with an earlier platform; for the last two kinds, {@code name} is the contested name. */
    record Collision(Kind kind, Declared earlier, String name) {
    }

    /** Platforms by the collision key of their qualified class name: equal keys make the same file on some systems. */
    private final Map<String, Declared> byPath = new HashMap<>();
    private final Map<String, Declared> classes = new HashMap<>();
    /** Every package a class goes into and every package above it, with the first platform that made it. */
    private final Map<String, Declared> packages = new HashMap<>();

    /** Records a platform; how it collides with one recorded before, if it does. */
    Optional<Collision> add(Declared platform) {
        Optional<Collision> collision = collision(platform);
        String qualified = platform.qualifiedName();
        byPath.putIfAbsent(Naming.collisionKey(qualified), platform);
        classes.putIfAbsent(qualified, platform);
        for (String pkg = platform.javaPackage(); !pkg.isEmpty(); pkg = parent(pkg)) {
            packages.putIfAbsent(pkg, platform);
        }
        return collision;
    }

    private Optional<Collision> collision(Declared platform) {
        String qualified = platform.qualifiedName();
        Declared samePath = byPath.get(Naming.collisionKey(qualified));
        if (samePath != null && samePath.file() != platform.file()) {
            Kind kind = samePath.qualifiedName().equals(qualified) && samePath.platform().equals(platform.platform())
                    ? Kind.SAME_CLASS : Kind.CASE;
            return Optional.of(new Collision(kind, samePath, qualified));
        }
        Declared packageHolder = packages.get(qualified);
        if (packageHolder != null) {
            return Optional.of(new Collision(Kind.CLASS_IS_PACKAGE, packageHolder, qualified));
        }
        for (String pkg = platform.javaPackage(); !pkg.isEmpty(); pkg = parent(pkg)) {
            Declared classHolder = classes.get(pkg);
            if (classHolder != null) {
                return Optional.of(new Collision(Kind.PACKAGE_IS_CLASS, classHolder, pkg));
            }
        }
        return Optional.empty();
    }

    private static String parent(String pkg) {
        int dot = pkg.lastIndexOf('.');
        return dot < 0 ? "" : pkg.substring(0, dot);
    }
}
