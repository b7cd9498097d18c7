package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.BusDecl;
import dev.irqtopo.compiler.ast.CpuProp;
import dev.irqtopo.compiler.ast.HypervisorBlock;
import dev.irqtopo.compiler.ast.HypervisorProp;
import dev.irqtopo.compiler.ast.IommuDecl;
import dev.irqtopo.compiler.ast.KernelDecl;
import dev.irqtopo.compiler.ast.Link;
import dev.irqtopo.compiler.ast.Platform;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.ast.Pos;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.Architecture;
import dev.irqtopo.model.HypervisorKind;
import dev.irqtopo.model.IommuKind;
import dev.irqtopo.model.KernelProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * A construct of one CPU side on a platform of another, at its keyword. x86 reaches its CPUs through
 * local APICs, behind VT-d or AMD-Vi remapping and an I/O APIC; arm64 through a GIC's ITS units and
 * GICv2m frames, which name the sender by a DeviceID; riscv64 through the harts' IMSIC interrupt files,
 * behind a RISC-V IOMMU's MSI page tables. The code says which sides: IRQ063 an x86 construct on arm64,
 * IRQ064 an arm64 one on x86, IRQ074 an x86 or arm64 one on riscv64, IRQ075 a riscv64 one elsewhere.
 * IRQ073: a hypervisor kind whose side irqtopo does not model there (only KVM is, on arm64 and riscv64).
 */
final class ArchitectureRule extends PlatformRule {

    /** A construct of the file, the side it belongs to, and what to say of it. */
    private record Construct(Pos at, Architecture home, String what) {
    }

    @Override
    void check(PlatformIndex index, Report report) {
        Architecture arch = index.architecture();
        Platform platform = index.platform();
        for (Construct c : constructs(platform)) {
            if (c.home() != arch) {
                report.add(code(c.home(), arch), c.at(), c.what() + " is " + c.home().keyword() + "'s, not for "
                        + arch.keyword() + " platform " + platform.name().text() + hint(arch));
            }
        }
        if (arch != Architecture.X86) {
            for (HypervisorBlock hypervisor : platform.hypervisorBlocks()) {
                if (hypervisor.kind() != HypervisorKind.KVM) {
                    report.add(DiagnosticCode.IRQ073, hypervisor.at(), "irqtopo models " + arch.keyword()
                            + " guests under kvm, not under " + hypervisor.kind().keyword());
                }
            }
        }
    }

    private static DiagnosticCode code(Architecture home, Architecture platform) {
        if (platform == Architecture.RISCV64) {
            return DiagnosticCode.IRQ074;
        }
        if (home == Architecture.RISCV64) {
            return DiagnosticCode.IRQ075;
        }
        return platform == Architecture.ARM64 ? DiagnosticCode.IRQ063 : DiagnosticCode.IRQ064;
    }

    private static String hint(Architecture arch) {
        return switch (arch) {
            case X86 -> ": x86 CPUs take messages through their local APICs, behind an 'iommu vtd' or 'iommu amdvi'";
            case ARM64 -> ": arm64 CPUs take messages through the GIC's ITS units and GICv2m frames";
            case RISCV64 -> ": riscv64 harts take messages in their IMSIC interrupt files, behind an 'iommu riscv'";
        };
    }

    /** Every construct that belongs to one side only, in source order within each kind. */
    private static List<Construct> constructs(Platform platform) {
        List<Construct> found = new ArrayList<>();
        Architecture x86 = Architecture.X86;
        Architecture arm64 = Architecture.ARM64;
        Architecture riscv64 = Architecture.RISCV64;
        for (var cpu : platform.cpuBlocks()) {
            for (CpuProp prop : cpu.props()) {
                if (prop instanceof CpuProp.Apic || prop instanceof CpuProp.ApicIds) {
                    found.add(new Construct(prop.at(), x86, "'" + prop.keyword() + "', of local APICs,"));
                } else if (prop instanceof CpuProp.Mpidr) {
                    found.add(new Construct(prop.at(), arm64, "'mpidr', the affinity of arm64 CPUs,"));
                }
            }
        }
        for (IommuDecl iommu : platform.iommus()) {
            found.add(new Construct(iommu.at(), iommu.kind() == IommuKind.RISCV ? riscv64 : x86,
                    "'iommu " + iommu.kind().keyword() + "'"));
        }
        platform.ioapics().forEach(io -> found.add(new Construct(io.at(), x86, "an I/O APIC")));
        platform.gics().forEach(gic -> found.add(new Construct(gic.at(), arm64, "a GIC")));
        platform.smmus().forEach(smmu -> found.add(new Construct(smmu.at(), arm64, "an 'smmu'")));
        platform.imsics().forEach(imsic -> found.add(new Construct(imsic.at(), riscv64, "an IMSIC")));
        for (BusDecl bus : platform.buses()) {
            bus.msiMaps().forEach(m -> found.add(new Construct(m.at(), arm64, "'msi_map', which gives DeviceIDs,")));
            bus.msiMapMasks().forEach(m -> found.add(new Construct(m.at(), arm64, "'msi_map_mask'")));
        }
        for (HypervisorBlock hypervisor : platform.hypervisorBlocks()) {
            for (HypervisorProp prop : hypervisor.props()) {
                if (prop instanceof HypervisorProp.Cpuid || prop instanceof HypervisorProp.Hypercall
                        || prop instanceof HypervisorProp.ExtDestId) {
                    found.add(new Construct(prop.at(), x86, "'" + prop.keyword() + "', a hypervisor property,"));
                } else if (prop instanceof HypervisorProp.Vlpi) {
                    found.add(new Construct(prop.at(), arm64, "'vlpi', GICv4's direct injection,"));
                }
            }
        }
        for (KernelDecl kernel : kernels(platform)) {
            String family = kernel.family().text();
            if (KernelProfile.isFamily(family) && !family.equals(KernelProfile.DESIGN.words())) {
                found.add(new Construct(kernel.family().pos(), x86, "the " + family + " profile, of an x86 kernel,"));
            }
        }
        for (KernelStack ks : KernelStack.all(platform)) {
            for (Link link : ks.stack().chain()) {
                if (link instanceof Link.Vector || link instanceof Link.Remap || link instanceof Link.Hcall) {
                    found.add(new Construct(link.at(), x86, "'" + word(link) + "', an x86 domain,"));
                } else if (link instanceof Link.Gic || link instanceof Link.Its || link instanceof Link.V2m) {
                    found.add(new Construct(link.at(), arm64, "'" + word(link) + "', an arm64 domain,"));
                } else if (link instanceof Link.Imsic) {
                    found.add(new Construct(link.at(), riscv64, "'imsic', a riscv64 domain,"));
                }
            }
        }
        return found;
    }

    private static String word(Link link) {
        if (link instanceof Link.Vector) {
            return "vector";
        }
        if (link instanceof Link.Remap) {
            return "remap";
        }
        if (link instanceof Link.Hcall) {
            return "hcall";
        }
        if (link instanceof Link.Gic) {
            return "gic";
        }
        return link instanceof Link.Its ? "its" : "v2m";
    }

    private static List<KernelDecl> kernels(Platform platform) {
        List<KernelDecl> kernels = new ArrayList<>(platform.hostKernels());
        platform.guests().forEach(g -> kernels.addAll(g.kernels()));
        return kernels;
    }
}
