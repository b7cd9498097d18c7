package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.IrqtopoFile;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.compiler.naming.ReservedPackages;

/**
 * IRQ014: a package line naming a package that others own (see {@link ReservedPackages}): the Java
 * platform's, where the generated classes could not be compiled or loaded, or the runtime library's,
 * where they would stand in for its classes. Reported at the package's first part.
 */
final class ReservedPackageRule implements Rule {

    @Override
    public void check(IrqtopoFile file, Report report) {
        file.packageDecl().ifPresent(p -> ReservedPackages.reason(p.qualifiedName()).ifPresent(reason ->
                report.add(DiagnosticCode.IRQ014, p.parts().get(0).pos(), reason + ": generated code cannot go there")));
    }
}
