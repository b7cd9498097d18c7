package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.Platform;
import dev.irqtopo.model.PlatformDesign;

/**
 * One check of a generation run: it judges each platform of a file that checked without errors, by
 * its declaration (for positions) and its model (for the Java it becomes), beside the classes of the
 * run's earlier files.
 */
interface GenerationRule {

    void check(Platform declared, PlatformDesign model, GenerationRun run, Report report);
}
