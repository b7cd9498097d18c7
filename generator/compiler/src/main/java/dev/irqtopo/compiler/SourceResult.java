package dev.irqtopo.compiler;

import dev.irqtopo.compiler.ast.IrqtopoFile;
import dev.irqtopo.compiler.diag.Diagnostic;
import dev.irqtopo.model.Arm64PlatformModel;
import dev.irqtopo.model.PlatformDesign;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.RiscvPlatformModel;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What compiling one source file gave: its syntax tree, every diagnostic sorted by line, column and
 * code, and, when there is no error, its platforms resolved into models with every default applied.
 *
 * @param ast       the parsed file; empty after a syntax error. Later stages read this one, so a file is
 *                  parsed once per run.
 * @param designs   every platform, x86 or arm64, in source order; empty when there are errors
 */
public record SourceResult(SourceFile source, Optional<IrqtopoFile> ast, List<Diagnostic> diagnostics,
                           List<PlatformDesign> designs) {

    public SourceResult {
        Objects.requireNonNull(source);
        Objects.requireNonNull(ast);
        diagnostics = diagnostics.stream().sorted(Diagnostic.ORDER).toList();
        designs = List.copyOf(designs);
        if (!designs.isEmpty() && diagnostics.stream().anyMatch(Diagnostic::isError)) {
            throw new IllegalArgumentException("a file with errors has no platform models");
        }
    }

    /** The x86 platforms, in source order. */
    public List<PlatformModel> platforms() {
        return designs.stream().filter(PlatformModel.class::isInstance).map(PlatformModel.class::cast).toList();
    }

    /** The arm64 platforms, in source order. */
    public List<Arm64PlatformModel> arm64Platforms() {
        return designs.stream().filter(Arm64PlatformModel.class::isInstance).map(Arm64PlatformModel.class::cast)
                .toList();
    }

    /** The riscv64 platforms, in source order. */
    public List<RiscvPlatformModel> riscvPlatforms() {
        return designs.stream().filter(RiscvPlatformModel.class::isInstance).map(RiscvPlatformModel.class::cast)
                .toList();
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
