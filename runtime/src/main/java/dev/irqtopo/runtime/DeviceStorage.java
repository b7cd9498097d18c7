package dev.irqtopo.runtime;

import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.runtime.bus.Storage;
import dev.irqtopo.runtime.delivery.Delivery;
import dev.irqtopo.runtime.delivery.Router;
import dev.irqtopo.runtime.delivery.Source;
import dev.irqtopo.runtime.message.Message;

import java.util.Objects;
import java.util.Optional;

/**
 * One message storage of a device, seen from the hardware side: an MSI capability, an MSI-X table or
 * IMS slots. A slot never written, or masked, sends nothing; slots start masked and never written.
 *
 * <p>{@link #fire} is the hot path and takes no lock: each slot keeps its last delivery with the
 * stamp of the platform state it was computed in, so firing a slot while nothing changes allocates
 * nothing and costs a stamp read and a comparison.
 */
public final class DeviceStorage {

    private final Storage storage;
    private final Source source;
    private final Router router;
    private final PlatformLock lock;
    /** Per slot the last route computed, replaced whole so that a reader never pairs one state's stamp with another's delivery. */
    private final Route[] routes;

    DeviceStorage(Storage storage, Source source, Router router, PlatformLock lock) {
        this.storage = storage;
        this.source = source;
        this.router = router;
        this.lock = lock;
        this.routes = new Route[storage.size()];
    }

    /** The device's name. */
    public String device() {
        return storage.device();
    }

    public StorageKind kind() {
        return storage.kind();
    }

    public BusDomainKind busDomain() {
        return storage.busDomain();
    }

    /** Slots: MSI messages, MSI-X entries or IMS slots. */
    public int size() {
        return storage.size();
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
            delivery = storage.sends(slot)
                    ? router.route(source, storage.emittedAddress(slot), storage.emittedData(slot), null)
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
        Objects.checkIndex(slot, routes.length);
        return lock.read(() -> storage.emitted(slot));
    }

    /** Whether {@code slot} is masked. */
    public boolean isMasked(int slot) {
        Objects.checkIndex(slot, routes.length);
        return lock.read(() -> storage.isMasked(slot));
    }

    /** The delivery of a slot as computed in the platform state that {@code stamp} names. */
    private record Route(long stamp, Delivery delivery) {
    }
}
