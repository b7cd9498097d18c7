package dev.irqtopo.cli;

import dev.irqtopo.model.KernelProfile;
import dev.irqtopo.model.PlatformModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code FILE [--platform NAME] [--kernel PROFILE]} arguments that simulate, verify, explain and dot
 * share: reads and checks the file, prints its diagnostics, and hands over the checked platforms (every
 * kernel running the given profile, when one is), or says why not.
 */
final class PlatformSelection {

    @Parameters(index = "0", paramLabel = "FILE", description = "the .irqtopo file")
    Path file;

    @Option(names = "--platform", paramLabel = "NAME", description = "only this platform of the file")
    String platform;

    @Option(names = "--kernel", paramLabel = "PROFILE",
            description = "run every kernel (host and guests) as this profile instead of the file's: design, linux-6.1,"
                    + " linux-6.6, linux-6.12, linux-6.19")
    String kernel;

    /**
     * The outcome: the selected platforms, or the exit code to return instead.
     *
     * @param declared every platform of the file, selected or not
     */
    record Loaded(List<PlatformModel> platforms, List<PlatformModel> declared, int exitCode) {
        Loaded(List<PlatformModel> platforms, int exitCode) {
            this(platforms, platforms, exitCode);
        }

        boolean ok() {
            return exitCode == IrqtopoCommand.OK;
        }
    }

    /** The file's name as diagnostics give it. */
    String fileName() {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    /** Whether {@code --platform} chose one platform. */
    boolean chosen() {
        return platform != null;
    }

    Loaded load(PrintWriter err) {
        Optional<KernelProfile> override = Optional.empty();
        if (kernel != null) {
            override = KernelProfile.ofWord(kernel);
            if (override.isEmpty()) {
                err.println("irqtopo: no kernel profile " + kernel + " (known: " + String.join(", ",
                        Arrays.stream(KernelProfile.values()).map(KernelProfile::word).toList()) + ")");
                return new Loaded(List.of(), IrqtopoCommand.USAGE);
            }
        }
        Loaded loaded = loadFile(err);
        if (!loaded.ok() || override.isEmpty()) {
            return loaded;
        }
        KernelProfile profile = override.get();
        return new Loaded(loaded.platforms().stream().map(p -> p.withKernel(profile)).toList(),
                loaded.declared().stream().map(p -> p.withKernel(profile)).toList(), loaded.exitCode());
    }

    private Loaded loadFile(PrintWriter err) {
        CheckedFile checked = CheckedFile.load(file, err);
        if (!checked.ok() || platform == null) {
            return new Loaded(checked.platforms(), checked.exitCode());
        }
        Optional<PlatformModel> chosen = checked.platform(platform);
        if (chosen.isEmpty()) {
            err.println("irqtopo: " + checked.noPlatform(platform));
            return new Loaded(List.of(), IrqtopoCommand.USAGE);
        }
        return new Loaded(List.of(chosen.get()), checked.platforms(), IrqtopoCommand.OK);
    }
}
