package dev.irqtopo.compiler.ast;

/** A property inside a block; a block gives each property at most once (IRQ024). */
public interface Property {

    /** The property's keyword, which also identifies it within its block. */
    String keyword();

    /** Where the keyword is. */
    Pos at();
}
