package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.IrqtopoFile;
import dev.irqtopo.compiler.ast.Name;
import dev.irqtopo.compiler.ast.Platform;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.compiler.naming.Naming;
import java.util.ArrayList;
import java.util.List;

/**
 * IRQ013: a package part that is a Java keyword or literal, or a declared name that generated code
 * could not use (see {@link Naming#isRefusedName}).
 */
final class JavaKeywordRule implements Rule {

    @Override
    public void check(IrqtopoFile file, Report report) {
        file.packageDecl().ifPresent(p -> p.parts().stream()
                .filter(part -> Naming.isJavaReserved(part.text()))
                .forEach(part -> report.add(DiagnosticCode.IRQ013, part.pos(),
                        "'" + part.text() + "' is a Java keyword and cannot be part of a package name")));
        for (Platform platform : file.platforms()) {
            List<Name> names = new ArrayList<>();
            names.add(platform.name());
            names.addAll(Names.declared(platform));
            for (Name name : names) {
                if (!name.keyword() && Naming.isRefusedName(name.text())) {
                    report.add(DiagnosticCode.IRQ013, name.pos(), message(name.text()));
                }
            }
        }
    }

    private static String message(String name) {
        if (Naming.isJavaReserved(name)) {
            return "'" + name + "' is a Java keyword or literal and cannot be used as a name";
        }
        String accessor = Naming.accessorName(name);
        if (Naming.isJavaReserved(accessor)) {
            return "'" + name + "' would become the Java identifier '" + accessor + "', a Java keyword";
        }
        return "'" + name + "' is restricted in Java and cannot be used as a name";
    }
}
