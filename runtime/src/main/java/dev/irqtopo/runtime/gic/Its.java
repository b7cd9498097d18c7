package dev.irqtopo.runtime.gic;

import dev.irqtopo.model.arm.EventIdOverflow;
import dev.irqtopo.model.arm.ItsModel;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One ITS as hardware: GITS_CTLR.Enabled, the device table (DeviceID → ITT), the ITTs (EventID → LPI
 * and collection) and the collection table (ICID → target CPU), changed only by the commands Linux
 * sends (MAPD, MAPC, MAPTI, MOVI, DISCARD), and {@link #translate}, what a write to GITS_TRANSLATER
 * does (Arm IHI 0069, the GITS_TRANSLATER register description). Commands are refused as KVM's emulated
 * ITS refuses them ({@link ItsCommandError}). Collections target CPUs by their linear processor number, as an ITS without
 * GITS_TYPER.PTA is programmed.
 */
public final class Its {

    /** Collection ids are 16 bits wide in every command. */
    public static final int COLLECTIONS = 1 << 16;

    private final ItsModel model;
    private final int cpus;
    private final long lpiLimit;
    private boolean enabled;
    private final TreeMap<Long, Itt> devices = new TreeMap<>();
    private final Map<Integer, Integer> collections = new HashMap<>();

    /**
     * @param cpus     the CPUs MAPC may target, 0..cpus-1
     * @param lpiLimit one past the last LPI INTID the GIC implements (MAPTI refuses LPIs from there)
     */
    public Its(ItsModel model, int cpus, long lpiLimit) {
        if (cpus < 1 || lpiLimit <= LpiRanges.FIRST_LPI) {
            throw new IllegalArgumentException("cpus " + cpus + " LPI limit " + lpiLimit);
        }
        this.model = model;
        this.cpus = cpus;
        this.lpiLimit = lpiLimit;
        this.enabled = model.enabled();
    }

    public ItsModel model() {
        return model;
    }

    public String name() {
        return model.name();
    }

    public boolean enabled() {
        return enabled;
    }

    /** Writes GITS_CTLR.Enabled. */
    public void setEnabled(boolean on) {
        enabled = on;
    }

    /**
     * MAPD: with {@code valid}, maps {@code deviceId} to a fresh ITT covering {@code size + 1} EventID
     * bits, dropping any ITT it had with all its entries; without, unmaps it.
     */
    public Optional<ItsCommandError> mapd(long deviceId, int size, boolean valid) {
        if (!model.fitsDeviceId(deviceId)) {
            return Optional.of(ItsCommandError.MAPD_DEVICE_OUT_OF_RANGE);
        }
        if (valid && (size < 0 || size + 1 > model.eventIdBits())) {
            return Optional.of(ItsCommandError.MAPD_ITT_SIZE_OUT_OF_RANGE);
        }
        devices.remove(deviceId);
        if (valid) {
            devices.put(deviceId, new Itt(size + 1));
        }
        return Optional.empty();
    }

    /** MAPC: with {@code valid}, collection {@code icid} targets {@code cpu}; without, it is unmapped. */
    public Optional<ItsCommandError> mapc(int icid, int cpu, boolean valid) {
        if (icid < 0 || icid >= COLLECTIONS) {
            return Optional.of(ItsCommandError.MAPC_COLLECTION_OUT_OF_RANGE);
        }
        if (!valid) {
            collections.remove(icid);
            return Optional.empty();
        }
        if (cpu < 0 || cpu >= cpus) {
            return Optional.of(ItsCommandError.MAPC_PROCESSOR_OUT_OF_RANGE);
        }
        collections.put(icid, cpu);
        return Optional.empty();
    }

    /**
     * MAPTI: event {@code eventId} of {@code deviceId} becomes LPI {@code lpi} in collection {@code icid}.
     * Mapping an event that already has an entry is UNPREDICTABLE in the architecture and Linux never
     * does it (it discards first), so here it is a programmer error.
     */
    public Optional<ItsCommandError> mapti(long deviceId, long eventId, int lpi, int icid) {
        Itt itt = devices.get(deviceId);
        if (itt == null) {
            return Optional.of(ItsCommandError.MAPTI_UNMAPPED_DEVICE);
        }
        if (!itt.covers(eventId)) {
            return Optional.of(ItsCommandError.MAPTI_EVENT_OUT_OF_RANGE);
        }
        if (lpi < LpiRanges.FIRST_LPI || lpi >= lpiLimit) {
            return Optional.of(ItsCommandError.MAPTI_PHYSICAL_ID_OUT_OF_RANGE);
        }
        if (icid < 0 || icid >= COLLECTIONS) {
            return Optional.of(ItsCommandError.MAPTI_COLLECTION_OUT_OF_RANGE);
        }
        if (itt.get(eventId) != null) {
            throw new IllegalStateException("event " + eventId + " of DeviceID " + deviceId + " is already mapped");
        }
        itt.put(eventId, new Ite(lpi, icid));
        return Optional.empty();
    }

    /**
     * MOVI: the entry of the event moves to collection {@code icid}. Both the entry's collection and the
     * new one must be mapped.
     */
    public Optional<ItsCommandError> movi(long deviceId, long eventId, int icid) {
        if (icid < 0 || icid >= COLLECTIONS) {
            return Optional.of(ItsCommandError.MAPTI_COLLECTION_OUT_OF_RANGE);
        }
        Ite ite = entry(deviceId, eventId);
        if (ite == null) {
            return Optional.of(ItsCommandError.MOVI_UNMAPPED_INTERRUPT);
        }
        if (!collections.containsKey(ite.icid()) || !collections.containsKey(icid)) {
            return Optional.of(ItsCommandError.MOVI_UNMAPPED_COLLECTION);
        }
        devices.get(deviceId).put(eventId, new Ite(ite.lpi(), icid));
        return Optional.empty();
    }

    /** DISCARD: removes the entry of the event, which must exist in a mapped collection. */
    public Optional<ItsCommandError> discard(long deviceId, long eventId) {
        Ite ite = entry(deviceId, eventId);
        if (ite == null || !collections.containsKey(ite.icid())) {
            return Optional.of(ItsCommandError.DISCARD_UNMAPPED_INTERRUPT);
        }
        devices.get(deviceId).remove(eventId);
        return Optional.empty();
    }

    /** The entry of the event, or null when its DeviceID has no ITT or the ITT no entry for it. */
    private Ite entry(long deviceId, long eventId) {
        Itt itt = devices.get(deviceId);
        return itt == null ? null : itt.get(eventId);
    }

    /**
     * A write of {@code data} to GITS_TRANSLATER by a writer presenting {@code deviceId} (empty: none).
     * The checks run in the order the outcome names them: enabled, DeviceID present, DeviceID size,
     * ITT present, EventID bits (with the modelled choice for bits above ID_bits), ITT range, entry
     * present, collection mapped.
     */
    public WriteOutcome translate(OptionalLong deviceId, int data) {
        if (!enabled) {
            return ignored(IgnoreReason.ITS_DISABLED);
        }
        if (deviceId.isEmpty()) {
            return ignored(IgnoreReason.NO_DEVICE_ID);
        }
        long device = deviceId.getAsLong();
        if (!model.fitsDeviceId(device)) {
            return ignored(IgnoreReason.DEVICE_ID_TOO_LARGE);
        }
        Itt itt = devices.get(device);
        if (itt == null) {
            return ignored(IgnoreReason.DEVICE_ID_UNMAPPED);
        }
        long eventId = Integer.toUnsignedLong(data);
        if (eventId >>> model.eventIdBits() != 0) {
            if (model.eventIdOverflow() == EventIdOverflow.WRITE_IGNORED) {
                return ignored(IgnoreReason.EVENT_ID_BITS_UNSUPPORTED);
            }
            eventId &= model.eventIds() - 1;
        }
        if (!itt.covers(eventId)) {
            return ignored(IgnoreReason.EVENT_ID_OUT_OF_RANGE);
        }
        Ite ite = itt.get(eventId);
        if (ite == null) {
            return ignored(IgnoreReason.EVENT_ID_UNMAPPED);
        }
        Integer cpu = collections.get(ite.icid());
        if (cpu == null) {
            return ignored(IgnoreReason.COLLECTION_UNMAPPED);
        }
        return new WriteOutcome.Delivered(name(), new GicInterrupt.Lpi(ite.lpi(), cpu));
    }

    /** The ITT of {@code deviceId}, if MAPD gave it one. */
    public Optional<Itt> itt(long deviceId) {
        return Optional.ofNullable(devices.get(deviceId));
    }

    /** The mapped DeviceIDs and their ITTs, in DeviceID order. */
    public SortedMap<Long, Itt> devices() {
        return Collections.unmodifiableSortedMap(devices);
    }

    /** The CPU collection {@code icid} targets, if mapped. */
    public OptionalInt collectionTarget(int icid) {
        Integer cpu = collections.get(icid);
        return cpu == null ? OptionalInt.empty() : OptionalInt.of(cpu);
    }

    /** The mapped collections, ICID → target CPU (its RDbase: the processor number, GITS_TYPER.PTA = 0), in ICID order. */
    public SortedMap<Integer, Integer> collections() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(collections));
    }

    private WriteOutcome ignored(IgnoreReason reason) {
        return new WriteOutcome.Ignored(name(), reason);
    }
}
