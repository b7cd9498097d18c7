package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.Num;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.ast.StorageDecl;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import java.util.Optional;

/**
 * IRQ042: {@code alloc} within the storage's capacity. An {@code msi} request need not be a power of
 * two (version 2): the device's Multiple Message Enable takes the next one, and only the requested
 * messages are filled. Judged only where both numbers are in range (else IRQ020 speaks).
 */
final class AllocCapacityRule extends PlatformRule {

    @Override
    void check(PlatformIndex index, Report report) {
        for (KernelStack ks : KernelStack.all(index.platform())) {
            Optional<Num> alloc = ks.stack().alloc().filter(a -> a.in(1, NumberRangeRule.MAX_ALLOC));
            Optional<StorageDecl> storage = ks.storage(index).filter(s -> s.size().in(1, 65536));
            if (alloc.isEmpty() || storage.isEmpty()) {
                continue;
            }
            Num n = alloc.get();
            StorageDecl s = storage.get();
            if (n.value().compareTo(s.size().value()) > 0) {
                report.add(DiagnosticCode.IRQ042, n.pos(), "alloc " + n.text() + " exceeds the capacity of device "
                        + ks.stack().device().text() + "'s " + s.kind().keyword() + " " + s.size().text());
            }
        }
    }
}
