package dev.irqtopo.runtime.stack;

import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.HypervisorModel;
import dev.irqtopo.model.KernelProfile;
import dev.irqtopo.model.StackModel;
import dev.irqtopo.model.StackPlan;
import dev.irqtopo.runtime.bus.Storage;
import dev.irqtopo.runtime.hypervisor.Forward;
import dev.irqtopo.runtime.hypervisor.Hypervisor;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.remap.RemapDomain;
import dev.irqtopo.runtime.vector.VectorDomain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One domain stack of one kernel: its chain of CPU-side domains, root first, and the bus domain that
 * stores into one storage of one device. A request runs the four steps of semantics section 1 except
 * Use: Alloc down the chain and into the bus domain, Compose by the domain the plan names, Store as the
 * plan says the store reaches the device. Requests are all or nothing: a failure at any level undoes,
 * newest first, everything the request took (host-side allocations for a guest included) and returns
 * the first failure's errno.
 *
 * <p>Not thread-safe: the platform runs its requests one at a time.
 */
public final class DomainStack {

    private final VectorDomain<Interrupt> vectors;
    private final StackModel model;
    private final Chain chain;
    private final BusDomain bus;
    /** Trap-and-translate for a trapped store: the hypervisor and the host side; null for any other store. */
    private final Hypervisor trapper;
    private final HostSide trappedOn;

    private DomainStack(VectorDomain<Interrupt> vectors, StackModel model, Chain chain, Storage storage,
                        Hypervisor trapper, HostSide trappedOn) {
        this.vectors = vectors;
        this.model = model;
        this.chain = chain;
        this.bus = new BusDomain(storage);
        this.trapper = trapper;
        this.trappedOn = trappedOn;
    }

    /**
     * A host stack: the host's vector domain, then the remap domain of its {@code remap} link if it has
     * one ({@code remap}, else null), then the bus domain over {@code storage}.
     */
    public static DomainStack host(StackModel model, StackPlan plan, VectorDomain<Interrupt> host, RemapDomain remap,
                                   DeviceModel device, Storage storage) {
        return new DomainStack(host, model, hostChain(plan, host, remap, device), storage, null, null);
    }

    /**
     * A guest stack: the guest's vector domain, then the hypercall domain of its {@code hcall} link, then
     * the bus domain over {@code storage}. Where the hypercall or a trapped store allocates on the host,
     * it does so through the host's chain for the device, whose remap domain is {@code deviceRemap}
     * (null when remapping does not cover the device), planned by a host kernel of the design profile.
     */
    public static DomainStack guest(StackModel model, StackPlan plan, VectorDomain<Interrupt> guest, Hypervisor hypervisor,
                                    VectorDomain<Interrupt> host, RemapDomain deviceRemap, DeviceModel device,
                                    Storage storage) {
        return guest(model, plan, guest, hypervisor, host, KernelProfile.DESIGN, deviceRemap, device, storage);
    }

    /**
     * {@link #guest(StackModel, StackPlan, VectorDomain, Hypervisor, VectorDomain, RemapDomain, DeviceModel, Storage)}
     * with the host side planned by a host kernel of profile {@code hostKernel}: where that kernel
     * would not create the bus domain for the device, the host side fails with EOPNOTSUPP.
     */
    public static DomainStack guest(StackModel model, StackPlan plan, VectorDomain<Interrupt> guest, Hypervisor hypervisor,
                                    VectorDomain<Interrupt> host, KernelProfile hostKernel, RemapDomain deviceRemap,
                                    DeviceModel device, Storage storage) {
        HostSide hostSide = null;
        if (plan.composer() == StackPlan.Composer.HYPERCALL || plan.trapped()) {
            // the host's own stack for the device: its plan, by the host's kernel, says how the host composes for it
            StackModel hostStack = new StackModel(model.device(), model.storage(),
                    Optional.ofNullable(deviceRemap).map(RemapDomain::name), false, 1);
            StackPlan hostPlan = StackPlan.of(true, Optional.<HypervisorModel>empty(), hostStack, hostKernel);
            hostSide = new HostSide(host.kernel(), hostChain(hostPlan, host, deviceRemap, device));
        }
        List<Domain> domains = new ArrayList<>(2);
        domains.add(new VectorLevel(guest, plan));
        if (plan.composer() == StackPlan.Composer.HYPERCALL) {
            domains.add(new HypercallLevel(hypervisor, guest, hostSide));
        }
        return new DomainStack(guest, model, new Chain(plan, domains), storage,
                plan.trapped() ? hypervisor : null, plan.trapped() ? hostSide : null);
    }

    private static Chain hostChain(StackPlan plan, VectorDomain<Interrupt> host, RemapDomain remap, DeviceModel device) {
        List<Domain> domains = new ArrayList<>(2);
        domains.add(new VectorLevel(host, plan));
        if (remap != null) {
            domains.add(new RemapLevel(remap, device, host));
        }
        return new Chain(plan, domains);
    }

    public StackModel model() {
        return model;
    }

    /** Who composes, how the store reaches the device, whether an MSI block may have several messages. */
    public StackPlan plan() {
        return chain.plan();
    }

    /** Why domain creation failed (EOPNOTSUPP), if it did. */
    public Optional<Errno> creationError() {
        return plan().created() ? Optional.empty() : Optional.of(Errno.EOPNOTSUPP);
    }

    /** The interrupt using {@code slot}, or null. */
    public Interrupt claimant(int slot) {
        return bus.claimant(slot);
    }

    /** The interrupts this stack holds, in slot order. */
    public List<Interrupt> interrupts() {
        List<Interrupt> held = new ArrayList<>();
        for (int slot = 0; slot < bus.storage().size(); slot++) {
            Interrupt irq = bus.claimant(slot);
            if (irq != null) {
                held.add(irq);
            }
        }
        return held;
    }

    /**
     * Allocates {@code count} interrupts in the lowest free slots, into {@code taken} in slot order.
     * MSI-X and IMS go interrupt by interrupt through the whole stack; multi-message MSI takes all its
     * vectors, then one block of remap entries (or one hypercall), and stores one message for the block.
     *
     * @return null, or the errno of the refusal or of the first failure, when nothing stays taken
     */
    public Errno allocate(int count, List<Interrupt> taken) {
        Errno refused = refuse(count);
        if (refused != null) {
            return refused;
        }
        Storage storage = bus.storage();
        if (storage.isMsi() && count > 1) {
            Journal teardown = new Journal();
            List<Interrupt> block = new ArrayList<>(count);
            for (int slot = 0; slot < count; slot++) {
                block.add(new Interrupt(this, vectors.kernel(), model.device(), model.busDomain(), slot, null, teardown));
            }
            Errno failure = request(block, teardown);
            if (failure != null) {
                teardown.rollback();
                return failure;
            }
            taken.addAll(block);
            return null;
        }
        List<Interrupt> mine = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Journal teardown = new Journal();
            Interrupt irq = new Interrupt(this, vectors.kernel(), model.device(), model.busDomain(), bus.lowestFreeSlot(),
                    null, teardown);
            Errno failure = request(List.of(irq), teardown);
            if (failure != null) {
                teardown.rollback();
                for (int j = mine.size() - 1; j >= 0; j--) {
                    mine.get(j).teardown.rollback();
                }
                return failure;
            }
            mine.add(irq);
        }
        taken.addAll(mine);
        return null;
    }

    /**
     * Frees the interrupt with irq number {@code virq}, undoing its request on every level (the host
     * side of a guest interrupt included) and returning its slot to the state before. A multi-message
     * MSI block is freed as a whole, as MSI is disabled as a whole.
     *
     * @return null, or ENOENT when this stack holds no interrupt {@code virq}
     */
    public Errno free(int virq) {
        Interrupt irq = vectors.interrupt(virq);
        if (irq == null || irq.stack() != this) {
            return Errno.ENOENT;
        }
        irq.teardown.rollback();
        return null;
    }

    private Errno refuse(int count) {
        Optional<Errno> creation = creationError();
        if (creation.isPresent()) {
            return creation.get();
        }
        if (count < 1) {
            return Errno.EINVAL;
        }
        Storage storage = bus.storage();
        if (storage.isMsi()) {
            if (bus.freeSlots() < storage.size()) {
                return Errno.EBUSY;
            }
            if (count > storage.size()) {
                return Errno.ENOSPC;
            }
        }
        return count > bus.freeSlots() ? Errno.ENOSPC : null;
    }

    /** One unit through the steps: Alloc down the chain and into the bus domain, Compose, Store. */
    private Errno request(List<Interrupt> unit, Journal journal) {
        Errno failure = chain.alloc(unit);
        if (failure != null) {
            return failure;
        }
        journal.record(() -> chain.free(unit));
        bus.claim(unit, journal);
        chain.compose(unit);
        store(unit, journal);
        return null;
    }

    /** Store, as the plan says the bus domain's store reaches the device. */
    private void store(List<Interrupt> unit, Journal journal) {
        if (plan().trapped()) {
            for (Interrupt irq : unit) {
                trapAndTranslate(irq, journal);
            }
        } else {
            bus.store(unit, journal);
        }
    }

    /**
     * The guest's store into a storage the hypervisor traps does not reach the device: the hypervisor
     * decodes it, the host allocates for the device, and the host's message goes into the real slot.
     * A message naming no vCPU, or a host allocation that fails, is dropped: the slot stays masked and
     * the guest is not told.
     */
    private void trapAndTranslate(Interrupt irq, Journal journal) {
        Optional<Forward> target = trapper.trap(vectors, irq.composed());
        if (target.isEmpty() || trappedOn.serve(List.of(irq), List.of(target.get())) != null) {
            return;
        }
        journal.record(() -> trappedOn.release(List.of(irq)));
        bus.write(irq.slot(), irq.host.composed(), journal);
    }
}
