package dev.irqtopo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.irqtopo.cli.report.ReportJson;
import dev.irqtopo.model.Arm64PlatformModel;
import dev.irqtopo.model.PlatformDesign;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.RiscvPlatformModel;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A command that runs each selected platform, x86, arm64 or riscv64, and reports on it in source order,
 * as aligned text or, with {@code --json}, as the stable JSON of semantics §8 (one array element per
 * platform, an arm64 or riscv64 platform's in the shape the README documents for it).
 *
 * @param <R> one x86 platform's report
 * @param <A> one arm64 platform's report
 * @param <V> one riscv64 platform's report
 */
abstract class DesignReportCommand<R, A, V> extends PlatformCommand {

    boolean json;

    @Override
    void declareOptions(CommandSpec spec) {
        spec.addOption(Declaration.option(boolean.class, () -> json, value -> json = value, "--json")
                .description("print the stable JSON report instead of text").build());
    }

    abstract R report(PlatformModel platform);

    abstract A arm64Report(Arm64PlatformModel platform);

    abstract V riscv64Report(RiscvPlatformModel platform);

    abstract JsonNode json(List<R> reports);

    abstract JsonNode arm64Json(List<A> reports);

    abstract JsonNode riscv64Json(List<V> reports);

    abstract String text(List<R> reports);

    abstract String arm64Text(List<A> reports);

    abstract String riscv64Text(List<V> reports);

    /** Whether the report shows what its platform expects; every platform must for exit 0. */
    abstract boolean asExpected(R report);

    abstract boolean arm64AsExpected(A report);

    abstract boolean riscv64AsExpected(V report);

    /** The exit code when some report does not show what its platform expects. */
    abstract int unexpected();

    /** The exit code once the x86 reports are printed. */
    final int exitCode(List<R> reports) {
        return reports.stream().allMatch(this::asExpected) ? IrqtopoCommand.OK : unexpected();
    }

    @Override
    final int run(List<PlatformModel> platforms, PrintWriter out) {
        return runDesigns(List.copyOf(platforms), out);
    }

    @Override
    final int runDesigns(List<PlatformDesign> designs, PrintWriter out) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        StringBuilder text = new StringBuilder();
        List<Boolean> expected = new ArrayList<>();
        for (PlatformDesign design : designs) {
            if (design instanceof PlatformModel x86) {
                R report = report(x86);
                expected.add(asExpected(report));
                if (json) {
                    json(List.of(report)).forEach(array::add);
                } else {
                    text.append(text(List.of(report)));
                }
            } else if (design instanceof RiscvPlatformModel riscv) {
                V report = riscv64Report(riscv);
                expected.add(riscv64AsExpected(report));
                if (json) {
                    riscv64Json(List.of(report)).forEach(array::add);
                } else {
                    text.append(riscv64Text(List.of(report)));
                }
            } else {
                A report = arm64Report((Arm64PlatformModel) design);
                expected.add(arm64AsExpected(report));
                if (json) {
                    arm64Json(List.of(report)).forEach(array::add);
                } else {
                    text.append(arm64Text(List.of(report)));
                }
            }
        }
        out.print(json ? ReportJson.write(array) : text.toString());
        return expected.stream().allMatch(b -> b) ? IrqtopoCommand.OK : unexpected();
    }
}
