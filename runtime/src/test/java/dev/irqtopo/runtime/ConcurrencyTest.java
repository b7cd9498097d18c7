package dev.irqtopo.runtime;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.irqtopo.model.StorageKind.IMS_DEVICE;
import static dev.irqtopo.model.StorageKind.IMS_QUEUE;
import static dev.irqtopo.model.StorageKind.MSI;
import static dev.irqtopo.model.StorageKind.MSIX;
import static dev.irqtopo.testing.PlatformBuilder.amdViUnit;
import static dev.irqtopo.testing.PlatformBuilder.covering;
import static dev.irqtopo.testing.PlatformBuilder.device;
import static dev.irqtopo.testing.PlatformBuilder.hcallStack;
import static dev.irqtopo.testing.PlatformBuilder.hypervisorWith;
import static dev.irqtopo.testing.PlatformBuilder.imsDevice;
import static dev.irqtopo.testing.PlatformBuilder.imsQueue;
import static dev.irqtopo.testing.PlatformBuilder.msi;
import static dev.irqtopo.testing.PlatformBuilder.msix;
import static dev.irqtopo.testing.PlatformBuilder.platform;
import static dev.irqtopo.testing.PlatformBuilder.remapStack;
import static dev.irqtopo.testing.PlatformBuilder.stack;
import static dev.irqtopo.testing.PlatformBuilder.subDevice;
import static dev.irqtopo.testing.PlatformBuilder.vtdUnit;
import static dev.irqtopo.testing.PlatformBuilder.withEntries;
import static dev.irqtopo.testing.PlatformBuilder.withPosted;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.IommuKind;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.runtime.delivery.Delivery;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.testing.OwnershipInvariant;
import dev.irqtopo.testing.PlatformBuilder;
import dev.irqtopo.testing.Render;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Eight threads allocate, free and fire on one platform, a million operations in all, over every kind
 * of chain (VT-d with posting, AMD-Vi with a table two devices share, no remapping, multi-message
 * MSI, guest hypercalls and trapped stores), with tables small enough that requests fail part way and
 * roll back while others fire.
 *
 * <p>Each stack belongs to one thread (the nine stacks go round the eight threads): only that thread
 * allocates and frees there, so it knows the stack's state.
 * The invariants:
 * <ul>
 *   <li>Exclusive ownership: every irq number, vector and remap entry an allocation returns is
 *       registered as its owner's until just before it is freed; registering one that is already
 *       registered fails. Every thousandth operation a snapshot, taken between two changes, must show
 *       one owner per vector, irq number and entry ({@link OwnershipInvariant}).</li>
 *   <li>Deliveries follow ownership: firing slot s of a stack returns, for the state at some moment
 *       of the call, {@code delivered} to the interrupt that then holds s (its kernel's CPU, vector and
 *       irq number: a guest's interrupt lands on the guest's own handler, posted or injected), or
 *       {@code not_sent} when no interrupt holds s or a trapped store was dropped. A thread firing its
 *       own stack knows that state exactly. A thread firing another's stack reads the owner's
 *       published version before and after: the result must be the expectation of one of the
 *       versions in between, an operation in flight counting with the states before and after it.</li>
 *   <li>No leak: with everything freed, the platform equals the unbooted one, and redoing the boot
 *       allocations gives exactly the booted snapshot.</li>
 * </ul>
 */
class ConcurrencyTest {

    private static final int THREADS = 8;
    private static final int OPERATIONS = 1_000_000;
    private static final int SNAPSHOT_EVERY = 1_000;
    /** Published versions each stack keeps for other threads' fires. */
    private static final int HISTORY = 256;

    /**
     * Two host CPUs (APIC IDs 0 and 0x100, which compatibility format cannot reach); VT-d with 32
     * posted entries on pci0, AMD-Vi with 16 entries per requester id on pci1, no remapping on pci2;
     * a hypervisor that traps MSI-X and offers the hypercall; two guests of two vCPUs.
     */
    private static PlatformModel model() {
        IommuModel vtd = covering(withPosted(withEntries(vtdUnit("dmar0"), 32)), "pci0");
        IommuModel amd = covering(amdViUnit("dmar1", 16), "pci1");
        PlatformBuilder.DeviceSpec h2 = device("h2", "04:00.0", msix(16));
        return platform("Concurrent")
                .apicIds(ApicMode.X2APIC, 0, 0x100)
                .iommu(vtd)
                .iommu(amd)
                .hypervisor(hypervisorWith(true, true, false, StorageKind.MSIX))
                .bus("pci0", device("h0", "03:00.0", msix(16)), device("h1", "03:00.1", msi(8)),
                        device("g0", "03:00.2", msix(16)), device("g1", "03:00.3", msix(16)))
                .bus("pci1", h2, subDevice("h3", h2, 1, imsDevice(16)), device("g2", "04:00.1", imsQueue(16)))
                .bus("pci2", device("h4", "05:00.0", msix(16)), device("g3", "05:00.1", msix(16)))
                .host(remapStack("h0", MSIX, "dmar0", 4), remapStack("h1", MSI, "dmar0", 4),
                        remapStack("h2", MSIX, "dmar1", 4), remapStack("h3", IMS_DEVICE, "dmar1", 4), stack("h4", MSIX, 4))
                .guest("vm0", 2, List.of("g0", "g2"), hcallStack("g0", MSIX, 4), hcallStack("g2", IMS_QUEUE, 4))
                .guest("vm1", 2, List.of("g1", "g3"), stack("g1", MSIX, 4), hcallStack("g3", MSIX, 4))
                .build();
    }

    @Test
    @Timeout(120)
    void eightThreadsAllocateFreeAndFireWithOneOwnerPerResourceAndNothingLeaked() throws Exception {
        PlatformModel model = model();
        PlatformSnapshot unbooted = Platform.create(model).snapshot();
        Platform platform = Platform.create(model);
        List<StackResult> boot = platform.boot();
        PlatformSnapshot booted = platform.snapshot();
        OwnershipInvariant.check(platform, booted);
        Shared shared = new Shared(platform);
        List<Tracked> stacks = new ArrayList<>();
        for (int i = 0; i < platform.stacks().size(); i++) {
            Tracked t = new Tracked(platform, platform.stacks().get(i));
            for (AllocatedInterrupt irq : boot.get(i).allocation().interrupts()) {
                t.held.put(irq.slot(), irq);
                shared.register(t, irq);
            }
            t.history.set(0, t.expectations());
            stacks.add(t);
        }

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            List<Tracked> owned = new ArrayList<>();
            for (int s = i; s < stacks.size(); s += THREADS) {
                owned.add(stacks.get(s));
            }
            Worker worker = new Worker(shared, stacks, owned, new Random(i));
            workers.add(pool.submit(() -> {
                start.await();
                worker.run(OPERATIONS / THREADS);
                return null;
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        try {
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            shared.stop.set(true);
            pool.shutdownNow();
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);

        // at rest: every slot delivers as its owner expects, and the engine agrees on who holds what
        OwnershipInvariant.check(platform, platform.snapshot());
        for (Tracked t : stacks) {
            assertWithMessage("%s interrupts", t.stack.device()).that(t.stack.interrupts())
                    .containsExactlyElementsIn(t.held.values()).inOrder();
            Delivery[] expected = t.expectations();
            for (int slot = 0; slot < expected.length; slot++) {
                assertWithMessage("%s slot %s at rest", t.stack.device(), slot).that(t.storage.fire(slot)).isEqualTo(expected[slot]);
            }
        }
        for (Stack s : platform.stacks()) {
            for (List<AllocatedInterrupt> held = s.interrupts(); !held.isEmpty(); held = s.interrupts()) {
                assertThat(s.free(held.get(0).virq())).isEmpty();
            }
        }
        assertWithMessage("everything freed").that(platform.snapshot()).isEqualTo(unbooted);
        for (Stack s : platform.stacks()) {
            s.allocate(s.model().alloc());
        }
        assertWithMessage("the boot allocations again").that(platform.snapshot()).isEqualTo(booted);

        long operations = shared.allocations.sum() + shared.frees.sum() + shared.ownFires.sum() + shared.foreignFires.sum();
        System.out.printf("concurrency: %d operations on %d threads in %d ms: %d allocations (%d interrupts; failed %s), %d frees, "
                        + "%d fires of own slots, %d of other threads' (%d too far behind to check), %d snapshots checked%n",
                operations, THREADS, millis, shared.allocations.sum(), shared.interrupts.sum(), shared.failures,
                shared.frees.sum(), shared.ownFires.sum(), shared.foreignFires.sum(), shared.unchecked.sum(), shared.snapshots.sum());
        assertThat(operations).isEqualTo(OPERATIONS);
        // requests failed part way (tables full) and rolled back while others fired
        assertThat(shared.failures.keySet()).containsAtLeast(Errno.ENOMEM, Errno.ENOSPC);
        // a fire is unchecked only when its thread was preempted while the owner moved on by a whole history
        assertThat(shared.unchecked.sum()).isLessThan(shared.foreignFires.sum() / 10);
    }

    /** What all threads share: the platform, the ownership register, the counters, and the stop flag. */
    private static final class Shared {
        final Platform platform;
        /** "host irq 24", "vm0 cpu 1 vector 0x21", "dmar0 entry 3": who holds it now. */
        final Map<String, String> owners = new ConcurrentHashMap<>();
        final AtomicBoolean stop = new AtomicBoolean();
        final LongAdder allocations = new LongAdder();
        final LongAdder interrupts = new LongAdder();
        final LongAdder frees = new LongAdder();
        final LongAdder ownFires = new LongAdder();
        final LongAdder foreignFires = new LongAdder();
        final LongAdder unchecked = new LongAdder();
        final LongAdder snapshots = new LongAdder();
        final Map<Errno, LongAdder> failures = new ConcurrentSkipListMap<>();

        Shared(Platform platform) {
            this.platform = platform;
        }

        void register(Tracked t, AllocatedInterrupt irq) {
            for (String resource : resources(t, irq)) {
                String earlier = owners.putIfAbsent(resource, t.stack.device() + " slot " + irq.slot());
                if (earlier != null) {
                    throw new AssertionError(resource + " given to " + t.stack.device() + " slot " + irq.slot()
                            + " while " + earlier + " holds it");
                }
            }
        }

        void unregister(Tracked t, AllocatedInterrupt irq) {
            for (String resource : resources(t, irq)) {
                assertWithMessage("register of %s", resource).that(owners.remove(resource)).isNotNull();
            }
        }

        private List<String> resources(Tracked t, AllocatedInterrupt irq) {
            String kernel = t.stack.kernel().name();
            List<String> resources = new ArrayList<>(List.of(kernel + " irq " + irq.virq(),
                    String.format("%s cpu %d vector 0x%02x", kernel, irq.cpu(), irq.vector())));
            irq.remapIndex().ifPresent(index -> resources.add(t.table + " entry " + index));
            return resources;
        }
    }

    /**
     * One stack with what its owner thread knows about it. Other threads read only {@link #version}
     * (even when settled, odd while an operation is in flight) and {@link #history}, which holds the
     * expected delivery of every slot for each settled version.
     */
    private static final class Tracked {
        final Stack stack;
        final DeviceStorage storage;
        /** The remap table its entries come from: "dmar0", or "dmar1 04:00.0" for an AMD-Vi requester id's. */
        final String table;
        /** A guest stack whose stores the hypervisor traps: a store the host cannot serve is dropped. */
        final boolean trapped;
        final AtomicLong version = new AtomicLong();
        final AtomicReferenceArray<Delivery[]> history = new AtomicReferenceArray<>(HISTORY);
        /** The owner's view: interrupts by slot. */
        final TreeMap<Integer, AllocatedInterrupt> held = new TreeMap<>();

        Tracked(Platform platform, Stack stack) {
            this.stack = stack;
            this.storage = platform.hardware().storage(stack.device(), stack.busDomain());
            var device = platform.model().device(stack.device()).orElseThrow();
            Optional<IommuModel> unit = platform.model().iommuCovering(device);
            this.table = unit.map(u -> u.kind() == IommuKind.VTD ? u.name() : u.name() + " " + device.requesterId()).orElse("none");
            this.trapped = !stack.kernel().isHost() && !stack.model().hypercall();
        }

        /** Each slot: delivered to the interrupt holding it, or not sent (free, or a dropped trapped store). */
        Delivery[] expectations() {
            Delivery[] expected = new Delivery[storage.size()];
            for (int slot = 0; slot < expected.length; slot++) {
                AllocatedInterrupt irq = held.get(slot);
                expected[slot] = irq == null || trapped && irq.remapIndex().isEmpty()
                        ? Delivery.notSent()
                        : new Delivery.Delivered(stack.kernel().name(), irq.cpu(), irq.vector(), irq.virq());
            }
            return expected;
        }

        /** Called by the owner around each change of its stack. */
        long begin() {
            long settled = version.get();
            version.set(settled + 1);
            return settled;
        }

        void end(long settled) {
            history.set((int) ((settled + 2) / 2 % HISTORY), expectations());
            version.set(settled + 2);
        }
    }

    private static final class Worker {
        private final Shared shared;
        private final List<Tracked> all;
        private final List<Tracked> owned;
        private final Random random;

        Worker(Shared shared, List<Tracked> all, List<Tracked> owned, Random random) {
            this.shared = shared;
            this.all = all;
            this.owned = owned;
            this.random = random;
        }

        void run(int operations) {
            try {
                for (int op = 1; op <= operations && !shared.stop.get(); op++) {
                    Tracked own = owned.get(random.nextInt(owned.size()));
                    int choice = random.nextInt(100);
                    if (choice < 25) {
                        allocate(own);
                    } else if (choice < 45) {
                        free(own);
                    } else if (choice < 70) {
                        fireOwn(own);
                    } else {
                        fireForeign();
                    }
                    if (op % SNAPSHOT_EVERY == 0) {
                        OwnershipInvariant.check(shared.platform, shared.platform.snapshot());
                        assertWithMessage("%s interrupts", own.stack.device()).that(own.stack.interrupts())
                                .containsExactlyElementsIn(own.held.values()).inOrder();
                        shared.snapshots.increment();
                    }
                }
            } catch (RuntimeException | AssertionError e) {
                shared.stop.set(true);
                throw e;
            }
        }

        private void allocate(Tracked own) {
            int count = own.stack.storageKind() == StorageKind.MSI ? 1 << random.nextInt(3) : 1 + random.nextInt(4);
            long settled = own.begin();
            Allocation allocation = own.stack.allocate(count);
            if (allocation.succeeded()) {
                for (AllocatedInterrupt irq : allocation.interrupts()) {
                    shared.register(own, irq);
                    assertWithMessage("%s slot %s taken twice", own.stack.device(), irq.slot())
                            .that(own.held.put(irq.slot(), irq)).isNull();
                }
                shared.interrupts.add(allocation.interrupts().size());
            } else {
                shared.failures.computeIfAbsent(allocation.errno().get(), e -> new LongAdder()).increment();
            }
            own.end(settled);
            shared.allocations.increment();
        }

        /** Frees one interrupt; MSI is freed as a whole, so an MSI stack loses everything it holds. */
        private void free(Tracked own) {
            shared.frees.increment();
            if (own.held.isEmpty()) {
                return;
            }
            List<AllocatedInterrupt> held = new ArrayList<>(own.held.values());
            AllocatedInterrupt chosen = held.get(random.nextInt(held.size()));
            List<AllocatedInterrupt> going = own.stack.storageKind() == StorageKind.MSI ? held : List.of(chosen);
            for (AllocatedInterrupt irq : going) {
                shared.unregister(own, irq);
            }
            long settled = own.begin();
            assertWithMessage("free %s", chosen).that(own.stack.free(chosen.virq())).isEmpty();
            going.forEach(irq -> own.held.remove(irq.slot()));
            own.end(settled);
        }

        private void fireOwn(Tracked own) {
            int slot = random.nextInt(own.storage.size());
            Delivery delivery = own.storage.fire(slot);
            Delivery expected = own.expectations()[slot];
            if (!delivery.equals(expected)) {
                throw new AssertionError(String.format("%s slot %d: %s, but %s", own.stack.device(), slot,
                        Render.delivery(delivery), Render.delivery(expected)));
            }
            shared.ownFires.increment();
        }

        private void fireForeign() {
            Tracked other = all.get(random.nextInt(all.size()));
            int slot = random.nextInt(other.storage.size());
            long before = other.version.get();
            Delivery delivery = other.storage.fire(slot);
            long after = other.version.get();
            shared.foreignFires.increment();
            long low = before & ~1L;
            long high = after + 1 & ~1L;
            while (other.version.get() < high) {
                if (shared.stop.get()) {
                    return;
                }
                Thread.yield();
            }
            if (high - low > 2L * (HISTORY - 2)) {
                shared.unchecked.increment();
                return;
            }
            List<Delivery> possible = new ArrayList<>();
            for (long v = low; v <= high; v += 2) {
                possible.add(other.history.get((int) (v / 2 % HISTORY))[slot]);
            }
            if (other.version.get() > low + 2L * HISTORY - 2) {
                shared.unchecked.increment();   // the owner has moved on so far that the history was reused
                return;
            }
            if (!possible.contains(delivery)) {
                throw new AssertionError(String.format("%s slot %d fired by another thread: %s, but versions %d..%d expect %s",
                        other.stack.device(), slot, Render.delivery(delivery), low, high,
                        possible.stream().map(Render::delivery).toList()));
            }
        }
    }
}
