package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.Num;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.ast.StorageDecl;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.StorageKind;
import java.util.Optional;

/**
 * IRQ042: {@code alloc} within the storage's capacity; for {@code msi} also a power of two, as a
 * multi-message MSI block is. Judged only where both numbers are in range (else IRQ020 speaks).
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
            String where = "device " + ks.stack().device().text() + "'s " + s.kind().keyword() + " "
                    + s.size().text();
            if (n.value().compareTo(s.size().value()) > 0) {
                report.add(DiagnosticCode.IRQ042, n.pos(), "alloc " + n.text() + " exceeds the capacity of " + where);
            } else if (s.kind() == StorageKind.MSI && !n.isPowerOfTwo()) {
                report.add(DiagnosticCode.IRQ042, n.pos(),
                        "alloc " + n.text() + " on msi must be a power of two: MSI allocates aligned blocks");
            }
        }
    }
}
