package dev.irqtopo.runtime.riscv64.sim;

import dev.irqtopo.model.RiscvPlatformModel;
import dev.irqtopo.runtime.riscv64.RiscvPlatform;
import dev.irqtopo.runtime.riscv64.RiscvStackResult;
import dev.irqtopo.runtime.riscv64.RiscvVector;
import java.util.ArrayList;
import java.util.List;

/** Boots a riscv64 platform, then, once every stack has allocated, fires each interrupt once in boot order. */
public final class RiscvSimulation {

    private RiscvSimulation() {
    }

    public static RiscvSimulationReport run(RiscvPlatformModel model) {
        RiscvPlatform platform = RiscvPlatform.create(model);
        List<RiscvStackResult> booted = platform.boot();
        List<RiscvStackReport> stacks = new ArrayList<>(booted.size());
        for (RiscvStackResult stack : booted) {
            List<RiscvInterruptReport> fired = new ArrayList<>(stack.interrupts().size());
            for (RiscvVector irq : stack.interrupts()) {
                fired.add(new RiscvInterruptReport(irq, platform.stored(stack.device(), stack.storage(), irq.slot()),
                        platform.fire(stack, irq.slot()), stack.backing(irq.slot())));
            }
            stacks.add(new RiscvStackReport(stack, fired));
        }
        return new RiscvSimulationReport(model.name(), model.imsic().harts().count(), stacks);
    }
}
