package dev.irqtopo.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * What one kernel does with a design: the destinations it programs, which bus domains it can create,
 * which storages a hypervisor composes for it, and its vector range. {@link #DESIGN} is the behaviour of
 * the semantics specification (physical destinations, IMS wherever a stack asks for it, hypercall
 * composition wherever the hypervisor offers it); each Linux profile follows that release's sources, as
 * the project's kernel reference (docs/kernels.md) records rule by rule. Every rule that differs between
 * kernels is decided here and nowhere else.
 */
public enum KernelProfile {
    DESIGN("design", 0, 0),
    LINUX_6_1("linux", 6, 1),
    LINUX_6_6("linux", 6, 6),
    LINUX_6_12("linux", 6, 12),
    LINUX_6_19("linux", 6, 19);

    private final String family;
    private final int major;
    private final int minor;

    KernelProfile(String family, int major, int minor) {
        this.family = family;
        this.major = major;
        this.minor = minor;
    }

    /** {@code "design"} or {@code "linux 6.1"}: as the language writes it. */
    public String words() {
        return isLinux() ? family + " " + major + "." + minor : family;
    }

    /** {@code "design"} or {@code "linux-6.1"}: one word, as command-line options and the model table write it. */
    public String word() {
        return isLinux() ? family + "-" + major + "." + minor : family;
    }

    /** The profile a language {@code kernel} line names: {@code "design"} or a Linux version as {@code "6.1"}. */
    public static Optional<KernelProfile> of(String family, String version) {
        return Arrays.stream(values()).filter(p -> p.family.equals(family)
                && (p.isLinux() ? version.equals(p.major + "." + p.minor) : version.isEmpty())).findFirst();
    }

    /** The profile {@link #word()} names, also with a space instead of the dash. */
    public static Optional<KernelProfile> ofWord(String word) {
        return Arrays.stream(values()).filter(p -> p.word().equals(word) || p.words().equals(word)).findFirst();
    }

    /** Whether some profile is of {@code family} ({@code design} or {@code linux}), whatever its version. */
    public static boolean isFamily(String family) {
        return Arrays.stream(values()).anyMatch(p -> p.family.equals(family));
    }

    public boolean isLinux() {
        return this != DESIGN;
    }

    private boolean atLeast(int wantMajor, int wantMinor) {
        return major > wantMajor || major == wantMajor && minor >= wantMinor;
    }

    /**
     * How this kernel, on bare hardware, names CPUs in messages and remap entries. x2APIC with interrupt
     * remapping in x2APIC mode: cluster logical. x2APIC without it: physical, which Linux forces since
     * only physical destinations can then address every CPU. xAPIC: flat logical up to 8 possible CPUs
     * until 6.10 (6.11 removed the flat logical driver from 64-bit kernels), physical above 8 and after.
     * (apic_flat_64.c, x2apic_cluster.c, x2apic_phys.c, apic.c {@code try_to_enable_x2apic}.)
     */
    public DestinationMode hostDestinationMode(ApicMode apic, int cpus, boolean x2apicRemapping) {
        if (!isLinux()) {
            return DestinationMode.PHYSICAL;
        }
        if (apic == ApicMode.X2APIC) {
            return x2apicRemapping ? DestinationMode.LOGICAL_CLUSTER : DestinationMode.PHYSICAL;
        }
        return !atLeast(6, 11) && cpus <= 8 ? DestinationMode.LOGICAL_FLAT : DestinationMode.PHYSICAL;
    }

    /**
     * How this kernel names vCPUs in a guest: the hypervisors modelled offer x2APIC and no virtual
     * IOMMU, so Linux runs x2APIC in physical mode, forced for want of remapping.
     */
    public DestinationMode guestDestinationMode() {
        return DestinationMode.PHYSICAL;
    }

    /**
     * Whether a logical destination reaches CPUs by their logical ids. Linux profiles model the logical
     * destination registers as Linux and the hardware set them; the design profile decodes a message
     * with the logical bit set as physical, as the semantics specification says.
     */
    public boolean decodesLogicalDestinations() {
        return isLinux();
    }

    /**
     * Whether this kernel, on the host, takes what Linux takes at boot before any device probes: each
     * VT-d unit's fault-event interrupt (irqs from 24, in unit order), the I/O APIC's legacy pins 1 to 15
     * (remap entries 0 to 14 of its unit) and each host PCI function's INTx entry before its driver's first
     * MSI or MSI-X allocation; docs/kernels.md §6 gives the sources. The design profile takes none.
     */
    public boolean bootsAsLinux() {
        return isLinux();
    }

    /**
     * Whether the host requests its VT-d units' fault-event interrupts only when DMA remapping starts, with
     * every CPU online, rather than while the boot CPU sets up its APIC, with CPU 0 the only one online.
     * In 6.12 and 6.19 (not yet in 6.6: commit d74169ceb0d2, "Allocate DMAR fault interrupts locally", came
     * between), {@code enable_drhd_fault_handling} runs as a CPU-hotplug callback that skips every unit whose NUMA node
     * is not the CPU's; a unit without an RHSA entry keeps node {@code NUMA_NO_NODE} ({@code alloc_iommu}),
     * so none takes its interrupt there, and {@code init_dmars}'s {@code dmar_set_interrupt}, under
     * {@code intel_iommu_init} (a rootfs initcall), requests it instead (dmar.c, iommu.c). The model's units
     * have no NUMA node, as QEMU's DMAR table has no RHSA.
     */
    public boolean requestsFaultEventsWhenDmaRemappingStarts() {
        return isLinux() && atLeast(6, 12);
    }

    /**
     * The ISA vector of legacy irq {@code irq} on CPU 0 (0x30 + irq, as every Linux assigns them before
     * the I/O APIC takes the irqs over; only an irq already running, the timer, keeps it).
     */
    public int isaVector(int irq) {
        return ISA_IRQ0_VECTOR + irq;
    }

    /** Legacy irq 0's ISA vector. */
    public static final int ISA_IRQ0_VECTOR = 0x30;

    /** Whether remap entries this kernel programs set the redirection hint: Linux's VT-d entries do (prepare_irte). */
    public boolean vtdRedirectionHint() {
        return isLinux();
    }

    /**
     * Whether this kernel can create an IMS bus domain under {@code parent}. Linux has IMS from 6.2 to
     * 6.9 only (pci_create_ims_domain), and then only on a real interrupt-remapping unit: the VT-d and
     * AMD-Vi parents refuse it under caching mode, that is when the unit is emulated for a guest, and
     * the vector domain never offers it. The design profile creates it under any parent.
     */
    public boolean createsImsDomain(ImsParent parent) {
        if (!isLinux()) {
            return true;
        }
        return atLeast(6, 2) && !atLeast(6, 10) && parent == ImsParent.REAL_REMAPPING;
    }

    /** What an IMS bus domain would sit on. */
    public enum ImsParent {
        /** The kernel's vector domain, no remapping between. */
        VECTOR,
        /** The host's remap domain on a real remapping unit. */
        REAL_REMAPPING,
        /** A guest's compose hypercall. */
        HYPERCALL
    }

    /**
     * Whether a guest running this kernel composes {@code storage} by hypercall under a {@code hypervisor}
     * that offers it. Linux composes MSI and MSI-X that way under Hyper-V (pci-hyperv.c) and Xen
     * (arch/x86/pci/xen.c), never IMS, and never under KVM; the design profile follows the hypervisor's
     * {@code hypercall} property alone.
     */
    public boolean composesByHypercall(HypervisorKind hypervisor, StorageKind storage) {
        if (!isLinux()) {
            return true;
        }
        boolean msi = storage == StorageKind.MSI || storage == StorageKind.MSIX;
        return msi && (hypervisor == HypervisorKind.HYPERV || hypervisor == HypervisorKind.XEN);
    }

    /** Whether MSI-X vectors can be added after the first allocation (MSI_FLAG_PCI_MSIX_ALLOC_DYN, from 6.2). */
    public boolean allocatesMsixDynamically() {
        return !isLinux() || atLeast(6, 2);
    }

    /**
     * The lowest vector the vector matrix hands out: 0x21 while 0x20 was the cleanup IPI's
     * ({@code IRQ_MOVE_CLEANUP_VECTOR}, gone by 6.6, which hands out 0x20 too).
     */
    public int firstDeviceVector() {
        return isLinux() && atLeast(6, 6) ? 0x20 : 0x21;
    }

    /**
     * The highest vector the vector matrix hands out: 0xEB, below the first system vector, until 6.9;
     * 0xEA from 6.10, whose first system vector moved to 0xEB (irq_vectors.h {@code FIRST_SYSTEM_VECTOR}).
     */
    public int lastDeviceVector() {
        return isLinux() && atLeast(6, 10) ? 0xEA : 0xEB;
    }
}
