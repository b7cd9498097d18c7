package dev.irqtopo.runtime.arm64.isolation;

import dev.irqtopo.model.Arm64PlatformModel;
import dev.irqtopo.runtime.arm64.Arm64Platform;

/** {@code irqtopo verify} for one arm64 platform: create it, boot it, analyse isolation. */
public final class Arm64Verification {

    private Arm64Verification() {
    }

    public static Arm64IsolationReport run(Arm64PlatformModel model) {
        Arm64Platform platform = Arm64Platform.create(model);
        platform.boot();
        return Arm64IsolationAnalysis.analyze(platform);
    }
}
