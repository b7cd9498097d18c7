package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.DeviceDecl;
import dev.irqtopo.compiler.ast.GuestDecl;
import dev.irqtopo.compiler.ast.Name;
import dev.irqtopo.compiler.ast.Platform;
import dev.irqtopo.compiler.diag.GenerationCode;
import dev.irqtopo.compiler.naming.Arm64Layout;
import dev.irqtopo.compiler.naming.DesignGeneratedNames;
import dev.irqtopo.compiler.naming.GeneratedNames;
import dev.irqtopo.compiler.naming.RiscvLayout;
import dev.irqtopo.model.Arm64PlatformModel;
import dev.irqtopo.model.PlatformDesign;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.RiscvPlatformModel;
import java.util.List;

/**
 * IRQ051: a platform, guest or device name whose identifier the generated code already uses in that
 * scope ({@code host()}, {@code boot()}, the {@code Hardware} class, {@link Object}'s methods, …). The
 * names taken depend on the classes the platform gets, so the rule asks the same layout the emitter
 * writes ({@link GeneratedNames#clashes}).
 */
final class GeneratedNameRule implements GenerationRule {

    @Override
    public void check(Platform declared, PlatformDesign model, GenerationRun run, Report report) {
        List<GeneratedNames.Clash> clashes = model instanceof PlatformModel x86 ? GeneratedNames.clashes(x86)
                : model instanceof RiscvPlatformModel riscv ? DesignGeneratedNames.clashes(RiscvLayout.of(riscv))
                : DesignGeneratedNames.clashes(Arm64Layout.of((Arm64PlatformModel) model));
        for (GeneratedNames.Clash clash : clashes) {
            report.add(GenerationCode.IRQ051, name(declared, clash).pos(), "'" + clash.name() + "' would become "
                    + clash.identifier() + ", which the generated code already has as " + clash.takenBy());
        }
    }

    /** Where the clashing name is declared: a file without errors declares each name once. */
    private static Name name(Platform platform, GeneratedNames.Clash clash) {
        return switch (clash.kind()) {
            case PLATFORM -> platform.name();
            case GUEST -> platform.guests().stream().map(GuestDecl::name)
                    .filter(n -> n.text().equals(clash.name())).findFirst().orElseThrow();
            case DEVICE -> platform.devices().stream().map(DeviceDecl::name)
                    .filter(n -> n.text().equals(clash.name())).findFirst().orElseThrow();
        };
    }
}
