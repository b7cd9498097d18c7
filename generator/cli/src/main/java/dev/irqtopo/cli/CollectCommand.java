package dev.irqtopo.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code irqtopo collect [-o FILE.tar.gz]}: runs the irqtopo-collect shell script shipped in the jar (the
 * same file as {@code generator/cli/src/main/sh/irqtopo-collect}). A machine without Java runs the script
 * itself: {@code --print-script} writes it out to copy there.
 */
final class CollectCommand implements Callable<Integer> {

    static final String SCRIPT = "irqtopo-collect";

    Path output;

    boolean printScript;

    private CommandSpec spec;

    /** The command's declaration, which picocli runs. */
    CommandSpec spec() {
        spec = Declaration.command(this, "collect",
                new String[] {"Gather this machine's DMAR/IVRS tables, lspci output, IOMMU groups and CPU list into an"
                        + " archive for irqtopo import (run as root). --print-script prints the POSIX shell script that"
                        + " does it, for machines without Java."},
                "0:archive written (what could not be read is printed)",
                "2:usage error, nothing written");
        spec.addOption(Declaration.option(Path.class, () -> output, value -> output = value, "-o", "--output")
                .paramLabel("FILE.tar.gz").description("the archive (default: irqtopo-collect.tar.gz)").build());
        spec.addOption(Declaration.option(boolean.class, () -> printScript, value -> printScript = value, "--print-script")
                .description("print the script instead of running it").build());
        return spec;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        String script = script();
        if (printScript) {
            spec.commandLine().getOut().print(script);
            spec.commandLine().getOut().flush();
            return IrqtopoCommand.OK;
        }
        Path file = Files.createTempFile("irqtopo-collect", ".sh");
        try {
            Files.writeString(file, script, StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>(List.of("/bin/sh", file.toString()));
            if (output != null) {
                command.add("-o");
                command.add(output.toString());
            }
            Process process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
            Thread errors = copy(process.getErrorStream(), spec.commandLine().getErr());
            copy(process.getInputStream(), spec.commandLine().getOut()).join();
            errors.join();
            return process.waitFor();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static String script() throws IOException {
        try (InputStream in = CollectCommand.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IOException("the collect script is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Thread copy(InputStream in, PrintWriter to) {
        Thread thread = new Thread(() -> {
            try {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                synchronized (to) {
                    to.print(text);
                    to.flush();
                }
            } catch (IOException e) {
                // the script's output is lost, its exit code still tells
            }
        });
        thread.start();
        return thread;
    }
}
