package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.BusDecl;
import dev.irqtopo.compiler.ast.CpuProp;
import dev.irqtopo.compiler.ast.GicDecl;
import dev.irqtopo.compiler.ast.HypervisorBlock;
import dev.irqtopo.compiler.ast.HypervisorProp;
import dev.irqtopo.compiler.ast.IoApicDecl;
import dev.irqtopo.compiler.ast.IommuDecl;
import dev.irqtopo.compiler.ast.KernelDecl;
import dev.irqtopo.compiler.ast.Link;
import dev.irqtopo.compiler.ast.MsiMapDecl;
import dev.irqtopo.compiler.ast.Platform;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.ast.SmmuDecl;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.Architecture;
import dev.irqtopo.model.HypervisorKind;
import dev.irqtopo.model.KernelProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * IRQ063 and IRQ064: a construct of one CPU side on a platform of the other, at its keyword. x86 reaches
 * its CPUs through local APICs, behind VT-d or AMD-Vi remapping and an I/O APIC; arm64 through a GIC's ITS
 * units and GICv2m frames, which name the sender by a DeviceID instead. IRQ073: a hypervisor kind whose
 * arm64 side irqtopo does not model (only KVM's virtual ITS is).
 */
final class ArchitectureRule extends PlatformRule {

    @Override
    void check(PlatformIndex index, Report report) {
        if (index.architecture() == Architecture.ARM64) {
            x86On(index.platform(), report);
        } else {
            arm64On(index.platform(), report);
        }
    }

    private static void x86On(Platform platform, Report report) {
        DiagnosticCode code = DiagnosticCode.IRQ063;
        String where = " on arm64 platform " + platform.name().text();
        for (var cpu : platform.cpuBlocks()) {
            for (CpuProp prop : cpu.props()) {
                if (prop instanceof CpuProp.Apic || prop instanceof CpuProp.ApicIds) {
                    report.add(code, prop.at(), "'" + prop.keyword() + "' describes x86 local APICs, not arm64 CPUs,"
                            + " which 'mpidr' gives" + where);
                }
            }
        }
        for (IommuDecl iommu : platform.iommus()) {
            report.add(code, iommu.at(), "'iommu " + iommu.kind().keyword() + "' is an x86 interrupt-remapping unit"
                    + where + ": the ITS names each sender by its DeviceID, and an 'smmu' translates DMA");
        }
        for (IoApicDecl ioapic : platform.ioapics()) {
            report.add(code, ioapic.at(), "an I/O APIC is x86's" + where);
        }
        for (HypervisorBlock hypervisor : platform.hypervisorBlocks()) {
            if (hypervisor.kind() != HypervisorKind.KVM) {
                report.add(DiagnosticCode.IRQ073, hypervisor.at(), "irqtopo models arm64 guests under kvm, whose"
                        + " virtual ITS it knows, not under " + hypervisor.kind().keyword());
            }
            for (HypervisorProp prop : hypervisor.props()) {
                if (prop instanceof HypervisorProp.Cpuid || prop instanceof HypervisorProp.Hypercall
                        || prop instanceof HypervisorProp.ExtDestId) {
                    report.add(code, prop.at(), "'" + prop.keyword() + "' is an x86 hypervisor property" + where);
                }
            }
        }
        for (KernelDecl kernel : kernels(platform)) {
            String family = kernel.family().text();
            if (KernelProfile.isFamily(family) && !family.equals(KernelProfile.DESIGN.words())) {
                report.add(code, kernel.family().pos(), "the " + kernel.family().text() + " profiles describe x86"
                        + " kernels" + where + ", which runs the design profile");
            }
        }
        for (KernelStack ks : KernelStack.all(platform)) {
            for (Link link : ks.stack().chain()) {
                String word = link instanceof Link.Vector ? "vector" : link instanceof Link.Remap ? "remap"
                        : link instanceof Link.Hcall ? "hcall" : null;
                if (word != null) {
                    report.add(code, link.at(), "'" + word + "' is an x86 domain" + where
                            + ": an arm64 chain is 'gic', then 'its' or 'v2m', then the bus domain");
                }
            }
        }
    }

    private static void arm64On(Platform platform, Report report) {
        DiagnosticCode code = DiagnosticCode.IRQ064;
        String where = " on x86 platform " + platform.name().text();
        for (var cpu : platform.cpuBlocks()) {
            for (CpuProp.Mpidr mpidr : cpu.props(CpuProp.Mpidr.class)) {
                report.add(code, mpidr.at(), "'mpidr' gives arm64 CPUs' affinities" + where
                        + ", whose CPUs have APIC IDs ('apic_ids')");
            }
        }
        for (GicDecl gic : platform.gics()) {
            report.add(code, gic.at(), "a GIC is arm64's" + where + ": x86 CPUs take messages through their local APICs");
        }
        for (SmmuDecl smmu : platform.smmus()) {
            report.add(code, smmu.at(), "an 'smmu' is arm64's" + where + ": declare an 'iommu vtd' or 'iommu amdvi'");
        }
        for (BusDecl bus : platform.buses()) {
            for (MsiMapDecl map : bus.msiMaps()) {
                report.add(code, map.at(), "'msi_map' gives arm64 DeviceIDs" + where);
            }
            for (MsiMapDecl.Mask mask : bus.msiMapMasks()) {
                report.add(code, mask.at(), "'msi_map_mask' belongs to arm64's msi_map" + where);
            }
        }
        for (HypervisorBlock hypervisor : platform.hypervisorBlocks()) {
            hypervisor.prop(HypervisorProp.Vlpi.class).ifPresent(vlpi -> report.add(code, vlpi.at(),
                    "'vlpi' is GICv4's direct injection" + where + ": x86's is 'posted' on the IOMMU"));
        }
        for (KernelStack ks : KernelStack.all(platform)) {
            for (Link link : ks.stack().chain()) {
                String word = link instanceof Link.Gic ? "gic" : link instanceof Link.Its ? "its"
                        : link instanceof Link.V2m ? "v2m" : null;
                if (word != null) {
                    report.add(code, link.at(), "'" + word + "' is an arm64 domain" + where
                            + ": an x86 chain is 'vector', then 'remap' or 'hcall', then the bus domain");
                }
            }
        }
    }

    private static List<KernelDecl> kernels(Platform platform) {
        List<KernelDecl> kernels = new ArrayList<>(platform.hostKernels());
        platform.guests().forEach(g -> kernels.addAll(g.kernels()));
        return kernels;
    }
}
