package dev.irqtopo.compiler.naming;

import dev.irqtopo.model.Arm64PlatformModel;
import dev.irqtopo.model.arm.Arm64GuestModel;
import dev.irqtopo.model.arm.GicStackModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@link DesignLayout} of an arm64 platform's generated code. */
public final class Arm64Layout {

    private Arm64Layout() {
    }

    public static DesignLayout<Arm64PlatformModel, GicStackModel> of(Arm64PlatformModel model) {
        Map<String, List<GicStackModel>> guests = new LinkedHashMap<>();
        for (Arm64GuestModel guest : model.guests()) {
            guests.put(guest.name(), guest.stacks());
        }
        return DesignLayout.of(model, model.hostStacks(), guests);
    }
}
