package dev.irqtopo.cli.explain;

import dev.irqtopo.model.Arm64PlatformModel;
import dev.irqtopo.model.PlatformDesign;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.RiscvPlatformModel;
import java.util.List;

/**
 * {@code irqtopo dot} over platforms of every architecture: one platform's own graph, or one graph named
 * after the file with a cluster per platform in source order, each drawn by {@link DotGraph} (x86),
 * {@link Arm64DotGraph} (arm64) or {@link RiscvDotGraph} (riscv64).
 */
public final class DesignDot {

    private DesignDot() {
    }

    public static String render(String file, List<PlatformDesign> designs) {
        if (designs.size() == 1) {
            PlatformDesign design = designs.get(0);
            if (design instanceof Arm64PlatformModel arm64) {
                return Arm64DotGraph.render(arm64);
            }
            return design instanceof RiscvPlatformModel riscv ? RiscvDotGraph.render(riscv)
                    : DotGraph.render(file, List.of((PlatformModel) design));
        }
        StringBuilder out = new StringBuilder();
        out.append("digraph ").append(DotGraph.id(file)).append(" {\n");
        out.append("    graph [rankdir=LR, label=").append(DotGraph.id(file + ": " + designs.size() + " platforms"))
                .append(", labelloc=t];\n");
        out.append("    node [shape=box];\n");
        for (PlatformDesign design : designs) {
            if (design instanceof Arm64PlatformModel arm64) {
                Arm64DotGraph.cluster(arm64, out);
            } else if (design instanceof RiscvPlatformModel riscv) {
                RiscvDotGraph.cluster(riscv, out);
            } else {
                DotGraph.cluster((PlatformModel) design, out);
            }
        }
        out.append("}\n");
        return out.toString();
    }
}
