package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.CpuProp;
import dev.irqtopo.compiler.ast.Defaults;
import dev.irqtopo.compiler.ast.ImsicDecl;
import dev.irqtopo.compiler.ast.ImsicProp;
import dev.irqtopo.compiler.ast.Num;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.Architecture;
import dev.irqtopo.model.CpuModel;
import dev.irqtopo.model.riscv.Harts;
import dev.irqtopo.model.riscv.ImsicGeometry;
import dev.irqtopo.model.riscv.ImsicPlacement;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code imsic} block of a riscv64 platform, by the AIA's rules as {@link ImsicGeometry} decides them:
 * <ul>
 *   <li>IRQ076: {@code identities} or {@code guest_identities} not 64k − 1 in 63..2047 (a file's
 *       eip/eie registers come in 64-bit words, and identity 0 is never one);</li>
 *   <li>IRQ020: {@code guest_files} beyond 63 (GEILEN's limit on RV64), a base beyond 56 bits or off a
 *       page;</li>
 *   <li>IRQ077: files whose pages are out of place for the harts: a base not aligned to its region, or
 *       the machine-level and supervisor-level regions overlapping. At the {@code imsic} keyword, or the
 *       base given.</li>
 * </ul>
 */
final class ImsicRule extends PlatformRule {

    @Override
    Set<Architecture> architectures() {
        return EnumSet.of(Architecture.RISCV64);
    }

    @Override
    void check(PlatformIndex index, Report report) {
        Optional<ImsicDecl> found = index.platform().imsics().stream().findFirst();
        if (found.isEmpty()) {
            return;
        }
        ImsicDecl imsic = found.get();
        boolean valid = true;
        for (ImsicProp prop : imsic.props()) {
            if (prop instanceof ImsicProp.Identities || prop instanceof ImsicProp.GuestIdentities) {
                if (!prop.value().in(ImsicGeometry.MIN_IDS, ImsicGeometry.MAX_IDS)
                        || !ImsicGeometry.validIdentities(prop.value().intValue())) {
                    report.add(DiagnosticCode.IRQ076, prop.value().pos(), "a file implements 64k − 1 identities,"
                            + " 63 to 2047 (63, 127, 191, …), not " + prop.value().text());
                    valid = false;
                }
            } else if (prop instanceof ImsicProp.GuestFiles) {
                valid &= inRange(prop.value(), "guest_files", 0, ImsicGeometry.MAX_GUEST_FILES, report);
            } else {
                valid &= inRange(prop.value(), prop.keyword() + ", a page address,", 0,
                        (1L << ImsicPlacement.PHYSICAL_ADDRESS_BITS) - ImsicGeometry.PAGE, report);
                if (prop.value().in(0, Long.MAX_VALUE) && prop.value().value().longValue() % ImsicGeometry.PAGE != 0) {
                    report.add(DiagnosticCode.IRQ020, prop.value().pos(), prop.keyword() + " must be a page"
                            + " address (a multiple of 0x1000), not " + prop.value().text());
                    valid = false;
                }
            }
        }
        Optional<Integer> harts = index.cpu().flatMap(c -> c.props(CpuProp.Cpus.class).stream().findFirst())
                .map(CpuProp.Cpus::count).filter(n -> n.in(1, CpuModel.MAX_CPUS)).map(Num::intValue);
        if (!valid || harts.isEmpty()) {
            return;
        }
        int ids = Defaults.identities(imsic);
        ImsicGeometry.problem(Harts.of(harts.get()), Defaults.guestFiles(imsic), ids, ids, Defaults.guestIdentities(imsic),
                Defaults.imsicPlacement(imsic)).ifPresent(problem -> report.add(DiagnosticCode.IRQ077,
                imsic.prop(ImsicProp.SBase.class).map(p -> p.value().pos())
                        .or(() -> imsic.prop(ImsicProp.MBase.class).map(p -> p.value().pos())).orElse(imsic.at()),
                "the interrupt files of " + harts.get() + " harts are out of place: " + problem));
    }

    private static boolean inRange(Num value, String what, long min, long max, Report report) {
        if (value.in(min, max)) {
            return true;
        }
        NumberRangeRule.range(value, what, min, max, report);
        return false;
    }
}
