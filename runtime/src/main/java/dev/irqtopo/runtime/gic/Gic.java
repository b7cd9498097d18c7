package dev.irqtopo.runtime.gic;

import dev.irqtopo.model.arm.GicModel;
import dev.irqtopo.model.arm.V2mFrameModel;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The GIC of a platform as hardware on the memory bus: its ITS units and GICv2m frames, each behind
 * its doorbell address. {@link #write} is what a 32-bit write does: at an ITS's GITS_TRANSLATER the
 * ITS translates it with the writer's DeviceID; at a frame's MSI_SETSPI_NS the data is the SPI,
 * whoever wrote it; anywhere else it is a memory write.
 */
public final class Gic {

    private final GicModel model;
    private final Map<Long, Its> itsByDoorbell = new LinkedHashMap<>();
    private final Map<Long, V2mFrameModel> framesByDoorbell = new LinkedHashMap<>();
    /** The units in declaration order, and by name: the GIC's units never change, and every write and reach asks. */
    private final List<Its> its;
    private final Map<String, Its> itsByName = new HashMap<>();
    private final List<V2mFrameModel> frames;

    /** A GIC whose ITS units are freshly reset (no device, no collection), with {@code cpus} CPUs. */
    public Gic(GicModel model, int cpus) {
        this.model = model;
        long lpiLimit = LpiRanges.forIdBits(model.idBits()).limit();
        model.its().forEach(u -> itsByDoorbell.put(u.doorbell(), new Its(u, cpus, lpiLimit)));
        model.v2m().forEach(f -> framesByDoorbell.put(f.doorbell(), f));
        this.its = List.copyOf(itsByDoorbell.values());
        this.its.forEach(u -> itsByName.putIfAbsent(u.name(), u));
        this.frames = List.copyOf(framesByDoorbell.values());
    }

    public GicModel model() {
        return model;
    }

    public List<Its> its() {
        return its;
    }

    public Optional<Its> its(String name) {
        return Optional.ofNullable(itsByName.get(name));
    }

    public List<V2mFrameModel> frames() {
        return frames;
    }

    /**
     * Whether Linux marks the MSI domain of {@code controller} as isolating MSIs
     * ({@code IRQ_DOMAIN_FLAG_ISOLATED_MSI}): an ITS yes, since it checks the DeviceID (the Socionext
     * pre-ITS quirk, which clears it, is not modelled); a GICv2m frame no.
     */
    public boolean isolatedMsi(String controller) {
        if (its(controller).isPresent()) {
            return true;
        }
        if (model.v2m(controller).isPresent()) {
            return false;
        }
        throw new IllegalArgumentException("no MSI controller " + controller);
    }

    /** A 32-bit write of {@code data} to {@code address} by {@code sender}. */
    public WriteOutcome write(Sender sender, long address, int data) {
        Its its = itsByDoorbell.get(address);
        if (its != null) {
            return its.translate(sender.deviceId(its.name()), data);
        }
        V2mFrameModel frame = framesByDoorbell.get(address);
        if (frame != null) {
            long spi = Integer.toUnsignedLong(data);
            return frame.covers(spi)
                    ? new WriteOutcome.Delivered(frame.name(), new GicInterrupt.Spi((int) spi))
                    : new WriteOutcome.Ignored(frame.name(), IgnoreReason.SPI_OUT_OF_RANGE);
        }
        return WriteOutcome.memoryWrite();
    }
}
