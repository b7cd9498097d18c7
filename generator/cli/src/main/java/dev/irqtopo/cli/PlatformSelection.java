package dev.irqtopo.cli;

import dev.irqtopo.model.Arm64PlatformModel;
import dev.irqtopo.model.KernelProfile;
import dev.irqtopo.model.PlatformDesign;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.RiscvPlatformModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code FILE [--platform NAME] [--kernel PROFILE]} arguments that simulate, verify, explain and dot
 * share: reads and checks the file, prints its diagnostics, and hands over the checked platforms (every
 * kernel running the given profile, when one is), or says why not.
 */
final class PlatformSelection {

    Path file;

    String platform;

    String kernel;

    /** Declares the three arguments on the command that reads them. */
    void declare(CommandSpec spec) {
        spec.addPositional(Declaration.positional(Path.class, () -> file, value -> file = value)
                .index("0").required(true).paramLabel("FILE").description("the .irqtopo file").build());
        spec.addOption(Declaration.option(String.class, () -> platform, value -> platform = value, "--platform")
                .paramLabel("NAME").description("only this platform of the file").build());
        spec.addOption(Declaration.option(String.class, () -> kernel, value -> kernel = value, "--kernel")
                .paramLabel("PROFILE")
                .description("run every kernel (host and guests) as this profile instead of the file's: design,"
                        + " linux-6.1, linux-6.6, linux-6.12, linux-6.19")
                .build());
    }

    /**
     * The outcome: the selected platforms, or the exit code to return instead.
     *
     * @param designs  the selected platforms, x86 and arm64, in source order
     * @param declared every platform of the file, selected or not
     */
    record Loaded(List<PlatformDesign> designs, List<PlatformDesign> declared, int exitCode) {
        Loaded(List<PlatformDesign> designs, int exitCode) {
            this(designs, designs, exitCode);
        }

        boolean ok() {
            return exitCode == IrqtopoCommand.OK;
        }

        /** The selected arm64 platforms. */
        List<Arm64PlatformModel> arm64() {
            return designs.stream().filter(Arm64PlatformModel.class::isInstance).map(Arm64PlatformModel.class::cast).toList();
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
        if (!loaded.arm64().isEmpty()) {
            // the ITS driver's rules were read for one line; an arm64 platform runs as Linux 6.12
            err.println("irqtopo: --kernel applies to x86 platforms; arm64 platform " + loaded.arm64().get(0).name()
                    + " runs as linux-6.12");
            return new Loaded(List.of(), IrqtopoCommand.USAGE);
        }
        Optional<RiscvPlatformModel> riscv = loaded.designs().stream().filter(RiscvPlatformModel.class::isInstance)
                .map(RiscvPlatformModel.class::cast).findFirst();
        if (riscv.isPresent()) {
            // the IMSIC driver's rules were read in 6.12 alone
            err.println("irqtopo: --kernel applies to x86 platforms; riscv64 platform " + riscv.get().name()
                    + " runs as linux-6.12");
            return new Loaded(List.of(), IrqtopoCommand.USAGE);
        }
        return new Loaded(loaded.designs().stream().map(p -> withKernel(p, profile)).toList(),
                loaded.declared().stream().map(p -> withKernel(p, profile)).toList(), loaded.exitCode());
    }

    private Loaded loadFile(PrintWriter err) {
        CheckedFile checked = CheckedFile.load(file, err);
        if (!checked.ok() || platform == null) {
            return new Loaded(checked.designs(), checked.exitCode());
        }
        Optional<PlatformDesign> chosen = checked.platform(platform);
        if (chosen.isEmpty()) {
            err.println("irqtopo: " + checked.noPlatform(platform));
            return new Loaded(List.of(), IrqtopoCommand.USAGE);
        }
        return new Loaded(List.of(chosen.get()), checked.designs(), IrqtopoCommand.OK);
    }

    private static PlatformDesign withKernel(PlatformDesign design, KernelProfile profile) {
        return design instanceof PlatformModel x86 ? x86.withKernel(profile) : design;
    }
}
