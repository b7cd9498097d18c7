package dev.irqtopo.compiler;

import dev.irqtopo.compiler.naming.Naming;
import dev.irqtopo.compiler.naming.ReservedPackages;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a Java package name given to the generator from outside a source file (the command line's
 * {@code --package}, the Maven plugin's {@code packageName}); a package line in a file is the
 * checker's to judge. Such a name is held to what a package line could say: parts that are names of
 * the language (ASCII letters, digits and underscores, not starting with a digit; so no {@code $},
 * no other alphabet whose directories a file system or a source encoding might change), none a Java
 * keyword, and no package of the Java platform or the runtime library.
 */
public final class PackageNames {

    /** A name of the language, as the lexer has it. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

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
            if (!NAME.matcher(part).matches()) {
                return Optional.of("'" + part + "' in '" + name + "' is not a name: a package part is made of the"
                        + " letters A to Z and a to z, digits and underscores, and does not start with a digit");
            }
            if (Naming.isJavaReserved(part)) {
                return Optional.of("'" + part + "' in '" + name + "' is a Java keyword");
            }
        }
        return ReservedPackages.reason(name);
    }
}
