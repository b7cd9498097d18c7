package dev.irqtopo.runtime.isolation;

import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.runtime.Platform;

/** {@code irqtopo verify} for one platform: create it, boot it, analyse isolation. */
public final class Verification {

    private Verification() {
    }

    public static IsolationReport run(PlatformModel model) {
        Platform platform = Platform.create(model);
        platform.boot();
        return IsolationAnalysis.analyze(platform);
    }
}
