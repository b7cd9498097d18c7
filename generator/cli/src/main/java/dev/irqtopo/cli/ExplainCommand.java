package dev.irqtopo.cli;

import dev.irqtopo.cli.explain.Arm64ExplainText;
import dev.irqtopo.cli.explain.ExplainText;
import dev.irqtopo.cli.explain.RiscvExplainText;
import dev.irqtopo.model.Arm64PlatformModel;
import dev.irqtopo.model.PlatformDesign;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.RiscvPlatformModel;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code irqtopo explain FILE}: for every stack, the boundary diagram with the domain that does each of
 * Alloc, Compose, Store and Use under each part, then what a trap or a hypercall does for it.
 */
final class ExplainCommand extends PlatformCommand {

    @Override
    CommandSpec declaration() {
        return Declaration.command(this, "explain",
                new String[] {"Show, for every stack, which domain allocates, composes, stores and uses its interrupts"
                        + " at which hardware boundary, and what a trap or a hypercall does."},
                "0:explained", "1:errors in the file", "2:usage error, or a file that cannot be read");
    }

    @Override
    int run(List<PlatformModel> platforms, PrintWriter out) {
        out.print(ExplainText.render(platforms));
        return IrqtopoCommand.OK;
    }

    @Override
    int runDesigns(List<PlatformDesign> designs, PrintWriter out) {
        StringBuilder text = new StringBuilder();
        for (PlatformDesign design : designs) {
            if (text.length() > 0) {
                text.append('\n');
            }
            if (design instanceof Arm64PlatformModel arm64) {
                text.append(Arm64ExplainText.render(arm64));
            } else if (design instanceof RiscvPlatformModel riscv) {
                text.append(RiscvExplainText.render(riscv));
            } else {
                text.append(ExplainText.render(List.of((PlatformModel) design)));
            }
        }
        out.print(text);
        return IrqtopoCommand.OK;
    }
}
