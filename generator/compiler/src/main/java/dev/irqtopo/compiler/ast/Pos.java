package dev.irqtopo.compiler.ast;

/** Where a token starts: 1-based line and column (in characters; a tab counts as one). */
public record Pos(int line, int column) implements Comparable<Pos> {

    public Pos {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("positions are 1-based: " + line + ":" + column);
        }
    }

    @Override
    public int compareTo(Pos other) {
        return line != other.line ? Integer.compare(line, other.line) : Integer.compare(column, other.column);
    }

    /** Whether this position lies in the closed range from {@code first} to {@code last}. */
    public boolean within(Pos first, Pos last) {
        return compareTo(first) >= 0 && compareTo(last) <= 0;
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
