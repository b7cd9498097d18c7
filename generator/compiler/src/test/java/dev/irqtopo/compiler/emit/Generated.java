package dev.irqtopo.compiler.emit;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.irqtopo.compiler.CompileRequest;
import dev.irqtopo.compiler.CompileResult;
import dev.irqtopo.compiler.Compiler;
import dev.irqtopo.compiler.SourceFile;
import dev.irqtopo.compiler.output.GeneratedFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.tools.JavaFileObject;

/**
 * Generates Java from irqtopo text, compiles it as a project using the runtime would (javac with
 * {@code -Xlint:all -Werror}, the runtime on the class path), and loads the classes to run them.
 */
final class Generated {

    static final String[] STRICT = {"-Xlint:all", "-Werror"};

    private Generated() {
    }

    /** The generated files for one source text; fails the test on any diagnostic error. */
    static List<GeneratedFile> files(String fileName, String text, Optional<String> packageName) {
        CompileResult result = Compiler.compile(CompileRequest.generate(new SourceFile(fileName, text))
                .withPackage(packageName));
        assertWithMessage("diagnostics of %s", fileName)
                .that(result.diagnostics().stream().filter(d -> d.isError()).map(d -> d.headline()).toList()).isEmpty();
        return result.files();
    }

    static List<GeneratedFile> files(String text) {
        return files("test.irqtopo", text, Optional.empty());
    }

    static List<JavaFileObject> sources(List<GeneratedFile> files) {
        List<JavaFileObject> sources = new ArrayList<>();
        for (GeneratedFile file : files) {
            String className = file.relativePath().replace('/', '.').replaceAll("\\.java$", "");
            sources.add(JavaFileObjects.forSourceString(className, file.content()));
        }
        return sources;
    }

    static Compilation compile(List<JavaFileObject> sources) {
        return com.google.testing.compile.Compiler.javac().withOptions((Object[]) STRICT).compile(sources);
    }

    /** Compiles strictly and asserts there was neither an error nor a warning. */
    static Compilation compileCleanly(List<GeneratedFile> files) {
        Compilation compilation = compile(sources(files));
        assertThat(compilation).succeededWithoutWarnings();
        return compilation;
    }

    /** The compiled classes, loaded beside the test's own class path (which holds the runtime). */
    static ClassLoader load(Compilation compilation) {
        Map<String, byte[]> classes = new HashMap<>();
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() == JavaFileObject.Kind.CLASS) {
                String path = file.toUri().getPath();
                String name = path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length())
                        .replaceAll("\\.class$", "").replace('/', '.');
                classes.put(name, bytes(file));
            }
        }
        return new ClassLoader(Generated.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
    }

    /** Calls a public method by name on a generated object (or a static one on a class), as user code would. */
    static Object call(Object target, String method, Object... args) {
        Class<?> type = target instanceof Class<?> c ? c : target.getClass();
        for (Method m : type.getMethods()) {
            if (m.getName().equals(method) && m.getParameterCount() == args.length) {
                try {
                    return m.invoke(target instanceof Class<?> ? null : target, args);
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                } catch (InvocationTargetException e) {
                    throw new AssertionError("generated " + method + "() threw", e.getCause());
                }
            }
        }
        throw new AssertionError(type.getName() + " has no public method " + method + " of " + args.length + " parameters");
    }

    /** Calls a chain of methods without parameters: {@code path(p, "vm0", "nicvf", "ims")}. */
    static Object path(Object target, String... methods) {
        Object current = target;
        for (String method : methods) {
            current = call(current, method);
        }
        return current;
    }

    static boolean hasMethod(Object target, String method) {
        Class<?> type = target instanceof Class<?> c ? c : target.getClass();
        for (Method m : type.getMethods()) {
            if (m.getName().equals(method)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] bytes(JavaFileObject file) {
        try (InputStream in = file.openInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
