package dev.irqtopo.bench;

import dev.irqtopo.runtime.DeviceStorage;
import dev.irqtopo.runtime.Hardware;
import dev.irqtopo.runtime.Platform;
import dev.irqtopo.runtime.delivery.Delivery;
import dev.irqtopo.runtime.message.Message;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Firing a slot of a booted platform against a bare array lookup of the same deliveries, with the
 * same slot sequence: a seeded permutation of every allocated slot, walked one step per call so the
 * JIT cannot fold the slot into a constant. {@link #fire} is the public hot path (device storage
 * slot, stored message, remapping unit, ownership, delivery, computed once per platform change);
 * {@link #route} sends the same stored message through the whole path again on every call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DeliveryBenchmark {

    @Param
    public DeliveryPath path;

    private DeviceStorage storage;
    private Hardware hardware;
    /** What firing each slot delivers, in a plain array: the baseline. */
    private Delivery[] deliveries;
    /** What each slot holds, for {@link #route}. */
    private Message[] messages;
    private int[] order;
    private int next;

    @Setup(Level.Trial)
    public void boot() {
        Platform platform = Platform.create(path.model());
        platform.boot();
        hardware = platform.hardware();
        storage = hardware.storage(path.device, path.busDomain);
        deliveries = new Delivery[DeliveryPath.SLOTS];
        messages = new Message[DeliveryPath.SLOTS];
        for (int slot = 0; slot < DeliveryPath.SLOTS; slot++) {
            Delivery delivery = storage.fire(slot);
            if (!(delivery instanceof Delivery.Delivered delivered) || !delivered.kernel().equals(path.kernel)) {
                throw new IllegalStateException(path + " slot " + slot + " was not delivered to " + path.kernel + ": " + delivery);
            }
            deliveries[slot] = delivery;
            messages[slot] = storage.read(slot).orElseThrow();
            Delivery routed = hardware.emit(path.device, messages[slot]);
            if (!routed.equals(delivery)) {
                throw new IllegalStateException(path + " slot " + slot + " routes to " + routed + " but fires " + delivery);
            }
        }
        order = permutation(DeliveryPath.SLOTS, new Random(42));
    }

    /** The slot for this call: the next one of the permutation. */
    private int nextSlot() {
        return order[next++ & DeliveryPath.SLOTS - 1];
    }

    @Benchmark
    public Delivery bareLookup() {
        return deliveries[nextSlot()];
    }

    @Benchmark
    public Delivery fire() {
        return storage.fire(nextSlot());
    }

    @Benchmark
    public Delivery route() {
        return hardware.emit(path.device, messages[nextSlot()]);
    }

    private static int[] permutation(int size, Random random) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
