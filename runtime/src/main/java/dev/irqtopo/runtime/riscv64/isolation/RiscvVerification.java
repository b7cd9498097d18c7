package dev.irqtopo.runtime.riscv64.isolation;

import dev.irqtopo.model.RiscvPlatformModel;
import dev.irqtopo.runtime.riscv64.RiscvPlatform;

/** {@code irqtopo verify} for one riscv64 platform: create it, boot it, analyse isolation. */
public final class RiscvVerification {

    private RiscvVerification() {
    }

    public static RiscvIsolationReport run(RiscvPlatformModel model) {
        RiscvPlatform platform = RiscvPlatform.create(model);
        platform.boot();
        return RiscvIsolationAnalysis.analyze(platform);
    }
}
