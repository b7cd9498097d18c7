package dev.irqtopo.runtime.sim;

import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.runtime.AllocatedInterrupt;
import dev.irqtopo.runtime.DeviceStorage;
import dev.irqtopo.runtime.Platform;
import dev.irqtopo.runtime.StackResult;

import java.util.ArrayList;
import java.util.List;

/**
 * Boots a platform, performs every stack's {@code alloc} in boot order, then, once every stack has
 * allocated, fires every allocated interrupt once in boot order and reports each result.
 */
public final class Simulation {

    private Simulation() {
    }

    public static SimulationReport run(PlatformModel model) {
        Platform platform = Platform.create(model);
        List<StackResult> booted = platform.boot();
        List<StackReport> stacks = new ArrayList<>();
        for (StackResult stack : booted) {
            List<InterruptReport> interrupts = new ArrayList<>();
            if (stack.allocation().succeeded()) {
                DeviceStorage storage = platform.hardware().storage(stack.device(), stack.storage());
                for (AllocatedInterrupt irq : stack.allocation().interrupts()) {
                    interrupts.add(new InterruptReport(irq, storage.read(irq.slot()), storage.fire(irq.slot())));
                }
            }
            stacks.add(new StackReport(stack, interrupts));
        }
        return new SimulationReport(model.name(), stacks);
    }
}
