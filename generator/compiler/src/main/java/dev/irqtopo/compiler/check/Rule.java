package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.IrqtopoFile;

/** One static check: reports what it finds and never stops the others. */
interface Rule {

    void check(IrqtopoFile file, Report report);
}
