package dev.irqtopo.runtime.arm64.sim;

import dev.irqtopo.model.Arm64PlatformModel;
import dev.irqtopo.runtime.arm64.Arm64Platform;
import dev.irqtopo.runtime.arm64.Arm64StackResult;
import dev.irqtopo.runtime.arm64.ArmVector;
import java.util.ArrayList;
import java.util.List;

/** Boots an arm64 platform, then, once every stack has allocated, fires each interrupt once in boot order. */
public final class Arm64Simulation {

    private Arm64Simulation() {
    }

    public static Arm64SimulationReport run(Arm64PlatformModel model) {
        Arm64Platform platform = Arm64Platform.create(model);
        List<Arm64StackReport> stacks = new ArrayList<>();
        for (Arm64StackResult stack : platform.boot()) {
            List<Arm64InterruptReport> fired = new ArrayList<>();
            for (ArmVector irq : stack.interrupts()) {
                fired.add(new Arm64InterruptReport(irq, platform.stored(stack.device(), stack.storage(), irq.slot()),
                        platform.fire(stack, irq.slot()), stack.backing(irq.slot())));
            }
            stacks.add(new Arm64StackReport(stack, fired));
        }
        return new Arm64SimulationReport(model.name(), stacks);
    }
}
