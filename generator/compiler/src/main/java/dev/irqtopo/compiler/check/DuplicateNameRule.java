package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.IrqtopoFile;
import dev.irqtopo.compiler.ast.Name;
import dev.irqtopo.compiler.ast.Platform;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * IRQ010: a name declared twice in a platform (IOMMUs, buses, devices and guests share one namespace),
 * or a platform name used twice in the file's package.
 */
final class DuplicateNameRule implements Rule {

    @Override
    public void check(IrqtopoFile file, Report report) {
        report(file.platforms().stream().map(Platform::name).toList(), "platform", report);
        for (Platform platform : file.platforms()) {
            report(Names.declared(platform), "name", report);
        }
    }

    private static void report(List<Name> names, String what, Report report) {
        Map<String, Name> first = new HashMap<>();
        for (Name name : names) {
            if (name.keyword()) {
                continue;
            }
            Name earlier = first.putIfAbsent(name.text(), name);
            if (earlier != null) {
                report.add(DiagnosticCode.IRQ010, name.pos(),
                        "duplicate " + what + " '" + name.text() + "' (first declared at " + earlier.pos() + ")");
            }
        }
    }
}
