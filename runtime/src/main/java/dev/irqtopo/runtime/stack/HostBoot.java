package dev.irqtopo.runtime.stack;

import dev.irqtopo.model.IoApicModel;
import dev.irqtopo.model.IommuKind;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.KernelProfile;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.StackModel;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.remap.EntryIndex;
import dev.irqtopo.runtime.remap.RemapDomain;
import dev.irqtopo.runtime.remap.VtdRemapDomain;
import dev.irqtopo.runtime.vector.CpuSet;
import dev.irqtopo.runtime.vector.VectorAllocation;
import dev.irqtopo.runtime.vector.VectorDomain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the host kernel takes before any device probes, and the INTx entry each driver's
 * {@code pci_enable_device} takes before its first MSI or MSI-X allocation: the one place of these
 * rules. Only a kernel whose profile {@linkplain KernelProfile#bootsAsLinux() boots as Linux} takes
 * anything (docs/kernels.md §6 gives the sources):
 * <ol>
 *   <li>per VT-d unit with remapping on, in declaration order, its fault-event interrupt: an irq from
 *       the dynamic range (24, 25, …) and a vector on CPU 0, composed in compatibility format by the
 *       vector domain, not remapped;</li>
 *   <li>with an I/O APIC and a unit to remap it (the first VT-d unit with remapping on), one entry per
 *       pin 1 to 15 in pin order; a started pin's entry is present, with a vector for its legacy irq
 *       (pin 2 carries irq 0, the timer, which keeps ISA vector 0x30 on CPU 0; any other pin p carries
 *       irq p, on a vector the matrix chooses), bound to the I/O APIC's requester id;</li>
 *   <li>with an I/O APIC, a host PCI function with host stacks takes one entry of that unit for its
 *       INTx just before its first stack allocates; it never becomes present.</li>
 * </ol>
 */
public final class HostBoot {

    /** The I/O APIC's pins that carry legacy irqs at boot: 1 to 15 (pin 0 is not connected). */
    public static final int FIRST_LEGACY_PIN = 1;
    public static final int LAST_LEGACY_PIN = 15;
    /** The pin the timer's irq 0 arrives on (the MADT's override of irq 0). */
    public static final int TIMER_PIN = 2;

    /**
     * The boot of a host, derived from its model alone.
     *
     * @param faultEventUnits the units that request a fault-event interrupt, in declaration order
     * @param ioapic          the I/O APIC with the unit that remaps it, when both exist
     * @param intxFunctions   the host functions whose first allocation takes an INTx entry first
     */
    public record Plan(List<String> faultEventUnits, Optional<IoApicModel> ioapic, Optional<String> ioapicUnit,
                       Set<String> intxFunctions) {

        public Plan {
            faultEventUnits = List.copyOf(faultEventUnits);
            Objects.requireNonNull(ioapic);
            Objects.requireNonNull(ioapicUnit);
            intxFunctions = Collections.unmodifiableSet(new LinkedHashSet<>(intxFunctions));
        }

        /** What the host of {@code model} takes at boot: nothing unless its profile boots as Linux. */
        public static Plan of(PlatformModel model) {
            if (!model.hostKernel().bootsAsLinux()) {
                return new Plan(List.of(), Optional.empty(), Optional.empty(), Set.of());
            }
            List<String> units = model.iommus().stream().filter(i -> i.kind() == IommuKind.VTD && i.remapping())
                    .map(IommuModel::name).toList();
            Optional<String> ioapicUnit = model.ioapicRemapper().map(IommuModel::name);
            Optional<IoApicModel> ioapic = ioapicUnit.isPresent() ? model.ioapic() : Optional.empty();
            Set<String> intx = new LinkedHashSet<>();
            if (ioapic.isPresent()) {
                for (StackModel stack : model.hostStacks()) {
                    model.device(stack.device()).filter(d -> !d.isSubDevice()).ifPresent(d -> intx.add(d.name()));
                }
            }
            return new Plan(units, ioapic, ioapicUnit, intx);
        }

        /** The legacy irq pin {@code pin} carries. */
        public static int irqOfPin(int pin) {
            return pin == TIMER_PIN ? 0 : pin;
        }
    }

    /** A pin's or a function's entry, for reports: present or only allocated. */
    public record BootEntry(String unit, int index, String owner, boolean present) {
    }

    private final Plan plan;
    private final KernelProfile profile;
    private final VectorDomain<Interrupt> vectors;
    private final VtdRemapDomain ioapicUnit;
    private final List<Interrupt> interrupts = new ArrayList<>();
    private final List<BootEntry> entries = new ArrayList<>();
    private final Set<String> intxTaken = new HashSet<>();

    private HostBoot(Plan plan, KernelProfile profile, VectorDomain<Interrupt> vectors, VtdRemapDomain ioapicUnit) {
        this.plan = plan;
        this.profile = profile;
        this.vectors = vectors;
        this.ioapicUnit = ioapicUnit;
    }

    /**
     * Boots the host of {@code model}: its fault-event interrupts and I/O APIC pins, in the host's vector
     * domain and the units' remap domains ({@code remapDomains} by unit name).
     */
    public static HostBoot boot(PlatformModel model, VectorDomain<Interrupt> vectors,
                                Map<String, RemapDomain> remapDomains) {
        Plan plan = Plan.of(model);
        VtdRemapDomain unit = plan.ioapicUnit().map(remapDomains::get).map(VtdRemapDomain.class::cast).orElse(null);
        HostBoot boot = new HostBoot(plan, model.hostKernel(), vectors, unit);
        for (int seq = 0; seq < plan.faultEventUnits().size(); seq++) {
            boot.faultEvent(plan.faultEventUnits().get(seq), seq);
        }
        plan.ioapic().ifPresent(boot::ioapic);
        return boot;
    }

    private void faultEvent(String unit, int seq) {
        Interrupt irq = Interrupt.boot(vectors.kernel(), unit, unit + " fault event", seq);
        CpuSet cpu0 = new CpuSet(vectors.cpus());
        cpu0.add(0);
        VectorAllocation allocation = vectors.allocate(cpu0, irq);
        if (allocation == null) {
            throw new IllegalStateException("CPU 0 has no vector for " + unit + "'s fault event");
        }
        irq.vector = allocation;
        irq.composed = composeDmar(allocation);
        interrupts.add(irq);
    }

    /**
     * The fault-event message as Linux's DMAR-MSI chip composes it: the compatibility format of the
     * vector domain, destination id bits 31:8 in address bits 63:40 when the id does not fit 8 bits.
     */
    private Message composeDmar(VectorAllocation allocation) {
        int id = vectors.destinationId(allocation.cpu());
        boolean logical = vectors.destinationMode().logical();
        if (Integer.compareUnsigned(id, 0xFF) <= 0) {
            return vectors.compose(allocation);
        }
        Message low = Message.compatibility(id & 0xFF, allocation.vector(), logical, false);
        return new Message(low.address() | (long) (id >>> 8) << 40, low.data());
    }

    private void ioapic(IoApicModel ioapic) {
        for (int pin = FIRST_LEGACY_PIN; pin <= LAST_LEGACY_PIN; pin++) {
            int index = ioapicUnit.allocateOne();
            if (index < 0) {
                return; // a full table: the remaining pins stay unremapped, as Linux's allocation fails
            }
            boolean present = ioapic.started(pin);
            entries.add(new BootEntry(ioapicUnit.name(), index, ioapic.name() + " pin " + pin, present));
            if (!present) {
                continue;
            }
            int legacyIrq = Plan.irqOfPin(pin);
            Interrupt irq = Interrupt.boot(vectors.kernel(), ioapic.name(), ioapic.name() + " pin " + pin, pin);
            VectorAllocation allocation = legacyIrq == 0
                    ? vectors.allocateLegacyAt(0, profile.isaVector(0), 0, irq)
                    : vectors.allocateLegacy(vectors.allCpus(), legacyIrq, irq);
            if (allocation == null) {
                throw new IllegalStateException("no vector for " + ioapic.name() + " pin " + pin);
            }
            ioapicUnit.programFor(ioapic.requesterId(), index, allocation.vector(),
                    vectors.destinationId(allocation.cpu()), vectors.destinationMode().logical());
            irq.vector = allocation;
            irq.entry = new EntryIndex(index, 0);
            // the redirection entry in remappable format: the handle, SHV 0, the pin in the vector field
            irq.composed = Message.remappableWithoutSubHandle(index, pin);
            interrupts.add(irq);
        }
    }

    /**
     * Takes {@code device}'s INTx entry if the plan says so and it has not yet: called just before each of
     * its stacks allocates, as {@code pci_enable_device} runs before the driver's first MSI or MSI-X.
     */
    public void beforeAllocation(String device) {
        if (ioapicUnit == null || !plan.intxFunctions().contains(device) || !intxTaken.add(device)) {
            return;
        }
        int index = ioapicUnit.allocateOne();
        if (index >= 0) {
            entries.add(new BootEntry(ioapicUnit.name(), index, device + " INTx", false));
        }
    }

    public Plan plan() {
        return plan;
    }

    /** The interrupts taken at boot, in the order taken: fault events, then started pins. */
    public List<Interrupt> interrupts() {
        return Collections.unmodifiableList(interrupts);
    }

    /** The I/O APIC's pin entries and the functions' INTx entries, in the order allocated. */
    public List<BootEntry> entries() {
        return List.copyOf(entries);
    }

}
