package dev.irqtopo.compiler.naming;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Packages generated code may not go into, because others own them: {@code java} and every package
 * under it (the JVM refuses to define a class there), every package of a module of the Java platform
 * ({@code javax.annotation.processing}: javac refuses a second module's class in it), and the packages
 * of the irqtopo runtime library that generated code is written against (a platform named
 * {@code Platform} in {@code dev.irqtopo.runtime} would stand for the runtime's own class).
 */
public final class ReservedPackages {

    /** The runtime library's packages; a package below {@code dev.irqtopo.runtime} is the library's too. */
    private static final List<String> RUNTIME = List.of("dev.irqtopo.model", "dev.irqtopo.runtime", "dev.irqtopo.truth");

    private ReservedPackages() {
    }

    /** Why generated code cannot go into the package, for people; empty when it can. */
    public static Optional<String> reason(String javaPackage) {
        if (javaPackage.equals("java") || javaPackage.startsWith("java.")) {
            return Optional.of("package " + javaPackage + " is under java, which belongs to the Java platform: no"
                    + " class of another may be defined there");
        }
        String module = SystemPackages.MODULES.get(javaPackage);
        if (module != null) {
            return Optional.of("package " + javaPackage + " belongs to module " + module + " of the Java platform");
        }
        for (String runtime : RUNTIME) {
            if (javaPackage.equals(runtime) || javaPackage.startsWith(runtime + ".")) {
                return Optional.of("package " + javaPackage + " belongs to the irqtopo runtime library, which the"
                        + " generated code uses");
            }
        }
        return Optional.empty();
    }

    /** The packages of the Java platform's modules, read once from the running JDK. */
    private static final class SystemPackages {
        static final Map<String, String> MODULES = read();

        private static Map<String, String> read() {
            Map<String, String> modules = new HashMap<>();
            for (ModuleReference module : ModuleFinder.ofSystem().findAll()) {
                ModuleDescriptor descriptor = module.descriptor();
                descriptor.packages().forEach(p -> modules.putIfAbsent(p, descriptor.name()));
            }
            return Map.copyOf(modules);
        }
    }
}
