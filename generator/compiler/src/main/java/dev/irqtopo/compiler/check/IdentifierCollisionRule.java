package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.IrqtopoFile;
import dev.irqtopo.compiler.ast.Name;
import dev.irqtopo.compiler.ast.Platform;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.compiler.naming.Naming;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * IRQ012: two different names whose Java identifiers collide (equal, or equal ignoring case) within
 * one scope of {@link Naming}: the platforms' classes in the package, and the devices' and guests'
 * accessors in a platform. Identical names are IRQ010's alone.
 */
final class IdentifierCollisionRule implements Rule {

    @Override
    public void check(IrqtopoFile file, Report report) {
        report(file.platforms().stream().map(Platform::name).toList(), Naming::className, "class", report);
        for (Platform platform : file.platforms()) {
            report(Names.accessors(platform), Naming::accessorName, "accessor", report);
        }
    }

    private static void report(List<Name> names, UnaryOperator<String> identifier, String what, Report report) {
        Map<String, Name> byKey = new HashMap<>();
        Set<String> texts = new HashSet<>();
        for (Name name : names) {
            if (name.keyword() || !texts.add(name.text())) {
                continue;
            }
            String mine = identifier.apply(name.text());
            Name earlier = byKey.putIfAbsent(Naming.collisionKey(mine), name);
            if (earlier != null) {
                String theirs = identifier.apply(earlier.text());
                String how = mine.equals(theirs)
                        ? "both become the Java " + what + " " + mine
                        : "become the Java " + what + "s " + theirs + " and " + mine + ", which differ only in case";
                report.add(DiagnosticCode.IRQ012, name.pos(), "'" + name.text() + "' and '" + earlier.text()
                        + "' (at " + earlier.pos() + ") " + how);
            }
        }
    }
}
