package dev.irqtopo.runtime.riscv64;

import dev.irqtopo.model.riscv.FileLevel;
import dev.irqtopo.model.riscv.Harts;
import dev.irqtopo.model.riscv.ImsicGeometry;
import dev.irqtopo.model.riscv.ImsicPlacement;
import dev.irqtopo.model.riscv.InterruptFile;
import dev.irqtopo.runtime.imsic.ImsicDriver;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A guest's IMSIC as the guest sees it, and what backs it. The VMM gives the guest QEMU virt's
 * layout: vCPU {@code v}'s supervisor-level file at guest-physical {@code 0x28000000 + v·4 KiB}
 * ({@code VIRT_IMSIC_S}; a guest has no guest files of its own, so D = 12), machine-level pages at
 * {@code 0x24000000} that the guest never uses, every file with the host's guest-file identities.
 * The guest's own IMSIC driver allocates over these files ({@link #driver}); KVM's G-stage maps each
 * page to the guest file {@code GuestFilePlacement} gives the vCPU, so a vCPU's own stores land there.
 */
public final class GuestImsic {

    /** Guest-physical page of vCPU 0's file, QEMU virt's {@code VIRT_IMSIC_S}. */
    public static final long BASE = ImsicGeometry.VIRT_SUPERVISOR_BASE;

    private final String name;
    private final List<InterruptFile> backing;
    private final ImsicGeometry view;
    private final ImsicDriver driver;
    private int nextVirq = 1;

    public GuestImsic(String name, List<InterruptFile> backing, int identities) {
        this.name = Objects.requireNonNull(name);
        this.backing = List.copyOf(backing);
        this.view = new ImsicGeometry(Harts.of(backing.size()), 0, identities, identities, identities,
                new ImsicPlacement(ImsicGeometry.VIRT_MACHINE_BASE, ImsicPlacement.PAGE_SHIFT, BASE,
                        ImsicPlacement.PAGE_SHIFT, ImsicGeometry.VIRT_GROUP_SHIFT));
        this.driver = new ImsicDriver(view);
    }

    public String name() {
        return name;
    }

    public int vcpus() {
        return backing.size();
    }

    /** The guest's view of its IMSICs. */
    public ImsicGeometry view() {
        return view;
    }

    /** The guest kernel's IMSIC driver. */
    public ImsicDriver driver() {
        return driver;
    }

    /** The guest-physical page of vCPU {@code vcpu}'s file. */
    public long page(int vcpu) {
        return view.page(InterruptFile.supervisor(vcpu));
    }

    /** The guest file behind vCPU {@code vcpu}. */
    public InterruptFile backing(int vcpu) {
        return backing.get(vcpu);
    }

    /** The vCPU whose file's guest-physical page holds {@code address}. */
    public Optional<Integer> vcpuAt(long address) {
        return view.fileAt(address).filter(f -> f.level() == FileLevel.SUPERVISOR).map(InterruptFile::hart);
    }

    /** The vCPU {@code file} backs, if it backs one of this guest's. */
    public Optional<Integer> vcpuOf(InterruptFile file) {
        int vcpu = backing.indexOf(file);
        return vcpu < 0 ? Optional.empty() : Optional.of(vcpu);
    }

    /** {@code msi_addr_mask}: the page-number bits that number the vCPUs, ⌈log2 vCPUs⌉ of them. */
    public long addressMask() {
        return (1L << view.harts().hartBits()) - 1;
    }

    /** {@code msi_addr_pattern}: the page number of vCPU 0's file, under the mask cleared. */
    public long addressPattern() {
        return BASE >>> ImsicPlacement.PAGE_SHIFT & ~addressMask();
    }

    int nextVirq() {
        return nextVirq++;
    }
}
