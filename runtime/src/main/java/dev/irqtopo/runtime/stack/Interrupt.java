package dev.irqtopo.runtime.stack;

import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.runtime.hypervisor.Forward;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.remap.EntryIndex;
import dev.irqtopo.runtime.vector.VectorAllocation;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One interrupt of one kernel, as its chain built it: Linux's {@code irq_desc} with each domain's
 * {@code irq_data}. Every level fills in its own part once, during the request that makes the
 * interrupt, and the other levels only read it:
 * <ul>
 *   <li>Alloc, vector domain: the CPU, vector and irq number ({@link VectorAllocation});</li>
 *   <li>Alloc, remap domain: the entry the hardware uses ({@link EntryIndex});</li>
 *   <li>the hypervisor, for a host interrupt made for a guest: where it delivers ({@link Forward});</li>
 *   <li>Alloc by hypercall, or Store through trap-and-translate: the host interrupt serving a guest one;</li>
 *   <li>Compose: the message this kernel's chain composed or got back.</li>
 * </ul>
 * A host interrupt made for a guest belongs to no stack of its own: it lives and dies with the guest
 * interrupt it serves.
 */
public final class Interrupt {

    /** The stack that allocated it; null for a host interrupt made for a guest. */
    private final DomainStack stack;
    private final String kernel;
    private final String device;
    /** Null for a boot-time interrupt, which {@link #label} describes instead. */
    private final BusDomainKind busDomain;
    /** What a boot-time interrupt is ({@code "dmar0 fault event"}, {@code "ioapic0 pin 4"}); null for any other. */
    private final String label;
    private final int slot;
    /** The hypervisor's: where a host interrupt made for a guest delivers; null for any other. */
    private final Forward forward;
    /**
     * Undoes the request that made it, shared by every interrupt of an MSI block; null for a host
     * interrupt made for a guest, which the guest interrupt's request undoes.
     */
    final Journal teardown;

    VectorAllocation vector;
    EntryIndex entry;
    Interrupt host;
    Message composed;
    /** The Use step's own data for this interrupt's handler (Linux's {@code handler_data}); the stack never reads it. */
    private volatile Object handlerData;

    Interrupt(DomainStack stack, String kernel, String device, BusDomainKind busDomain, int slot, Forward forward,
              Journal teardown) {
        this.stack = stack;
        this.kernel = Objects.requireNonNull(kernel);
        this.device = Objects.requireNonNull(device);
        this.busDomain = Objects.requireNonNull(busDomain);
        this.label = null;
        this.slot = slot;
        this.forward = forward;
        this.teardown = teardown;
    }

    /** A boot-time interrupt of kernel {@code kernel}, of no stack and no storage: {@code source} names it. */
    private Interrupt(String kernel, String source, String label, int slot) {
        this.stack = null;
        this.kernel = Objects.requireNonNull(kernel);
        this.device = Objects.requireNonNull(source);
        this.busDomain = null;
        this.label = Objects.requireNonNull(label);
        this.slot = slot;
        this.forward = null;
        this.teardown = null;
    }

    /**
     * An interrupt the kernel takes at boot for {@code source} (a remapping unit, the I/O APIC), as
     * {@code label} says; {@code slot} is its number there (the unit's sequence number, the pin).
     */
    static Interrupt boot(String kernel, String source, String label, int slot) {
        return new Interrupt(kernel, source, label, slot);
    }

    /** What a boot-time interrupt is ({@code "dmar0 fault event"}, {@code "ioapic0 pin 4"}); null for any other. */
    public String bootSource() {
        return label;
    }

    /** Whether the kernel took it at boot, for no stack. */
    public boolean isBootTime() {
        return label != null;
    }

    /** A host interrupt of kernel {@code host} serving {@code guest}, delivering to {@code forward}. */
    static Interrupt serving(String host, Interrupt guest, Forward forward) {
        return new Interrupt(null, host, guest.device, guest.busDomain, guest.slot, forward, null);
    }

    /** The stack that allocated it; null for a host interrupt made for a guest. */
    public DomainStack stack() {
        return stack;
    }

    /** The kernel whose interrupt it is: {@code "host"} or a guest's name. */
    public String kernel() {
        return kernel;
    }

    public int slot() {
        return slot;
    }

    public int virq() {
        return vector.virq();
    }

    /** This kernel's CPU (a guest's vCPU). */
    public int cpu() {
        return vector.cpu();
    }

    /** This kernel's vector on that CPU. */
    public int vector() {
        return vector.vector();
    }

    /** Where a host interrupt made for a guest delivers; null for any other, whose own handler runs. */
    public Forward forward() {
        return forward;
    }

    /** The message this kernel's chain composed, or got back from the compose hypercall. */
    public Message composed() {
        return composed;
    }

    /**
     * The remap entry the hardware uses for this interrupt: its own, or for a guest interrupt the
     * host's serving it; empty without remapping, or when a trapped store was dropped.
     */
    public OptionalInt remapIndex() {
        EntryIndex used = host != null ? host.entry : entry;
        return used == null ? OptionalInt.empty() : OptionalInt.of(used.index());
    }

    /**
     * The host interrupt that serves this one in hardware: itself for a host interrupt; for a guest one
     * the host's made for it by trap-and-translate or hypercall, or null when the host made none (a
     * store that reaches the device untranslated, or a trapped store that was dropped).
     */
    public Interrupt hostSide() {
        if (host != null) {
            return host;
        }
        return stack == null || stack.plan().host() ? this : null;
    }

    /**
     * What the Use step keeps for this interrupt's handler, as Linux's {@code irq_desc} keeps the
     * flow handler's data: opaque here. Null until it first sets it.
     */
    public Object handlerData() {
        return handlerData;
    }

    /** Keeps {@code data} for the Use step; whoever reaches the handler first may set it, always to an equal value. */
    public void setHandlerData(Object data) {
        handlerData = data;
    }

    /** {@code "host irq 24 (nic msix slot 0)"}, or for a host one made for a guest {@code "host irq 26 (for vm1 adi2 ims slot 0)"}. */
    public String describe() {
        if (label != null) {
            return kernel + " irq " + virq() + " (" + label + ")";
        }
        return kernel + " irq " + virq() + " (" + (forward == null ? "" : "for " + forward.guestName() + " ")
                + device + " " + busDomain.keyword() + " slot " + slot + ")";
    }
}
