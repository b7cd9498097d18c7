package dev.irqtopo.runtime;

import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.StorageModel;

import dev.irqtopo.runtime.message.Message;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;
import java.util.Optional;

/**
 * One message storage of a device, as the hardware holds it: MSI capability registers (one
 * address/data for the whole block, the device puts the message number in data's low bits), an
 * MSI-X table, or IMS slots in device or queue memory. A slot never written, or masked, sends
 * nothing. Slots start masked and never written.
 *
 * <p>{@link #fire} is the hot path and takes no lock: each slot keeps its last delivery with the
 * stamp of the platform state it was computed in, so firing a slot while nothing changes allocates
 * nothing and costs a stamp read and a comparison.
 */
public final class DeviceStorage {

    private final Platform platform;
    private final Device device;
    private final StorageModel model;
    private final long[] address;
    private final int[] data;
    private final boolean[] written;
    private final boolean[] masked;
    /** MSI only: how many messages the capability has enabled (a power of two, 0 while disabled). */
    private int enabled;
    private final Irq[] claimedBy;
    /** The slots an interrupt uses, to find the lowest free one without walking every slot. */
    private final BitSet claimed = new BitSet();

    private final PlatformLock lock;
    /** Per slot the last route computed, replaced whole so that a reader never pairs one state's stamp with another's delivery. */
    private final Route[] routes;

    DeviceStorage(Platform platform, Device device, StorageModel model) {
        this.platform = platform;
        this.device = device;
        this.model = model;
        int size = model.size();
        this.address = new long[size];
        this.data = new int[size];
        this.written = new boolean[size];
        this.masked = new boolean[size];
        Arrays.fill(masked, true);
        this.claimedBy = new Irq[size];
        this.lock = platform.lock();
        this.routes = new Route[size];
    }

    /** The device's name. */
    public String device() {
        return device.name();
    }

    public StorageKind kind() {
        return model.kind();
    }

    public BusDomainKind busDomain() {
        return model.kind().busDomain();
    }

    /** Slots: MSI messages, MSI-X entries or IMS slots. */
    public int size() {
        return model.size();
    }

    /**
     * The device fires {@code slot}: what happens to the message it emits. Safe from any thread at any
     * time and never blocks a change: the result is the delivery in the platform's state at one moment
     * during the call, before or after any concurrent change, never in between.
     */
    public Delivery fire(int slot) {
        Objects.checkIndex(slot, routes.length);
        long stamp = lock.stamp();
        Route route = routes[slot];
        return route != null && route.stamp == stamp ? route.delivery : recompute(slot);
    }

    /** The slow path, kept out of {@link #fire} so that the hot path stays small enough to inline. */
    private Delivery recompute(int slot) {
        for (int attempt = 0; ; attempt++) {
            long stamp = lock.stamp();
            Delivery delivery = stamp == 0 ? null : routeUnlocked(slot, stamp);
            if (delivery != null) {
                routes[slot] = new Route(stamp, delivery);
                return delivery;
            }
            PlatformLock.backOff(attempt);
        }
    }

    /**
     * Routes the slot's message without the lock. A change that overlaps the reading can show this
     * thread a mix of states, from which the routing may return anything or fail; either way the
     * stamp tells, and the caller tries again. Returns null in that case.
     */
    private Delivery routeUnlocked(int slot, long stamp) {
        Delivery delivery;
        try {
            delivery = sends(slot)
                    ? platform.router().route(device, emittedAddress(slot), emittedData(slot), null)
                    : Delivery.notSent();
        } catch (RuntimeException e) {
            if (lock.unchangedSince(stamp)) {
                throw e;
            }
            return null;
        }
        return lock.unchangedSince(stamp) ? Objects.requireNonNull(delivery) : null;
    }

    /** The message the device emits for {@code slot} if it fired it unmasked; empty when never written. */
    public Optional<Message> read(int slot) {
        Objects.checkIndex(slot, written.length);
        return lock.read(() -> holds(slot) ? Optional.of(Message.of(emittedAddress(slot), emittedData(slot))) : Optional.empty());
    }

    /** Whether {@code slot} is masked. */
    public boolean isMasked(int slot) {
        Objects.checkIndex(slot, masked.length);
        return lock.read(() -> masked[slot]);
    }

    // ---- state the stacks and the hypervisor change, each change journaled

    boolean isMsi() {
        return model.kind() == StorageKind.MSI;
    }

    int enabled() {
        return enabled;
    }

    Irq claimant(int slot) {
        return claimedBy[slot];
    }

    int freeSlots() {
        return claimedBy.length - claimed.cardinality();
    }

    /** The lowest slot no interrupt uses, or -1. */
    int lowestFreeSlot() {
        int slot = claimed.nextClearBit(0);
        return slot < claimedBy.length ? slot : -1;
    }

    /** {@code irq} uses {@code slot}, which no interrupt used. */
    void claim(int slot, Irq irq, Journal journal) {
        claimedBy[slot] = irq;
        claimed.set(slot);
        journal.record(() -> {
            claimedBy[slot] = null;
            claimed.clear(slot);
        });
    }

    /**
     * Writes a message and unmasks the slot. For MSI the message goes to the capability's one
     * address/data pair, and at least one message is enabled.
     */
    void write(int slot, Message message, Journal journal) {
        int register = isMsi() ? 0 : slot;
        long previousAddress = address[register];
        int previousData = data[register];
        boolean previousWritten = written[register];
        boolean previousMasked = masked[slot];
        int previousEnabled = enabled;
        address[register] = message.address();
        data[register] = message.data();
        written[register] = true;
        masked[slot] = false;
        if (isMsi()) {
            enabled = Math.max(enabled, 1);
        }
        journal.record(() -> {
            address[register] = previousAddress;
            data[register] = previousData;
            written[register] = previousWritten;
            masked[slot] = previousMasked;
            enabled = previousEnabled;
        });
    }

    /** MSI: enables {@code count} messages (a power of two) and unmasks them. */
    void enableMsi(int count, Journal journal) {
        int previousEnabled = enabled;
        boolean[] previousMasked = masked.clone();
        enabled = count;
        Arrays.fill(masked, 0, count, false);
        journal.record(() -> {
            enabled = previousEnabled;
            System.arraycopy(previousMasked, 0, masked, 0, masked.length);
        });
    }

    private boolean holds(int slot) {
        return isMsi() ? written[0] && slot < enabled : written[slot];
    }

    private boolean sends(int slot) {
        return holds(slot) && !masked[slot];
    }

    private long emittedAddress(int slot) {
        return address[isMsi() ? 0 : slot];
    }

    /** MSI message {@code slot} of a block of {@code enabled}: the slot number replaces data's low bits. */
    private int emittedData(int slot) {
        if (!isMsi()) {
            return data[slot];
        }
        return Message.multiMessageData(data[0], enabled, slot);
    }

    /** The delivery of a slot as computed in the platform state that {@code stamp} names. */
    private record Route(long stamp, Delivery delivery) {
    }

    /** The state of every slot that differs from reset, for snapshots. */
    PlatformSnapshot.StorageState state() {
        java.util.List<PlatformSnapshot.SlotState> slots = new java.util.ArrayList<>();
        for (int slot = 0; slot < written.length; slot++) {
            Irq claimant = claimedBy[slot];
            if (written[slot] || !masked[slot] || claimant != null) {
                slots.add(new PlatformSnapshot.SlotState(slot,
                        written[slot] ? Optional.of(Message.of(address[slot], data[slot])) : Optional.empty(),
                        masked[slot],
                        claimant == null ? Optional.empty() : Optional.of(claimant.kernel.name() + " irq " + claimant.virq)));
            }
        }
        return new PlatformSnapshot.StorageState(device.name(), busDomain(), enabled, slots);
    }
}
