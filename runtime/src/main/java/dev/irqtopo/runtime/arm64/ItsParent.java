package dev.irqtopo.runtime.arm64;

import dev.irqtopo.runtime.gic.GicInterrupt;
import dev.irqtopo.runtime.gic.ItsDevice;
import dev.irqtopo.runtime.gic.ItsDriver;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * An ITS as the MSI parent of a stack, driven as Linux drives it: {@code its_msi_prepare} once for
 * the stack (creating the ITS device, or sharing the one its DeviceID already has), then
 * {@code its_irq_domain_alloc} and {@code its_irq_domain_activate} — one event per vector for MSI-X
 * and IMS ({@code msi_domain_alloc_irqs} allocates each descriptor on its own), one aligned region
 * for a multi-message MSI block — and {@code its_irq_compose_msi_msg} per interrupt. A failure
 * deactivates and frees the events taken so far and drops a device the stack created, then returns
 * the errno: ENOMEM from prepare, ENOSPC from alloc.
 */
public record ItsParent(ItsDriver driver) implements MsiParent {

    @Override
    public Result<List<Taken>> allocate(MsiRequest request) {
        boolean existed = driver.device(request.deviceId()).isPresent();
        Result<ItsDevice> prepared = driver.prepare(request.deviceId(), request.prepare(), request.proxy());
        if (!prepared.isOk()) {
            return failed(prepared);
        }
        ItsDevice device = prepared.value();
        List<int[]> regions = new ArrayList<>();
        List<Integer> events = new ArrayList<>();
        int regionsWanted = request.block() ? 1 : request.count();
        int perRegion = request.block() ? request.count() : 1;
        for (int r = 0; r < regionsWanted; r++) {
            Result<Integer> first = driver.alloc(device, perRegion);
            if (!first.isOk()) {
                rollback(device, regions, events, existed);
                return failed(first);
            }
            regions.add(new int[] {first.value(), perRegion});
            for (int i = 0; i < perRegion; i++) {
                int event = first.value() + i;
                Result<Integer> cpu = driver.activate(device, event, false);
                if (!cpu.isOk()) {
                    rollback(device, regions, events, existed);
                    return failed(cpu);
                }
                events.add(event);
            }
        }
        List<Taken> taken = new ArrayList<>();
        for (int event : events) {
            taken.add(new Taken(new GicInterrupt.Lpi(device.lpi(event), device.cpu(event)), driver.its().name(),
                    OptionalLong.of(device.deviceId()), OptionalLong.of(event), driver.compose(device, event)));
        }
        return Result.ok(taken);
    }

    @Override
    public boolean isolatedMsi() {
        // its_probe_one sets IRQ_DOMAIN_FLAG_ISOLATED_MSI (only the Socionext pre-ITS quirk clears it)
        return true;
    }

    /** Undoes the events in reverse, as {@code msi_domain_free_irqs} would, and a device this stack made. */
    private void rollback(ItsDevice device, List<int[]> regions, List<Integer> events, boolean existed) {
        for (int i = events.size() - 1; i >= 0; i--) {
            driver.deactivate(device, events.get(i));
        }
        for (int i = regions.size() - 1; i >= 0; i--) {
            driver.free(device, regions.get(i)[0], regions.get(i)[1]);
        }
        if (!existed) {
            driver.teardown(device);
        }
    }

    private static <T> Result<List<Taken>> failed(Result<T> failure) {
        return Result.failed(((Result.Failed<T>) failure).errno());
    }

    static Errno errno(Result<?> failure) {
        return ((Result.Failed<?>) failure).errno();
    }
}
