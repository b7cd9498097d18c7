package dev.irqtopo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irqtopo.cli.report.ReportJson;
import dev.irqtopo.model.PlatformModel;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A command that runs each selected platform and reports on it, as aligned text or, with {@code --json},
 * as the stable JSON of semantics §8.
 *
 * @param <R> one platform's report
 */
abstract class ReportCommand<R> implements Callable<Integer> {

    @Mixin
    PlatformSelection selection;

    @Option(names = "--json", description = "print the stable JSON report instead of text")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    abstract R report(PlatformModel platform);

    abstract JsonNode json(List<R> reports);

    abstract String text(List<R> reports);

    /** The exit code once the reports are printed. */
    abstract int exitCode(List<R> reports);

    @Override
    public final Integer call() {
        PlatformSelection.Loaded loaded = selection.load(spec.commandLine().getErr());
        if (!loaded.ok()) {
            return loaded.exitCode();
        }
        List<R> reports = loaded.platforms().stream().map(this::report).toList();
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? ReportJson.write(json(reports)) : text(reports));
        out.flush();
        return exitCode(reports);
    }
}
