package dev.irqtopo.compiler.ast;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.HypervisorKind;
import dev.irqtopo.model.HypervisorModel;
import dev.irqtopo.model.IommuKind;
import dev.irqtopo.model.KernelProfile;
import dev.irqtopo.model.SourceCheck;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.arm.ArmCpus;
import dev.irqtopo.model.arm.Mpidr;
import dev.irqtopo.model.riscv.ImsicGeometry;
import dev.irqtopo.model.riscv.ImsicPlacement;
import java.math.BigInteger;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What the language means where a declaration leaves something out ("Meaning of each declaration,
 * and defaults"), in one place: the checker judges a file and the model builder resolves it with these
 * same answers, and the model records hold only what was resolved. Where a property is given twice (an
 * error of its own), the first one counts.
 */
public final class Defaults {

    /** A vtd unit's table size without {@code entries}: the whole 16-bit handle space. */
    public static final int VTD_ENTRIES = 65536;
    /** An amdvi table size, per requester id, without {@code entries}. */
    public static final int AMDVI_ENTRIES = 512;
    /** The storages a hypervisor traps without {@code traps}. */
    public static final Set<StorageKind> TRAPS = Set.copyOf(EnumSet.of(StorageKind.MSI, StorageKind.MSIX));
    /** How many interrupts a stack allocates without {@code alloc}. */
    public static final int ALLOC = 1;
    /** An ITS's DeviceID bits without {@code device_id_bits}: those of QEMU's ITS (GITS_TYPER.Devbits = 15). */
    public static final int DEVICE_ID_BITS = 16;
    /** An ITS's EventID bits without {@code event_id_bits}: those of QEMU's ITS (GITS_TYPER.ID_bits = 15). */
    public static final int EVENT_ID_BITS = 16;

    private Defaults() {
    }

    /** A {@code cpu} block's {@code apic}: xapic unless given. */
    public static ApicMode apic(CpuBlock cpu) {
        return cpu.props(CpuProp.Apic.class).stream().findFirst().map(a -> a.mode().value()).orElse(ApicMode.XAPIC);
    }

    /** Each CPU's APIC ID in CPU order: the given {@code apic_ids}, else CPU <i>n</i> has ID <i>n</i>. */
    public static List<Integer> apicIds(CpuBlock cpu, int count) {
        return cpu.props(CpuProp.ApicIds.class).stream().findFirst()
                .map(ids -> ids.ids().stream().map(Num::intValue).toList())
                .orElseGet(() -> IntStream.range(0, count).boxed().toList());
    }

    /**
     * Each arm64 CPU's MPIDR affinity in CPU order: the given {@code mpidr}, else as QEMU's virt machine
     * numbers them under a GICv3 ({@link ArmCpus#virt}: Aff0 = <i>n</i> mod 16, Aff1 = <i>n</i> / 16).
     */
    public static List<Mpidr> mpidrs(CpuBlock cpu, int count) {
        return cpu.props(CpuProp.Mpidr.class).stream().findFirst()
                .map(m -> m.values().stream().map(v -> Mpidr.ofValue(v.value().longValueExact())).toList())
                .orElseGet(() -> ArmCpus.virt(count).mpidrs());
    }

    /** An ITS's {@code device_id_bits}: 16 unless given. */
    public static int deviceIdBits(MsiControllerDecl its) {
        return its.prop(GicProp.DeviceIdBits.class).map(b -> b.bits().intValue()).orElse(DEVICE_ID_BITS);
    }

    /** An ITS's {@code event_id_bits}: 16 unless given. */
    public static int eventIdBits(MsiControllerDecl its) {
        return its.prop(GicProp.EventIdBits.class).map(b -> b.bits().intValue()).orElse(EVENT_ID_BITS);
    }

    /** An {@code imsic} block's {@code identities}: QEMU virt's 255 unless given. */
    public static int identities(ImsicDecl imsic) {
        return imsic.prop(ImsicProp.Identities.class).map(p -> p.value().intValue()).orElse(ImsicGeometry.VIRT_IDS);
    }

    /** An {@code imsic} block's {@code guest_identities}: as {@code identities} unless given. */
    public static int guestIdentities(ImsicDecl imsic) {
        return imsic.prop(ImsicProp.GuestIdentities.class).map(p -> p.value().intValue()).orElse(identities(imsic));
    }

    /** An {@code imsic} block's {@code guest_files}: none unless given. */
    public static int guestFiles(ImsicDecl imsic) {
        return imsic.prop(ImsicProp.GuestFiles.class).map(p -> p.value().intValue()).orElse(0);
    }

    /**
     * Where an {@code imsic} block's files sit: QEMU virt's bases unless given, one page per machine-level
     * file (C = 12), and each supervisor-level file followed by its guest files (D = 12 + ⌈log2(guest
     * files + 1)⌉), one hart group.
     */
    public static ImsicPlacement imsicPlacement(ImsicDecl imsic) {
        long m = imsic.prop(ImsicProp.MBase.class).map(p -> p.value().value().longValue()).orElse(ImsicGeometry.VIRT_MACHINE_BASE);
        long s = imsic.prop(ImsicProp.SBase.class).map(p -> p.value().value().longValue()).orElse(ImsicGeometry.VIRT_SUPERVISOR_BASE);
        return new ImsicPlacement(m, ImsicPlacement.PAGE_SHIFT, s, ImsicGeometry.minimumSupervisorShift(guestFiles(imsic)),
                ImsicGeometry.VIRT_GROUP_SHIFT);
    }

    /** A bus block's {@code msi_map_mask}: every bit unless given. */
    public static int msiMapMask(BusDecl bus) {
        return bus.msiMapMasks().stream().findFirst().map(m -> m.mask().intValue()).orElse(0xffff);
    }

    /** An IOMMU's {@code remapping}: on unless given off. */
    public static boolean remapping(IommuDecl iommu) {
        return iommu.prop(IommuProp.Remapping.class).map(IommuProp.Remapping::on).orElse(true);
    }

    /** An IOMMU's {@code entries}: its kind's default unless given. */
    public static int entries(IommuDecl iommu) {
        return iommu.prop(IommuProp.Entries.class).map(e -> e.count().intValue())
                .orElse(iommu.kind() == IommuKind.VTD ? VTD_ENTRIES : AMDVI_ENTRIES);
    }

    /** An IOMMU's {@code source_check}: full unless given (amdvi binds each table to its requester id anyway). */
    public static SourceCheck sourceCheck(IommuDecl iommu) {
        return iommu.prop(IommuProp.SourceCheckProp.class).map(IommuProp.SourceCheckProp::value)
                .orElse(SourceCheck.FULL);
    }

    /** An IOMMU's {@code compat}: blocked unless given allowed. */
    public static boolean compatAllowed(IommuDecl iommu) {
        return iommu.prop(IommuProp.Compat.class).map(IommuProp.Compat::allowed).orElse(false);
    }

    /** An IOMMU's {@code posted}: off unless given on. */
    public static boolean posted(IommuDecl iommu) {
        return iommu.prop(IommuProp.Posted.class).map(IommuProp.Posted::on).orElse(false);
    }

    /** Whether an IOMMU without {@code covers} covers every bus: only when it is the platform's only one. */
    public static boolean coversEveryBus(List<IommuDecl> platformIommus) {
        return platformIommus.size() == 1 && platformIommus.get(0).prop(IommuProp.Covers.class).isEmpty();
    }

    /** The hypervisor a block declares, every property it leaves out at its default. */
    public static HypervisorModel hypervisor(HypervisorBlock hypervisor) {
        return hypervisor(hypervisor.kind(), hypervisor.props());
    }

    /**
     * The hypervisor of a kind with these properties, the others at their defaults: {@code cpuid}
     * visible, {@code traps} as {@link #TRAPS}, {@code hypercall} none, {@code ext_dest_id} off.
     * {@code ims queue} is never trapped, even when the properties ask for it (an error of its own).
     */
    public static HypervisorModel hypervisor(HypervisorKind kind, List<HypervisorProp> props) {
        boolean cpuidVisible = first(props, HypervisorProp.Cpuid.class).map(HypervisorProp.Cpuid::visible).orElse(true);
        Set<StorageKind> traps = first(props, HypervisorProp.Traps.class)
                .map(t -> t.storages().stream().map(Word::value)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(StorageKind.class))))
                .orElseGet(() -> EnumSet.copyOf(TRAPS));
        traps.remove(StorageKind.IMS_QUEUE);
        boolean compose = first(props, HypervisorProp.Hypercall.class).map(HypervisorProp.Hypercall::compose)
                .orElse(false);
        boolean extDestId = first(props, HypervisorProp.ExtDestId.class).map(HypervisorProp.ExtDestId::on)
                .orElse(false);
        return new HypervisorModel(kind, cpuidVisible, traps, compose, extDestId);
    }

    /**
     * A bridge's secondary bus: the one its devices name; for an empty bridge, which names none, the bus
     * after its own (wrapping after ff), as firmware numbers a fresh secondary bus. Nothing sits behind an
     * empty bridge, so no verdict depends on that number.
     */
    public static int secondaryBus(BridgeDecl bridge) {
        return PlatformIndex.declaredSecondaryBus(bridge).map(BigInteger::intValueExact)
                .orElseGet(() -> (bridge.rid().bus().intValueExact() + 1) & 0xFF);
    }

    /**
     * The profile of a kernel whose {@code kernel} lines are {@code kernels}: the first one's when it names
     * a known profile, else the design profile (an unknown one is IRQ110's, a second one IRQ024's).
     */
    public static KernelProfile kernel(List<KernelDecl> kernels) {
        return kernels.stream().findFirst().flatMap(Defaults::profile).orElse(KernelProfile.DESIGN);
    }

    /** The profile a {@code kernel} line names, when it names one irqtopo knows. */
    public static Optional<KernelProfile> profile(KernelDecl kernel) {
        return KernelProfile.of(kernel.family().text(), kernel.version().map(Word::value).orElse(""));
    }

    /** A stack's {@code alloc}: {@link #ALLOC} unless given. */
    public static int alloc(StackDecl stack) {
        return stack.alloc().map(Num::intValue).orElse(ALLOC);
    }

    private static <T extends HypervisorProp> Optional<T> first(List<HypervisorProp> props, Class<T> type) {
        return props.stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}
