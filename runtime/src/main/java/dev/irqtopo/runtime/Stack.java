package dev.irqtopo.runtime;

import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.StackModel;
import dev.irqtopo.model.StackPlan;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.stack.DomainStack;
import dev.irqtopo.runtime.stack.HostBoot;
import dev.irqtopo.runtime.stack.Interrupt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One domain stack of one kernel: {@code vector}, optionally {@code remap} (host) or {@code hcall}
 * (guest), then the bus domain that stores into one storage of one device. Requests are all or
 * nothing: a failure at any level undoes, newest first, everything the request took (host-side
 * allocations for a guest included) and returns the first failure's errno. The engine's side is
 * {@link DomainStack}; this handle adds the platform's lock and the views.
 */
public final class Stack {

    private final Kernel kernel;
    private final DomainStack domains;
    private final PlatformLock lock;
    /** The host's boot, whose INTx rule runs before each allocation; null for a guest's stack. */
    private final HostBoot boot;

    Stack(Kernel kernel, DomainStack domains, PlatformLock lock, HostBoot boot) {
        this.kernel = kernel;
        this.domains = domains;
        this.lock = lock;
        this.boot = boot;
    }

    /** Who composes, how the store reaches the device, whether an MSI block may have several messages. */
    public StackPlan plan() {
        return domains.plan();
    }

    public Kernel kernel() {
        return kernel;
    }

    public StackModel model() {
        return domains.model();
    }

    public String device() {
        return model().device();
    }

    public BusDomainKind busDomain() {
        return model().busDomain();
    }

    public StorageKind storageKind() {
        return model().storage();
    }

    /** The chain as written: {@code ["vector", "remap dmar0", "msix"]}. */
    public List<String> chain() {
        return model().chain();
    }

    /** Whether the bus domain was created; it is not only when the guest needs translation it cannot have. */
    public boolean created() {
        return domains.creationError().isEmpty();
    }

    /** Why domain creation failed (EOPNOTSUPP), if it did. */
    public Optional<Errno> creationError() {
        return domains.creationError();
    }

    /** The interrupts this stack holds, in slot order. */
    public List<AllocatedInterrupt> interrupts() {
        return lock.read(() -> views(domains.interrupts()));
    }

    /**
     * The host interrupt behind the one in {@code slot}: that interrupt itself in a host stack; in a
     * guest's, the one the host allocated for it by trap-and-translate or hypercall. Empty when the slot
     * holds no interrupt, or the host allocated nothing for it (the guest's store reaches the device
     * untranslated, or the hypervisor dropped the trapped store).
     *
     * @throws IndexOutOfBoundsException for a slot outside the storage
     */
    public Optional<AllocatedInterrupt> hostInterrupt(int slot) {
        return lock.read(() -> {
            Interrupt claimant = domains.claimant(slot);
            Interrupt host = claimant == null ? null : claimant.hostSide();
            return host == null ? Optional.empty() : Optional.of(AllocatedInterrupt.of(host));
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
        return lock.change(() -> allocateLocked(count));
    }

    /** {@link #allocate} for a caller that holds the platform's lock. */
    Allocation allocateLocked(int count) {
        if (boot != null) {
            boot.beforeAllocation(device());
        }
        List<Interrupt> taken = new ArrayList<>(Math.max(count, 0));
        Errno failure = domains.allocate(count, taken);
        return failure != null ? Allocation.failed(failure) : Allocation.of(views(taken));
    }

    /**
     * Frees the interrupt with irq number {@code virq}, undoing its allocation on every level (the
     * host side of a guest interrupt included) and returning its slot to the state before. A
     * multi-message MSI block is freed as a whole, as MSI is disabled as a whole.
     *
     * @return empty on success, ENOENT when this stack holds no interrupt {@code virq}
     */
    public Optional<Errno> free(int virq) {
        return lock.change(() -> Optional.ofNullable(domains.free(virq)));
    }

    /** The engine's side, for the platform's snapshots. */
    DomainStack domains() {
        return domains;
    }

    private static List<AllocatedInterrupt> views(List<Interrupt> interrupts) {
        List<AllocatedInterrupt> views = new ArrayList<>(interrupts.size());
        for (Interrupt irq : interrupts) {
            views.add(AllocatedInterrupt.of(irq));
        }
        return views;
    }
}
