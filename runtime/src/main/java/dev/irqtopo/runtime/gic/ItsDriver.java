package dev.irqtopo.runtime.gic;

import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.message.Result;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Linux's driver for one ITS (irq-gic-v3-its.c, read at 6.1 and 6.12): it owns the ITS's devices and
 * sends the commands. The LPI allocator and the CPU loads are shared with the drivers of the other
 * ITS units, as the kernel's are global.
 * <ul>
 *   <li>{@link #initCollections}: one collection per CPU, ICID = CPU number ({@code its_cpu_init_collection});</li>
 *   <li>{@link #prepare}: {@code its_msi_prepare} → {@code its_create_device} (MAPD);</li>
 *   <li>{@link #alloc} / {@link #free}: {@code its_irq_domain_alloc} / {@code its_irq_domain_free};</li>
 *   <li>{@link #activate}, {@link #setAffinity}, {@link #deactivate}: MAPTI, MOVI, DISCARD;</li>
 *   <li>{@link #compose}: {@code its_irq_compose_msi_msg}.</li>
 * </ul>
 */
public final class ItsDriver {

    private final Its its;
    private final LpiRanges lpis;
    private final CpuLoad load;
    private final ItsDriverLine line;
    private final TreeMap<Long, ItsDevice> devices = new TreeMap<>();

    public ItsDriver(Its its, LpiRanges lpis, CpuLoad load, ItsDriverLine line) {
        this.its = its;
        this.lpis = lpis;
        this.load = load;
        this.line = line;
    }

    public Its its() {
        return its;
    }

    /** Maps collection {@code cpu} to CPU {@code cpu} for every CPU, as each CPU does when it comes up. */
    public void initCollections() {
        for (int cpu = 0; cpu < load.cpus(); cpu++) {
            its.mapc(cpu, cpu, true).ifPresent(e -> {
                throw new IllegalStateException("MAPC refused: " + e.word());
            });
        }
    }

    /**
     * {@code its_msi_prepare}: the device of {@code deviceId}, created for {@code nvecs} vectors (the count
     * {@link PciMsiPrepare} gives) unless the DeviceID already has one, which is then shared (another
     * requester behind an aliasing bridge). {@code proxy}: the requester sits behind such a bridge.
     * ENOMEM when {@code its_create_device} fails: a DeviceID beyond the device table, or no LPI left
     * (with nothing taken).
     */
    public Result<ItsDevice> prepare(long deviceId, int nvecs, boolean proxy) {
        ItsDevice existing = devices.get(deviceId);
        if (existing != null) {
            existing.markShared();
            return Result.ok(existing);
        }
        if (!its.model().fitsDeviceId(deviceId)) {
            return Result.failed(Errno.ENOMEM);
        }
        ItsDeviceSize size = ItsDeviceSize.of(line, its.model(), nvecs);
        Result<LpiBlock> block = lpis.alloc(size.lpis());
        if (!block.isOk()) {
            return Result.failed(Errno.ENOMEM);
        }
        ItsDevice device = new ItsDevice(deviceId, size, block.value(), proxy);
        its.mapd(deviceId, size.mapdSize(), true).ifPresent(e -> {
            throw new IllegalStateException("MAPD refused: " + e.word());
        });
        devices.put(deviceId, device);
        return Result.ok(device);
    }

    /**
     * {@code its_irq_domain_alloc}: {@code nrIrqs} consecutive events from the lowest free aligned region
     * of 2^⌈log2 nrIrqs⌉; the first event, or ENOSPC with nothing taken.
     */
    public Result<Integer> alloc(ItsDevice device, int nrIrqs) {
        int first = device.eventMap().allocRegion(nrIrqs);
        return first < 0 ? Result.failed(Errno.ENOSPC) : Result.ok(first);
    }

    /**
     * {@code its_irq_domain_activate}: the target is chosen among all online CPUs
     * ({@link CpuLoad#select}), its count raised, and MAPTI maps the event to the LPI in that CPU's
     * collection. The affinity the interrupt asks for is applied afterwards by {@link #setAffinity}.
     */
    public Result<Integer> activate(ItsDevice device, int event, boolean managed) {
        checkAllocated(device, event);
        int cpu = load.select(load.online(), managed);
        if (cpu < 0) {
            return Result.failed(Errno.EINVAL);
        }
        load.increment(cpu, managed);
        device.activate(event, cpu, managed);
        its.mapti(device.deviceId(), event, device.lpi(event), cpu).ifPresent(e -> {
            throw new IllegalStateException("MAPTI refused: " + e.word());
        });
        return Result.ok(cpu);
    }

    /**
     * {@code its_set_affinity} without force: the event's count leaves its CPU, the target is chosen
     * within {@code affinity}, and MOVI moves the entry when the CPU changed. EINVAL (the count back
     * where it was) when no CPU qualifies.
     */
    public Result<Integer> setAffinity(ItsDevice device, int event, BitSet affinity) {
        int previous = device.cpu(event);
        if (previous < 0) {
            throw new IllegalStateException("event " + event + " is not active");
        }
        boolean managed = device.isManaged(event);
        load.decrement(previous, managed);
        int cpu = load.select(affinity, managed);
        if (cpu < 0) {
            load.increment(previous, managed);
            return Result.failed(Errno.EINVAL);
        }
        if (cpu != previous) {
            its.movi(device.deviceId(), event, cpu).ifPresent(e -> {
                throw new IllegalStateException("MOVI refused: " + e.word());
            });
            device.activate(event, cpu, managed);
        }
        load.increment(cpu, managed);
        return Result.ok(cpu);
    }

    /** {@code its_irq_domain_deactivate}: the count leaves the CPU and DISCARD removes the entry. */
    public void deactivate(ItsDevice device, int event) {
        int cpu = device.cpu(event);
        if (cpu < 0) {
            throw new IllegalStateException("event " + event + " is not active");
        }
        load.decrement(cpu, device.isManaged(event));
        device.deactivate(event);
        its.discard(device.deviceId(), event);
    }

    /**
     * {@code its_irq_domain_free}: releases the region of {@code nrIrqs} events from {@code first}; when
     * the device then has none and is not shared, its LPIs go back to the allocator, MAPD unmaps it and
     * the driver forgets it.
     */
    public void free(ItsDevice device, int first, int nrIrqs) {
        device.eventMap().releaseRegion(first, nrIrqs);
        if (!device.shared() && device.eventMap().isEmpty()) {
            lpis.free(device.lpis());
            its.mapd(device.deviceId(), 0, false);
            devices.remove(device.deviceId());
        }
    }

    /**
     * Undoes a {@link #prepare} whose allocation then failed before any event was taken: a device that
     * is not shared and has no event goes as {@link #free} would let it go (LPIs back, MAPD V=0). Linux
     * 6.1 and 6.12 keep such a device until the MSI domain is torn down; the model drops it at once so
     * that a failed allocation leaves nothing taken.
     */
    public void teardown(ItsDevice device) {
        if (!device.shared() && device.eventMap().isEmpty() && devices.get(device.deviceId()) == device) {
            lpis.free(device.lpis());
            its.mapd(device.deviceId(), 0, false);
            devices.remove(device.deviceId());
        }
    }

    /** {@code its_irq_compose_msi_msg}: address = the ITS's GITS_TRANSLATER, data = the EventID. */
    public Message compose(ItsDevice device, int event) {
        checkAllocated(device, event);
        return Message.of(its.model().doorbell(), event);
    }

    public Optional<ItsDevice> device(long deviceId) {
        return Optional.ofNullable(devices.get(deviceId));
    }

    public Collection<ItsDevice> devices() {
        return Collections.unmodifiableCollection(devices.values());
    }

    private static void checkAllocated(ItsDevice device, int event) {
        if (event < 0 || event >= device.events() || !device.isAllocated(event)) {
            throw new IllegalArgumentException("event " + event + " of DeviceID " + device.deviceId() + " is not allocated");
        }
    }
}
