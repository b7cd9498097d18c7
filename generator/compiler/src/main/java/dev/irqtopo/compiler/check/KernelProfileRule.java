package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.Defaults;
import dev.irqtopo.compiler.ast.GuestDecl;
import dev.irqtopo.compiler.ast.KernelDecl;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.KernelProfile;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * IRQ060: a {@code kernel} line naming a profile irqtopo does not know, at its family (or its version
 * when the family is known); IRQ061: a {@code kernel} line outside a host or guest block, at its
 * keyword; IRQ024: a second {@code kernel} line in one host or guest.
 */
final class KernelProfileRule extends PlatformRule {

    /** {@code design, linux 6.1, …}: every profile, for the message. */
    static final String KNOWN = Arrays.stream(KernelProfile.values()).map(KernelProfile::words)
            .collect(Collectors.joining(", "));

    @Override
    void check(PlatformIndex index, Report report) {
        var platform = index.platform();
        for (KernelDecl kernel : platform.misplacedKernels()) {
            report.add(DiagnosticCode.IRQ061, kernel.at(), "'kernel' says which kernel runs in a host or guest:"
                    + " it belongs in a host or guest block, not in " + kernel.misplaced().map(this::block).orElse("")
                    + "; it is ignored here");
        }
        kernels(platform.hostKernels(), "the host", report);
        for (GuestDecl guest : platform.guests()) {
            kernels(guest.kernels(), "guest " + guest.name().text(), report);
        }
    }

    private String block(String block) {
        return block.equals("platform") ? "the platform block itself" : "the " + block + " block";
    }

    private static void kernels(List<KernelDecl> kernels, String who, Report report) {
        for (int i = 0; i < kernels.size(); i++) {
            KernelDecl kernel = kernels.get(i);
            if (i > 0) {
                report.add(DiagnosticCode.IRQ024, kernel.at(), who + " runs one kernel (first 'kernel' at "
                        + kernels.get(0).at() + ")");
            }
            if (Defaults.profile(kernel).isEmpty()) {
                var at = KernelProfile.isFamily(kernel.family().text()) && kernel.version().isPresent() ? kernel.version().get().pos() : kernel.family().pos();
                report.add(DiagnosticCode.IRQ060, at, "no kernel profile '" + kernel.words() + "': irqtopo knows "
                        + KNOWN);
            }
        }
    }
}
