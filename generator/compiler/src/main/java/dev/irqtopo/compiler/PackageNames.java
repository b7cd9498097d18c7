package dev.irqtopo.compiler;

import dev.irqtopo.compiler.naming.Naming;
import java.util.Optional;

/**
 * Checks a Java package name given to the generator from outside a source file (the command line's
 * {@code --package}, the Maven plugin's {@code packageName}); a package line in a file is the
 * checker's to judge.
 */
public final class PackageNames {

    private PackageNames() {
    }

    /** What is wrong with the name, for people; empty when it is a usable package name. */
    public static Optional<String> problem(String name) {
        if (name.isEmpty()) {
            return Optional.of("a package name cannot be empty");
        }
        for (String part : name.split("\\.", -1)) {
            if (part.isEmpty()) {
                return Optional.of("'" + name + "' has an empty part between dots");
            }
            if (!Character.isJavaIdentifierStart(part.codePointAt(0))
                    || !part.codePoints().skip(1).allMatch(Character::isJavaIdentifierPart)) {
                return Optional.of("'" + part + "' in '" + name + "' is not a Java identifier");
            }
            if (Naming.isJavaReserved(part)) {
                return Optional.of("'" + part + "' in '" + name + "' is a Java keyword");
            }
        }
        return Optional.empty();
    }
}
