package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.IrqtopoFile;
import dev.irqtopo.compiler.ast.Name;
import dev.irqtopo.compiler.ast.Platform;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import java.util.ArrayList;
import java.util.List;

/** IRQ002: a keyword of the language where a name belongs (package parts excepted). */
final class KeywordAsNameRule implements Rule {

    @Override
    public void check(IrqtopoFile file, Report report) {
        for (Platform platform : file.platforms()) {
            List<Name> names = new ArrayList<>();
            names.add(platform.name());
            names.addAll(Names.declared(platform));
            names.addAll(Names.referenced(platform));
            for (Name name : names) {
                if (name.keyword()) {
                    report.add(DiagnosticCode.IRQ002, name.pos(),
                            "'" + name.text() + "' is a keyword and cannot be used as a name");
                }
            }
        }
    }
}
