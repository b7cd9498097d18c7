package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.IrqtopoFile;
import dev.irqtopo.compiler.ast.Platform;
import dev.irqtopo.compiler.ast.PlatformIndex;

/** A check that judges each platform on its own. */
abstract class PlatformRule implements Rule {

    @Override
    public final void check(IrqtopoFile file, Report report) {
        for (Platform platform : file.platforms()) {
            check(report.index(platform), report);
        }
    }

    abstract void check(PlatformIndex platform, Report report);
}
