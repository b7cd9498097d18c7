package dev.irqtopo.compiler.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code platform NAME "description" { … }}: its blocks in source order, repeats included (a second
 * {@code cpu}, {@code hypervisor} or {@code host} block, or {@code expect} line, is the checker's to report).
 */
public record Platform(Pos at, Name name, Optional<String> description, List<PlatformItem> items) {

    public Platform {
        Objects.requireNonNull(at);
        Objects.requireNonNull(name);
        Objects.requireNonNull(description);
        items = List.copyOf(items);
    }

    public List<CpuBlock> cpuBlocks() {
        return itemsOf(CpuBlock.class);
    }

    public List<IommuDecl> iommus() {
        return itemsOf(IommuDecl.class);
    }

    public List<HypervisorBlock> hypervisorBlocks() {
        return itemsOf(HypervisorBlock.class);
    }

    public List<BusDecl> buses() {
        return itemsOf(BusDecl.class);
    }

    public List<IoApicDecl> ioapics() {
        return itemsOf(IoApicDecl.class);
    }

    /** The {@code gic} blocks (arm64). */
    public List<GicDecl> gics() {
        return itemsOf(GicDecl.class);
    }

    /** Every {@code its} and {@code v2m} block of every {@code gic} block, in source order. */
    public List<MsiControllerDecl> msiControllers() {
        return gics().stream().flatMap(g -> g.controllers().stream()).toList();
    }

    /** The {@code imsic} blocks (riscv64). */
    public List<ImsicDecl> imsics() {
        return itemsOf(ImsicDecl.class);
    }

    /** The {@code smmu} blocks (arm64). */
    public List<SmmuDecl> smmus() {
        return itemsOf(SmmuDecl.class);
    }

    public List<HostBlock> hostBlocks() {
        return itemsOf(HostBlock.class);
    }

    public List<GuestDecl> guests() {
        return itemsOf(GuestDecl.class);
    }

    public List<ExpectDecl> expects() {
        return itemsOf(ExpectDecl.class);
    }

    /** The host blocks' {@code kernel} lines, in source order. */
    public List<KernelDecl> hostKernels() {
        return hostBlocks().stream().flatMap(h -> h.kernels().stream()).toList();
    }

    /** {@code kernel} lines outside any host or guest block. */
    public List<KernelDecl> misplacedKernels() {
        return itemsOf(KernelDecl.class);
    }

    /** Every bridge of every bus block, in source order. */
    public List<BridgeDecl> bridges() {
        return buses().stream().flatMap(b -> b.bridges().stream()).toList();
    }

    /** Every device of every bus block, in source order (those inside bridge blocks included). */
    public List<DeviceDecl> devices() {
        return buses().stream().flatMap(b -> b.devices().stream()).toList();
    }

    /** The host's stacks: those of every host block, in source order. */
    public List<StackDecl> hostStacks() {
        return hostBlocks().stream().flatMap(h -> h.stacks().stream()).toList();
    }

    private <T extends PlatformItem> List<T> itemsOf(Class<T> type) {
        return items.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
