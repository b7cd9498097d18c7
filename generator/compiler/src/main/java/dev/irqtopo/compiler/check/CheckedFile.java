package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.IrqtopoFile;
import dev.irqtopo.model.PlatformDesign;
import java.util.List;
import java.util.Objects;

/**
 * A file of a generation run that checked without errors, with its platforms resolved: what the
 * generation rules judge.
 *
 * @param name      the file's name as the user gave it, which diagnostics print
 * @param platforms the models of {@code ast}'s platforms, in the same order, each in its Java package
 */
public record CheckedFile(String name, IrqtopoFile ast, List<PlatformDesign> platforms) {

    public CheckedFile {
        Objects.requireNonNull(name);
        Objects.requireNonNull(ast);
        platforms = List.copyOf(platforms);
        if (platforms.size() != ast.platforms().size()) {
            throw new IllegalArgumentException(name + ": " + ast.platforms().size() + " platforms but "
                    + platforms.size() + " models");
        }
    }
}
