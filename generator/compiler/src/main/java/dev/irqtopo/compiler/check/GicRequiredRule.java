package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.GicProp;
import dev.irqtopo.compiler.ast.MsiControllerDecl;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.Architecture;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * IRQ030 on arm64: the platform needs a {@code gic} block offering at least one ITS or GICv2m frame (a
 * device's message has nowhere else to go), each with its {@code doorbell}, and a GICv2m frame its
 * {@code spi_base} and {@code spis}: addresses and SPI numbers differ between machines, so irqtopo
 * guesses none.
 */
final class GicRequiredRule extends PlatformRule {

    @Override
    Set<Architecture> architectures() {
        return EnumSet.of(Architecture.ARM64);
    }

    @Override
    void check(PlatformIndex index, Report report) {
        var platform = index.platform();
        if (platform.gics().isEmpty()) {
            report.add(DiagnosticCode.IRQ030, platform.name().pos(), "arm64 platform " + platform.name().text()
                    + " has no gic block");
        } else if (platform.gics().get(0).controllers().isEmpty()) {
            report.add(DiagnosticCode.IRQ030, platform.gics().get(0).at(),
                    "the gic block offers no MSI controller: declare an 'its' or a 'v2m' frame");
        }
        for (MsiControllerDecl controller : platform.msiControllers()) {
            List<Class<? extends GicProp>> required = controller instanceof MsiControllerDecl.Its
                    ? List.of(GicProp.Doorbell.class)
                    : List.of(GicProp.Doorbell.class, GicProp.SpiBase.class, GicProp.Spis.class);
            List<String> missing = required.stream().filter(type -> controller.prop(type).isEmpty())
                    .map(type -> "'" + keyword(type) + "'").toList();
            if (!missing.isEmpty()) {
                report.add(DiagnosticCode.IRQ030, controller.name().pos(), controller.keyword() + " "
                        + controller.name().text() + " does not give " + String.join(", ", missing));
            }
        }
    }

    private static String keyword(Class<? extends GicProp> type) {
        return type == GicProp.Doorbell.class ? "doorbell" : type == GicProp.SpiBase.class ? "spi_base" : "spis";
    }
}
