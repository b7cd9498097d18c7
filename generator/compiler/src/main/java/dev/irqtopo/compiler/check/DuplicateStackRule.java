package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.GuestDecl;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.ast.StackDecl;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** IRQ044: a kernel builds one stack per device and storage. */
final class DuplicateStackRule extends PlatformRule {

    @Override
    void check(PlatformIndex index, Report report) {
        Map<List<Object>, StackDecl> seen = new HashMap<>();
        for (KernelStack ks : KernelStack.all(index.platform())) {
            if (ks.device(index).isEmpty()) {
                continue;
            }
            StackDecl stack = ks.stack();
            // the kernel by where it is declared: hashing the guest itself would walk its every stack
            List<Object> key = List.of(ks.guest().map(GuestDecl::at).orElse(index.platform().at()),
                    stack.device().text(), stack.busDomain().value());
            StackDecl earlier = seen.putIfAbsent(key, stack);
            if (earlier != null) {
                report.add(DiagnosticCode.IRQ044, stack.device().pos(), ks.kernel() + " already has a stack for "
                        + stack.device().text() + "." + stack.busDomain().value().keyword() + " (at " + earlier.at() + ")");
            }
        }
    }
}
