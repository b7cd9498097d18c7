package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.CpuProp;
import dev.irqtopo.compiler.ast.Defaults;
import dev.irqtopo.compiler.ast.GuestDecl;
import dev.irqtopo.compiler.ast.GuestItem;
import dev.irqtopo.compiler.ast.ImsicDecl;
import dev.irqtopo.compiler.ast.ImsicProp;
import dev.irqtopo.compiler.ast.Num;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.Architecture;
import dev.irqtopo.model.CpuModel;
import dev.irqtopo.model.riscv.GuestFilePlacement;
import dev.irqtopo.model.riscv.ImsicGeometry;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * IRQ078: a guest vCPU that finds no guest interrupt file on the hart it runs on, as
 * {@link GuestFilePlacement} places the guests' vCPUs (each hart has {@code guest_files} of them; a
 * vCPU without one cannot take an interrupt in guest mode). At the {@code cpus} count of each guest
 * with such a vCPU, naming its first.
 */
final class GuestFileRule extends PlatformRule {

    @Override
    Set<Architecture> architectures() {
        return EnumSet.of(Architecture.RISCV64);
    }

    @Override
    void check(PlatformIndex index, Report report) {
        Optional<ImsicDecl> imsic = index.platform().imsics().stream().findFirst();
        Optional<Integer> harts = index.cpu().flatMap(c -> c.props(CpuProp.Cpus.class).stream().findFirst())
                .map(CpuProp.Cpus::count).filter(n -> n.in(1, CpuModel.MAX_CPUS)).map(Num::intValue);
        if (imsic.isEmpty() || harts.isEmpty()) {
            return;
        }
        Optional<ImsicProp.GuestFiles> given = imsic.get().prop(ImsicProp.GuestFiles.class);
        if (given.isPresent() && !given.get().value().in(0, ImsicGeometry.MAX_GUEST_FILES)) {
            return;
        }
        int guestFiles = Defaults.guestFiles(imsic.get());
        Map<String, Integer> vcpus = new LinkedHashMap<>();
        Map<String, GuestItem.Cpus> counts = new LinkedHashMap<>();
        for (GuestDecl guest : index.platform().guests()) {
            guest.cpus().stream().findFirst().filter(c -> c.count().in(1, CpuModel.MAX_CPUS)).ifPresent(c -> {
                vcpus.putIfAbsent(guest.name().text(), c.count().intValue());
                counts.putIfAbsent(guest.name().text(), c);
            });
        }
        String files = guestFiles == 0 ? "which has no guest interrupt file"
                : "whose " + guestFiles + " guest interrupt file" + (guestFiles == 1 ? " is" : "s are") + " taken";
        GuestFilePlacement.of(harts.get(), guestFiles, vcpus).shortages().forEach(s -> report.add(
                DiagnosticCode.IRQ078, counts.get(s.guest()).count().pos(), "guest " + s.guest() + "'s vCPU " + s.vcpu()
                        + " runs on hart " + s.hart() + ", " + files + ": the guests' vCPUs take the harts in turn, and"
                        + " each needs a guest file of its hart"));
    }
}
