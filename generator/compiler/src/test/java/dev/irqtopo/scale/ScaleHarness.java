package dev.irqtopo.scale;

import dev.irqtopo.compiler.CompileRequest;
import dev.irqtopo.compiler.CompileResult;
import dev.irqtopo.compiler.Compiler;
import dev.irqtopo.compiler.SourceFile;
import dev.irqtopo.compiler.output.GeneratedFile;
import dev.irqtopo.model.PlatformDesign;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Times each stage of the tool on {@link ScalePlatform}s (or, with {@code -Dscale.architecture=arm64}
 * or {@code riscv64}, {@link Arm64ScalePlatform}s or {@link RiscvScalePlatform}s) of several sizes and prints a table with the
 * growth of each stage against linear. Every run is checked as it goes (no diagnostic, javac silent,
 * every interrupt delivered to the kernel that allocated it, the platform isolated), so a faster but
 * wrong stage cannot pass for a fast one.
 *
 * <p>Run it with {@code ./mvnw -B -pl generator/compiler -am -DskipTests -Pscale verify}; the
 * properties {@code scale.architecture} ({@code x86}, the default, {@code arm64} or {@code riscv64}),
 * {@code scale.sizes} (default {@code 1000,10000}), {@code scale.warmups} (3) and
 * {@code scale.repetitions} (7) change what it does. Sizes run interleaved, warm-ups first, and each
 * figure is the median of the repetitions, on two clocks: elapsed time, and the CPU time of the
 * thread running the stage, which other load on a shared machine does not inflate (garbage
 * collection runs on other threads: each stage starts after a full collection, and its own
 * collections count in elapsed time only).
 */
public final class ScaleHarness {

    private ScaleHarness() {
    }

    /** The platforms a run measures, by {@code scale.architecture}. */
    enum Architecture {
        X86(ScalePlatform::new),
        ARM64(Arm64ScalePlatform::new),
        RISCV64(RiscvScalePlatform::new);

        private final IntFunction<ScaleDesign<?, ?>> design;

        Architecture(IntFunction<ScaleDesign<?, ?>> design) {
            this.design = design;
        }

        ScaleDesign<?, ?> design(int devices) {
            return design.apply(devices);
        }
    }

    /** What a figure counts: elapsed time, or the CPU time of the thread that ran the stage. */
    enum Clock { WALL, CPU }

    /**
     * The measured times of every stage at every size, in nanoseconds: per clock, stage and size, one
     * entry per repetition.
     */
    record Measurements(List<Integer> sizes, Map<Clock, Map<ScaleStage, long[][]>> nanos) {

        long median(Clock clock, ScaleStage stage, int sizeIndex) {
            long[] runs = nanos.get(clock).get(stage)[sizeIndex].clone();
            Arrays.sort(runs);
            return runs.length % 2 == 1 ? runs[runs.length / 2] : (runs[runs.length / 2 - 1] + runs[runs.length / 2]) / 2;
        }

        /** Time at the largest size over the smallest size's time scaled linearly: 1.0 is exactly linear. */
        double ratioToLinear(Clock clock, ScaleStage stage) {
            int last = sizes.size() - 1;
            double linear = (double) sizes.get(last) / sizes.get(0) * median(clock, stage, 0);
            return median(clock, stage, last) / linear;
        }
    }

    public static void main(String[] args) {
        List<Integer> sizes = Arrays.stream(System.getProperty("scale.sizes", "1000,10000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        int warmups = Integer.getInteger("scale.warmups", 3);
        int repetitions = Integer.getInteger("scale.repetitions", 7);
        Architecture architecture = Architecture.valueOf(
                System.getProperty("scale.architecture", "x86").toUpperCase(Locale.ROOT));
        PrintStream out = System.out;
        out.printf("irqtopo scale: %s, sizes %s devices, %d warm-up and %d measured rounds, java %s, %d MB heap%n",
                architecture.name().toLowerCase(Locale.ROOT), sizes, warmups, repetitions,
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        Measurements measured = measure(architecture, sizes, warmups, repetitions, out);
        out.print(table(measured));
        out.flush();
    }

    /** Runs every stage at every size, warm-ups first, reporting each round on {@code progress}. */
    static Measurements measure(Architecture architecture, List<Integer> sizes, int warmups, int repetitions,
                                PrintStream progress) {
        if (sizes.isEmpty() || repetitions < 1 || warmups < 0) {
            throw new IllegalArgumentException("sizes " + sizes + ", warm-ups " + warmups + ", repetitions " + repetitions);
        }
        List<ScaleDesign<?, ?>> platforms = sizes.stream().map(architecture::design).toList();
        List<String> texts = platforms.stream().map(ScaleDesign::text).toList();
        Map<Clock, Map<ScaleStage, long[][]>> nanos = new EnumMap<>(Clock.class);
        for (Clock clock : Clock.values()) {
            Map<ScaleStage, long[][]> byStage = new EnumMap<>(ScaleStage.class);
            for (ScaleStage stage : ScaleStage.values()) {
                byStage.put(stage, new long[sizes.size()][repetitions]);
            }
            nanos.put(clock, byStage);
        }
        for (int round = -warmups; round < repetitions; round++) {
            for (int s = 0; s < sizes.size(); s++) {
                Map<Clock, long[]> times = runOnce(platforms.get(s), texts.get(s));
                if (round >= 0) {
                    for (Clock clock : Clock.values()) {
                        for (ScaleStage stage : ScaleStage.values()) {
                            nanos.get(clock).get(stage)[s][round] = times.get(clock)[stage.ordinal()];
                        }
                    }
                }
                progress.printf("  %-8s %6d devices: %s%n", round < 0 ? "warm-up" : "round " + (round + 1), sizes.get(s),
                        describe(times));
            }
        }
        return new Measurements(sizes, nanos);
    }

    /** One pass through every stage; the time of each on each clock, by stage ordinal. */
    static <S, V> Map<Clock, long[]> runOnce(ScaleDesign<S, V> platform, String text) {
        Stopwatch watch = new Stopwatch();
        CompileResult generated = watch.time(ScaleStage.GENERATE,
                () -> Compiler.compile(CompileRequest.generate(new SourceFile(platform.fileName(), text))));
        List<GeneratedFile> files = checkGenerated(platform, generated);
        PlatformDesign model = generated.sources().get(0).designs().get(0);

        int classes = watch.time(ScaleStage.JAVAC, () -> InProcessJavac.compile(files));
        if (classes < 2) {
            throw new IllegalStateException("javac wrote " + classes + " class files");
        }

        S simulation = watch.time(ScaleStage.SIMULATE, () -> platform.simulate(model));
        platform.checkSimulation(simulation);

        V isolation = watch.time(ScaleStage.VERIFY, () -> platform.verify(model));
        platform.checkVerification(isolation);
        return watch.times();
    }

    /** Times stages on both clocks, each after the garbage of the one before has been collected. */
    private static final class Stopwatch {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final Map<Clock, long[]> times = new EnumMap<>(Clock.class);

        Stopwatch() {
            for (Clock clock : Clock.values()) {
                times.put(clock, new long[ScaleStage.values().length]);
            }
        }

        <T> T time(ScaleStage stage, Supplier<T> work) {
            System.gc();
            System.gc();
            long wall = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            T result = work.get();
            times.get(Clock.CPU)[stage.ordinal()] = threads.getCurrentThreadCpuTime() - cpu;
            times.get(Clock.WALL)[stage.ordinal()] = System.nanoTime() - wall;
            return result;
        }

        Map<Clock, long[]> times() {
            return times;
        }
    }

    private static List<GeneratedFile> checkGenerated(ScaleDesign<?, ?> platform, CompileResult generated) {
        if (!generated.diagnostics().isEmpty()) {
            throw new IllegalStateException(platform.fileName() + ": " + generated.diagnostics().get(0).headline());
        }
        List<GeneratedFile> files = generated.files();
        String expected = "dev/example/scale/" + platform.className() + ".java";
        if (files.size() != 1 || !files.get(0).relativePath().equals(expected)) {
            throw new IllegalStateException("expected " + expected + ", generated " + files);
        }
        return files;
    }

    /** The table: per stage and clock the median at each size, and the growth against linear. */
    static String table(Measurements m) {
        int last = m.sizes().size() - 1;
        StringBuilder out = new StringBuilder(String.format("%n%-22s%-6s", "stage (median ms)", "clock"));
        for (int size : m.sizes()) {
            out.append(String.format("%15s", size + " devices"));
        }
        if (last > 0) {
            out.append(String.format("%12s", "vs linear"));
        }
        out.append('\n');
        for (ScaleStage stage : ScaleStage.values()) {
            for (Clock clock : Clock.values()) {
                out.append(String.format("%-22s%-6s", clock == Clock.WALL ? stage.label() : "",
                        clock.name().toLowerCase(Locale.ROOT)));
                for (int s = 0; s < m.sizes().size(); s++) {
                    out.append(String.format("%15.1f", m.median(clock, stage, s) / 1e6));
                }
                if (last > 0) {
                    out.append(String.format("%12.2f", m.ratioToLinear(clock, stage)));
                }
                out.append('\n');
            }
        }
        if (last > 0) {
            out.append(String.format("vs linear: time(%d) / (%d/%d x time(%d)); 1.00 is linear, the target is at most"
                            + " 1.20%ncpu: CPU time of the thread running the stage, which other load on the machine does not"
                            + " inflate%n", m.sizes().get(last), m.sizes().get(last), m.sizes().get(0), m.sizes().get(0)));
        }
        return out.toString();
    }

    private static String describe(Map<Clock, long[]> times) {
        StringBuilder out = new StringBuilder();
        for (ScaleStage stage : ScaleStage.values()) {
            out.append(out.length() == 0 ? "" : ", ").append(stage.label()).append(' ')
                    .append(times.get(Clock.WALL)[stage.ordinal()] / 1_000_000).append(" ms (cpu ")
                    .append(times.get(Clock.CPU)[stage.ordinal()] / 1_000_000).append(')');
        }
        return out.toString();
    }
}
