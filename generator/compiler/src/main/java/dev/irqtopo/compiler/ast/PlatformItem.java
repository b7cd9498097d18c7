package dev.irqtopo.compiler.ast;

/** A block directly inside a platform. */
public sealed interface PlatformItem permits CpuBlock, IommuDecl, HypervisorBlock, BusDecl, HostBlock, GuestDecl,
        ExpectDecl, KernelDecl, IoApicDecl, GicDecl, SmmuDecl, ImsicDecl {

    /** Where the block's keyword is. */
    Pos at();
}
