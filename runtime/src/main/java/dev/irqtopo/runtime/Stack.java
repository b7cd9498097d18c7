package dev.irqtopo.runtime;

import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.StackModel;
import dev.irqtopo.model.StackPlan;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.remap.BlockAllocator;

import dev.irqtopo.runtime.remap.RemapDomain;
import dev.irqtopo.runtime.vector.VectorAllocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One domain stack of one kernel: {@code vector}, optionally {@code remap} (host) or {@code hcall}
 * (guest), then the bus domain that stores into one storage of one device. Requests are all or
 * nothing: a failure at any level undoes, newest first, everything the request took (host-side
 * allocations for a guest included) and returns the first failure's errno.
 */
public final class Stack {

    private final Platform platform;
    private final Kernel kernel;
    private final StackModel model;
    private final Device device;
    private final DeviceStorage storage;
    /** The remap domain of the chain's {@code remap} link, or null. */
    private final RemapDomain remap;
    /** Who does each step; the runtime follows it and decides none of it again. */
    private final StackPlan plan;
    private final Optional<Errno> creation;

    Stack(Platform platform, Kernel kernel, StackModel model, StackPlan plan, Device device, RemapDomain remap) {
        this.platform = platform;
        this.kernel = kernel;
        this.model = model;
        this.plan = plan;
        this.device = device;
        this.storage = device.storage(model.busDomain());
        this.remap = remap;
        this.creation = plan.created() ? Optional.empty() : Optional.of(Errno.EOPNOTSUPP);
    }

    /** Who composes, how the store reaches the device, whether an MSI block may have several messages. */
    public StackPlan plan() {
        return plan;
    }

    public Kernel kernel() {
        return kernel;
    }

    public StackModel model() {
        return model;
    }

    public String device() {
        return device.name();
    }

    public BusDomainKind busDomain() {
        return model.busDomain();
    }

    public StorageKind storageKind() {
        return model.storage();
    }

    /** The chain as written: {@code ["vector", "remap dmar0", "msix"]}. */
    public List<String> chain() {
        return model.chain();
    }

    /** Whether the bus domain was created; it is not only when the guest needs translation it cannot have. */
    public boolean created() {
        return creation.isEmpty();
    }

    /** Why domain creation failed (EOPNOTSUPP), if it did. */
    public Optional<Errno> creationError() {
        return creation;
    }

    /** The interrupts this stack holds, in slot order. */
    public List<AllocatedInterrupt> interrupts() {
        return platform.lock().read(() -> {
            List<AllocatedInterrupt> views = new ArrayList<>();
            for (int slot = 0; slot < storage.size(); slot++) {
                Irq irq = storage.claimant(slot);
                if (irq != null && irq.stack == this) {
                    views.add(irq.view());
                }
            }
            return views;
        });
    }

    /**
     * Allocates {@code count} interrupts in the lowest free slots. MSI-X and IMS go interrupt by
     * interrupt through the whole chain; multi-message MSI takes all its vectors, then one block of
     * remap entries, and stores one message for the block.
     *
     * A count that is not a power of two enables the next power of two of MSI messages (the device's
     * Multiple Message Enable), of which only the first {@code count} are allocated.
     *
     * @return the interrupts, or the errno: the creation error if the domain was not created; EINVAL
     *         for a count below 1; EBUSY when MSI is already allocated; ENOSPC for more than the free
     *         slots, or multi-message MSI where x86 would need contiguous vectors (no remapping in a
     *         host stack, no hypercall in a guest stack); else the first failure of a level (ENOSPC
     *         vectors or AMD-Vi entries, ENOMEM VT-d entries), the host's included for a guest
     */
    public Allocation allocate(int count) {
        return platform.lock().change(() -> allocateLocked(count));
    }

    /** {@link #allocate} for a caller that holds the platform's lock. */
    Allocation allocateLocked(int count) {
        Errno refused = refuse(count);
        if (refused != null) {
            return Allocation.failed(refused);
        }
        List<Irq> taken = new ArrayList<>(count);
        Errno failure = !storage.isMsi() || count == 1 ? allocateEach(count, taken)
                : kernel.isHost() ? allocateMsiBlock(count, taken) : allocateMsiBlockByHypercall(count, taken);
        if (failure != null) {
            release(taken);
            return Allocation.failed(failure);
        }
        List<AllocatedInterrupt> views = new ArrayList<>(taken.size());
        for (Irq irq : taken) {
            views.add(irq.view());
        }
        return Allocation.of(views);
    }

    /**
     * Frees the interrupt with irq number {@code virq}, undoing its allocation on every level (the
     * host side of a guest interrupt included) and returning its slot to the state before. A
     * multi-message MSI block is freed as a whole, as MSI is disabled as a whole.
     *
     * @return empty on success, ENOENT when this stack holds no interrupt {@code virq}
     */
    public Optional<Errno> free(int virq) {
        return platform.lock().change(() -> {
            Irq irq = kernel.vectors.interrupt(virq);
            if (irq == null || irq.stack != this) {
                return Optional.of(Errno.ENOENT);
            }
            if (irq.block != null) {
                irq.block.release();
            } else {
                irq.teardown.rollback();
            }
            return Optional.empty();
        });
    }

    private Errno refuse(int count) {
        if (creation.isPresent()) {
            return creation.get();
        }
        if (count < 1) {
            return Errno.EINVAL;
        }
        if (storage.isMsi()) {
            if (storage.freeSlots() < storage.size()) {
                return Errno.EBUSY;
            }
            if (count > storage.size() || count > 1 && !plan.multiMessage()) {
                return Errno.ENOSPC;
            }
        }
        return count > storage.freeSlots() ? Errno.ENOSPC : null;
    }

    private Errno allocateEach(int count, List<Irq> taken) {
        for (int i = 0; i < count; i++) {
            Irq irq = new Irq(kernel, this, device, storage, storage.lowestFreeSlot());
            Errno failure = kernel.isHost() ? allocateHost(irq) : allocateGuest(irq);
            if (failure != null) {
                irq.teardown.rollback();
                return failure;
            }
            taken.add(irq);
        }
        return null;
    }

    private Errno allocateHost(Irq irq) {
        Errno failure = HostChain.allocate(irq, remap, Optional.empty(), irq.teardown);
        if (failure == null) {
            storage.claim(irq.slot, irq, irq.teardown);
            storage.write(irq.slot, irq.composed, irq.teardown);
        }
        return failure;
    }

    /**
     * A guest interrupt: the guest's vector domain (leaving out vCPUs its compatibility messages
     * cannot name unless the hypercall composes), then the hypercall or the guest's own
     * compatibility message; the store is trapped and translated where the hypervisor traps it.
     */
    private Errno allocateGuest(Irq irq) {
        boolean hypercall = plan.composer() == StackPlan.Composer.HYPERCALL;
        Errno failure = kernel.allocateVector(irq, plan.compatibilityDestinationsOnly() ? kernel.vectors.compatibilityCpus() : kernel.vectors.allCpus(),
                irq.teardown);
        if (failure != null) {
            return failure;
        }
        storage.claim(irq.slot, irq, irq.teardown);
        if (hypercall) {
            failure = platform.hypervisor().composeByHypercall(irq, irq.teardown);
            if (failure == null) {
                storage.write(irq.slot, irq.composed, irq.teardown);
            }
            return failure;
        }
        irq.composed = kernel.vectors.compose(new VectorAllocation(irq.cpu, irq.vector, irq.virq));
        if (plan.trapped()) {
            platform.hypervisor().trapStore(irq, irq.composed, irq.teardown);
        } else {
            storage.write(irq.slot, irq.composed, irq.teardown);
        }
        return null;
    }

    /** Host multi-message MSI through the remap domain: every vector first, then one aligned entry block. */
    private Errno allocateMsiBlock(int count, List<Irq> taken) {
        Errno failure = allocateBlockVectors(count, taken);
        if (failure != null) {
            return failure;
        }
        MsiBlock block = new MsiBlock(taken);
        int base = remap.allocate(device.model, count);
        if (base < 0) {
            return remap.exhausted();
        }
        block.teardown.record(() -> remap.free(device.model, base, count));
        for (Irq irq : taken) {
            remap.program(device.model, base + irq.slot, irq.vector, kernel.apicId(irq.cpu), Optional.empty());
            irq.remapIndex = base + irq.slot;
            irq.composed = remap.compose(base, irq.slot);
        }
        storeBlock(block);
        return null;
    }

    /**
     * Guest multi-message MSI composed by hypercall, as Hyper-V's vPCI driver does it: a vector per
     * message, then one hypercall for the whole block, which the host allocates as its own stack for
     * the device would; the guest stores the one message it gets back.
     */
    private Errno allocateMsiBlockByHypercall(int count, List<Irq> taken) {
        Errno failure = allocateBlockVectors(count, taken);
        if (failure != null) {
            return failure;
        }
        MsiBlock block = new MsiBlock(taken);
        failure = platform.hypervisor().composeBlockByHypercall(taken, block.teardown);
        if (failure != null) {
            block.teardown.rollback();
            return failure;
        }
        storeBlock(block);
        return null;
    }

    /** One vector (and irq number) per message of an MSI block, in slot order, from every CPU of the kernel. */
    private Errno allocateBlockVectors(int count, List<Irq> taken) {
        for (int slot = 0; slot < count; slot++) {
            Irq irq = new Irq(kernel, this, device, storage, slot);
            Errno failure = kernel.allocateVector(irq, kernel.vectors.allCpus(), irq.teardown);
            if (failure != null) {
                irq.teardown.rollback();
                return failure;
            }
            taken.add(irq);
        }
        return null;
    }

    /** The Store step of an MSI block: one message for all, and Multiple Message Enable the block's power of two. */
    private void storeBlock(MsiBlock block) {
        for (Irq irq : block.irqs) {
            irq.block = block;
            storage.claim(irq.slot, irq, block.teardown);
        }
        storage.write(0, block.irqs.get(0).composed, block.teardown);
        storage.enableMsi(BlockAllocator.blockSize(block.irqs.size()), block.teardown);
    }

    /** Undoes a failed request: every interrupt it took, newest first. */
    private static void release(List<Irq> taken) {
        for (int i = taken.size() - 1; i >= 0; i--) {
            taken.get(i).teardown.rollback();
        }
    }
}
