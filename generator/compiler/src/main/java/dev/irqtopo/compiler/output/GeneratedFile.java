package dev.irqtopo.compiler.output;

import java.util.Objects;

/**
 * One generated source file.
 *
 * @param relativePath where it belongs under the output directory, with {@code /} between directories:
 *                     {@code dev/example/irq/ImsInGuest.java}
 */
public record GeneratedFile(String relativePath, String content) {

    public GeneratedFile {
        Objects.requireNonNull(relativePath);
        Objects.requireNonNull(content);
        // a path that could leave the output directory is a bug in the generator
        for (String part : relativePath.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..") || part.contains("\\")) {
                throw new IllegalArgumentException("not a relative path of plain names: " + relativePath);
            }
        }
    }
}
