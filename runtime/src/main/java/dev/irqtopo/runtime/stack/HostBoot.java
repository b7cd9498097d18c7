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
import java.util.TreeMap;

/**
 * What the host kernel takes before any device probes, and the INTx entry each driver's
 * {@code pci_enable_device} takes before its first MSI or MSI-X allocation: the one place of these
 * rules. Only a kernel whose profile {@linkplain KernelProfile#bootsAsLinux() boots as Linux} takes
 * anything (docs/kernels.md §6 gives the sources):
 * <ol>
 *   <li>per VT-d unit with remapping on, in declaration order, its fault-event interrupt: an irq from
 *       the dynamic range (24, 25, …), composed in compatibility format by the vector domain, not
 *       remapped;</li>
 *   <li>with an I/O APIC and a unit to remap it (the first VT-d unit with remapping on), one entry per
 *       pin 1 to 15 in pin order; a started pin's entry is present, bound to the I/O APIC's requester id,
 *       with a vector for its legacy irq (pin 2 carries irq 0, the timer, which keeps ISA vector 0x30 on
 *       CPU 0; any other pin p carries irq p);</li>
 *   <li>with an I/O APIC, a host PCI function with host stacks takes one entry of that unit for its
 *       INTx just before its first stack allocates; it never becomes present.</li>
 * </ol>
 * The vectors are taken in the order Linux requests these interrupts, each by the matrix rule over the
 * CPUs online then ({@link #requestOrder}): a fault event requested before the other CPUs come online
 * (6.1, 6.6) takes CPU 0's lowest free vector; then, with every CPU online, the ACPI SCI's pin, the fault
 * events of a kernel that requests them when DMA remapping starts (6.12, 6.19), and the pins of the
 * legacy devices Linux's own drivers start, in the order they start them. An irq the I/O APIC takes over
 * gives back its ISA vector unless it is already running, so until a pin is requested its irq holds no
 * vector (reservation mode): only the order of requests decides where each lands.
 */
public final class HostBoot {

    /** The I/O APIC's pins that carry legacy irqs at boot: 1 to 15 (pin 0 is not connected). */
    public static final int FIRST_LEGACY_PIN = 1;
    public static final int LAST_LEGACY_PIN = 15;
    /** The pin the timer's irq 0 arrives on (the MADT's override of irq 0). */
    public static final int TIMER_PIN = 2;
    /**
     * The pin of the ACPI SCI, the FADT's {@code SCI_INT} (irq 9 on q35 and PC chipsets): ACPI requests it
     * while its subsystem initialises ({@code acpi_bus_init}, a subsys initcall), the first legacy irq any
     * driver requests.
     */
    public static final int SCI_PIN = 9;
    /**
     * The pins of the legacy devices Linux's built-in drivers start at device initcall and console open,
     * in the order they request them: the i8042's AUX port (12) before its keyboard port (1)
     * ({@code i8042_probe}), the CMOS RTC (8, {@code cmos_do_probe}), and the serial console (4), whose irq
     * {@code serial8250_startup} requests only when the kernel opens the console just before it runs init.
     */
    public static final List<Integer> DRIVER_PINS = List.of(12, 1, 8, 4);

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

        /**
         * The started pins of {@code ioapic} but the timer's, in the order Linux requests their irqs: the
         * SCI's, then the legacy devices' in {@link #DRIVER_PINS} order, then any other in pin order (a pin
         * of a device none of those drivers owns; when its driver requests it is not known from a design,
         * so it comes last).
         */
        public static List<Integer> pinRequestOrder(IoApicModel ioapic) {
            List<Integer> order = new ArrayList<>();
            if (ioapic.started(SCI_PIN)) {
                order.add(SCI_PIN);
            }
            for (int pin : DRIVER_PINS) {
                if (ioapic.started(pin)) {
                    order.add(pin);
                }
            }
            for (int pin = FIRST_LEGACY_PIN; pin <= LAST_LEGACY_PIN; pin++) {
                if (ioapic.started(pin) && pin != TIMER_PIN && !order.contains(pin)) {
                    order.add(pin);
                }
            }
            return List.copyOf(order);
        }
    }

    /** A pin's or a function's entry, for reports: present or only allocated. */
    public record BootEntry(String unit, int index, String owner, boolean present) {
    }

    private final Plan plan;
    private final KernelProfile profile;
    private final VectorDomain<Interrupt> vectors;
    private final VtdRemapDomain ioapicUnit;
    private final List<Interrupt> faultEvents = new ArrayList<>();
    /** The started pins' interrupts by pin, in pin order. */
    private final Map<Integer, Interrupt> pins = new TreeMap<>();
    private final List<Interrupt> requested = new ArrayList<>();
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
     * domain and the units' remap domains ({@code remapDomains} by unit name), requested in Linux's order.
     */
    public static HostBoot boot(PlatformModel model, VectorDomain<Interrupt> vectors,
                                Map<String, RemapDomain> remapDomains) {
        Plan plan = Plan.of(model);
        VtdRemapDomain unit = plan.ioapicUnit().map(remapDomains::get).map(VtdRemapDomain.class::cast).orElse(null);
        HostBoot boot = new HostBoot(plan, model.hostKernel(), vectors, unit);
        boolean lateFaultEvents = model.hostKernel().requestsFaultEventsWhenDmaRemappingStarts();
        // apic_bsp_setup: the fault events (6.1, 6.6) while CPU 0 is the only CPU online, then setup_IO_APIC
        CpuSet cpu0 = new CpuSet(vectors.cpus());
        cpu0.add(0);
        for (int seq = 0; seq < plan.faultEventUnits().size(); seq++) {
            boot.faultEvents.add(boot.faultEvent(plan.faultEventUnits().get(seq), seq));
            if (!lateFaultEvents) {
                boot.request(boot.faultEvents.get(seq), plan.faultEventUnits().get(seq), cpu0);
            }
        }
        plan.ioapic().ifPresent(boot::ioapic);
        // every CPU online: the SCI (subsys initcall), the fault events of 6.12 on (intel_iommu_init, a rootfs
        // initcall), the legacy devices' drivers (device initcalls, then the console)
        List<Integer> order = plan.ioapic().map(Plan::pinRequestOrder).orElse(List.of());
        int next = 0;
        if (!order.isEmpty() && order.get(0) == SCI_PIN) {
            boot.requestPin(SCI_PIN);
            next = 1;
        }
        if (lateFaultEvents) {
            for (int seq = 0; seq < boot.faultEvents.size(); seq++) {
                boot.request(boot.faultEvents.get(seq), plan.faultEventUnits().get(seq), vectors.allCpus());
            }
        }
        for (int pin : order.subList(next, order.size())) {
            boot.requestPin(pin);
        }
        return boot;
    }

    /** Unit {@code unit}'s fault-event interrupt, its vector not yet taken. */
    private Interrupt faultEvent(String unit, int seq) {
        return Interrupt.boot(vectors.kernel(), unit, unit + " fault event", seq);
    }

    /**
     * Requests a fault event: an irq number from the dynamic range and a vector on a CPU of {@code online}
     * ({@code dmar_set_interrupt}: no affinity of its own, so the default affinity over the CPUs online).
     */
    private void request(Interrupt irq, String unit, CpuSet online) {
        VectorAllocation allocation = vectors.allocate(online, irq);
        if (allocation == null) {
            throw new IllegalStateException("no vector on CPUs " + online + " for " + unit + "'s fault event");
        }
        irq.vector = allocation;
        irq.composed = composeDmar(allocation);
        requested.add(irq);
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

    /**
     * {@code setup_IO_APIC}: an entry per pin 1 to 15 in pin order; the timer, already running, keeps its
     * ISA vector on CPU 0; every other started pin's irq waits for its request without a vector.
     */
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
            Interrupt irq = Interrupt.boot(vectors.kernel(), ioapic.name(), ioapic.name() + " pin " + pin, pin);
            irq.entry = new EntryIndex(index, 0);
            // the redirection entry in remappable format: the handle, SHV 0, the pin in the vector field
            irq.composed = Message.remappableWithoutSubHandle(index, pin);
            pins.put(pin, irq);
            if (Plan.irqOfPin(pin) == 0) {
                program(irq, pin, vectors.allocateLegacyAt(0, profile.isaVector(0), 0, irq));
            }
        }
    }

    /** A driver requests started pin {@code pin}'s irq: a vector by the matrix rule over every CPU. */
    private void requestPin(int pin) {
        Interrupt irq = pins.get(pin);
        if (irq != null) {
            program(irq, pin, vectors.allocateLegacy(vectors.allCpus(), Plan.irqOfPin(pin), irq));
        }
    }

    private void program(Interrupt irq, int pin, VectorAllocation allocation) {
        if (allocation == null) {
            throw new IllegalStateException("no vector for " + plan.ioapic().orElseThrow().name() + " pin " + pin);
        }
        ioapicUnit.programFor(plan.ioapic().orElseThrow().requesterId(), irq.entry.index(), allocation.vector(),
                vectors.destinationId(allocation.cpu()), vectors.destinationMode().logical());
        irq.vector = allocation;
        requested.add(irq);
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

    /** The interrupts taken at boot: fault events in unit order, then started pins in pin order. */
    public List<Interrupt> interrupts() {
        List<Interrupt> all = new ArrayList<>(faultEvents);
        all.addAll(pins.values());
        return Collections.unmodifiableList(all);
    }

    /** The same interrupts in the order Linux requested them, which is the order their vectors were taken. */
    public List<Interrupt> requestOrder() {
        return Collections.unmodifiableList(requested);
    }

    /** The I/O APIC's pin entries and the functions' INTx entries, in the order allocated. */
    public List<BootEntry> entries() {
        return List.copyOf(entries);
    }

}
