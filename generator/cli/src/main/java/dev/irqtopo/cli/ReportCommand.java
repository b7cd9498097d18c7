package dev.irqtopo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irqtopo.cli.report.ReportJson;
import dev.irqtopo.model.PlatformModel;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A command that runs each selected platform and reports on it, as aligned text or, with {@code --json},
 * as the stable JSON of semantics §8.
 *
 * @param <R> one platform's report
 */
abstract class ReportCommand<R> extends PlatformCommand {

    boolean json;

    @Override
    void declareOptions(CommandSpec spec) {
        spec.addOption(Declaration.option(boolean.class, () -> json, value -> json = value, "--json")
                .description("print the stable JSON report instead of text").build());
    }

    abstract R report(PlatformModel platform);

    abstract JsonNode json(List<R> reports);

    abstract String text(List<R> reports);

    /** The exit code once the reports are printed. */
    abstract int exitCode(List<R> reports);

    @Override
    final int run(List<PlatformModel> platforms, PrintWriter out) {
        List<R> reports = platforms.stream().map(this::report).toList();
        out.print(json ? ReportJson.write(json(reports)) : text(reports));
        return exitCode(reports);
    }
}
