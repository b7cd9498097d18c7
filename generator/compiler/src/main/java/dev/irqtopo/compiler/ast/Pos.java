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

    /*
     * equals and hashCode written out, giving what the record's own would: those are linked through method
     * handles the first time they run, which costs a command line that checks one file a few milliseconds
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Pos other && line == other.line && column == other.column;
    }

    @Override
    public int hashCode() {
        return 31 * line + column;
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
