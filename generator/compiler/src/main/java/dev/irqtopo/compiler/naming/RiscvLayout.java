package dev.irqtopo.compiler.naming;

import dev.irqtopo.model.RiscvPlatformModel;
import dev.irqtopo.model.riscv.ImsicStackModel;
import dev.irqtopo.model.riscv.RiscvGuestModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@link DesignLayout} of a riscv64 platform's generated code. */
public final class RiscvLayout {

    private RiscvLayout() {
    }

    public static DesignLayout<RiscvPlatformModel, ImsicStackModel> of(RiscvPlatformModel model) {
        Map<String, List<ImsicStackModel>> guests = new LinkedHashMap<>();
        for (RiscvGuestModel guest : model.guests()) {
            guests.put(guest.name(), guest.stacks());
        }
        return DesignLayout.of(model, model.hostStacks(), guests);
    }
}
