package dev.irqtopo.compiler.diag;

/**
 * A place in a source file: 1-based line, and 1-based column counted in characters (a tab counts as
 * one), as diagnostics give them.
 */
public record Position(int line, int column) {

    public Position {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("positions are 1-based: " + line + ":" + column);
        }
    }
}
