package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.IrqtopoFile;
import dev.irqtopo.compiler.ast.Platform;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.model.Architecture;
import java.util.EnumSet;
import java.util.Set;

/**
 * A check that judges each platform on its own. A rule about one CPU side's constructs judges only the
 * platforms of that architecture; constructs of the other side are IRQ063's and IRQ064's to report.
 */
abstract class PlatformRule implements Rule {

    @Override
    public final void check(IrqtopoFile file, Report report) {
        for (Platform platform : file.platforms()) {
            PlatformIndex index = report.index(platform);
            if (architectures().contains(index.architecture())) {
                check(index, report);
            }
        }
    }

    /** The architectures whose platforms this rule judges: both, unless the rule says otherwise. */
    Set<Architecture> architectures() {
        return EnumSet.allOf(Architecture.class);
    }

    abstract void check(PlatformIndex platform, Report report);
}
