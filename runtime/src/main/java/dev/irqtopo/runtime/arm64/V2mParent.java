package dev.irqtopo.runtime.arm64;

import dev.irqtopo.runtime.gic.GicInterrupt;
import dev.irqtopo.runtime.gic.V2mAllocator;
import dev.irqtopo.runtime.gic.V2mBlock;
import dev.irqtopo.runtime.message.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The GICv2m frames as the MSI parent of a stack: Linux's one v2m domain over every frame
 * ({@code gicv2m_irq_domain_alloc} tries them in probe order, whichever frame the chain names), one
 * block of SPIs for a multi-message MSI, one SPI per vector otherwise; a failure frees the blocks
 * taken so far and returns ENOSPC. Each SPI is routed to {@code spiCpu}: the GICv3 driver's
 * {@code gic_set_affinity} takes {@code cpumask_any_and(mask, cpu_online_mask)}, the first online CPU
 * of the default affinity (all CPUs), that is CPU 0.
 */
public record V2mParent(V2mAllocator allocator, int spiCpu) implements MsiParent {

    @Override
    public Result<List<Taken>> allocate(MsiRequest request) {
        List<V2mBlock> blocks = new ArrayList<>();
        int wanted = request.block() ? 1 : request.count();
        int per = request.block() ? request.count() : 1;
        for (int b = 0; b < wanted; b++) {
            Result<V2mBlock> block = allocator.alloc(per);
            if (!block.isOk()) {
                for (int i = blocks.size() - 1; i >= 0; i--) {
                    allocator.free(blocks.get(i));
                }
                return Result.failed(ItsParent.errno(block));
            }
            blocks.add(block.value());
        }
        List<Taken> taken = new ArrayList<>();
        for (V2mBlock block : blocks) {
            for (int i = 0; i < block.count(); i++) {
                taken.add(new Taken(new GicInterrupt.Spi(block.firstSpi() + i), block.frame().name(), OptionalLong.empty(),
                        OptionalLong.empty(), block.compose(i)));
            }
        }
        return Result.ok(taken);
    }

    @Override
    public boolean isolatedMsi() {
        // the v2m MSI parent never sets IRQ_DOMAIN_FLAG_ISOLATED_MSI: a frame sees no writer's identity
        return false;
    }
}
