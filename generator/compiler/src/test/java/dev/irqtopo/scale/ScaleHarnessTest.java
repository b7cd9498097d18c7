package dev.irqtopo.scale;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.compiler.CompileRequest;
import dev.irqtopo.compiler.Compiler;
import dev.irqtopo.compiler.SourceFile;
import dev.irqtopo.compiler.SourceResult;
import dev.irqtopo.model.Arm64PlatformModel;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.RiscvPlatformModel;
import dev.irqtopo.model.StackModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scale harness works, on a platform small enough for every build: the figures come from the scale profile. */
class ScaleHarnessTest {

    @Test
    void fiftyDevicesGoThroughEveryStageAndIntoTheTable() {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        ScaleHarness.Measurements measured = ScaleHarness.measure(ScaleHarness.Architecture.X86, List.of(50), 0, 1,
                new PrintStream(progress, true, StandardCharsets.UTF_8));
        for (ScaleHarness.Clock clock : ScaleHarness.Clock.values()) {
            for (ScaleStage stage : ScaleStage.values()) {
                assertThat(measured.median(clock, stage, 0)).isGreaterThan(0L);
            }
        }
        assertThat(progress.toString(StandardCharsets.UTF_8)).startsWith("  round 1      50 devices: parse+check+generate ");
        String table = ScaleHarness.table(measured);
        for (ScaleStage stage : ScaleStage.values()) {
            assertThat(table).contains("\n" + stage.label() + " ");
        }
        assertThat(table).doesNotContain("vs linear");
    }

    @Test
    void theRatioComparesTheLargestSizeWithLinearGrowthFromTheSmallest() {
        Map<ScaleHarness.Clock, Map<ScaleStage, long[][]>> nanos = new EnumMap<>(ScaleHarness.Clock.class);
        for (ScaleHarness.Clock clock : ScaleHarness.Clock.values()) {
            Map<ScaleStage, long[][]> byStage = new EnumMap<>(ScaleStage.class);
            for (ScaleStage stage : ScaleStage.values()) {
                // medians 20 ms and 240 ms: twelve times the time for ten times the devices
                byStage.put(stage, new long[][] {{30_000_000, 10_000_000, 20_000_000}, {250_000_000, 240_000_000, 1}});
            }
            nanos.put(clock, byStage);
        }
        ScaleHarness.Measurements m = new ScaleHarness.Measurements(List.of(100, 1000), nanos);
        assertThat(m.median(ScaleHarness.Clock.CPU, ScaleStage.JAVAC, 0)).isEqualTo(20_000_000L);
        assertThat(m.ratioToLinear(ScaleHarness.Clock.WALL, ScaleStage.VERIFY)).isWithin(1e-9).of(1.2);
        assertThat(ScaleHarness.table(m)).contains("javac                 wall             20.0          240.0        1.20\n");
    }

    @Test
    void tenThousandDevicesAreSpreadSoThatEveryTableFits() {
        ScalePlatform platform = new ScalePlatform(10_000);
        assertThat(platform.interrupts()).isEqualTo(100_000);
        SourceResult checked = Compiler.compile(CompileRequest.check(new SourceFile(platform.fileName(), platform.text()))).sources().get(0);
        assertThat(checked.diagnostics()).isEmpty();
        PlatformModel model = checked.platforms().get(0);
        assertThat(model.buses()).hasSize(40);
        assertThat(model.iommus()).hasSize(20);
        assertThat(model.guests()).hasSize(100);
        assertThat(model.iommus().get(19).covers()).containsExactly("seg38", "seg39").inOrder();
        // every unit's remap entries: the host's stacks and the hypervisor's, one per guest interrupt
        Map<String, Integer> unitOfBus = new HashMap<>();
        for (int unit = 0; unit < model.iommus().size(); unit++) {
            for (String bus : model.iommus().get(unit).covers()) {
                unitOfBus.put(bus, unit);
            }
        }
        Map<String, Integer> unitOfDevice = new HashMap<>();
        model.devices().forEach(d -> unitOfDevice.put(d.name(), unitOfBus.get(d.bus())));
        List<StackModel> stacks = new ArrayList<>(model.hostStacks());
        model.guests().forEach(g -> stacks.addAll(g.stacks()));
        int[] entries = new int[model.iommus().size()];
        for (StackModel stack : stacks) {
            entries[unitOfDevice.get(stack.device())] += stack.alloc();
        }
        int total = 0;
        for (int e : entries) {
            assertThat(e).isAtMost(IommuModel.VTD_MAX_ENTRIES);
            total += e;
        }
        assertThat(total).isEqualTo(100_000);
        assertThat(model.guests().get(99).devices()).hasSize(40);
    }

    @Test
    void fiftyArm64DevicesGoThroughEveryStageChecked() {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        ScaleHarness.Measurements measured = ScaleHarness.measure(ScaleHarness.Architecture.ARM64, List.of(50), 0, 1,
                new PrintStream(progress, true, StandardCharsets.UTF_8));
        for (ScaleStage stage : ScaleStage.values()) {
            assertThat(measured.median(ScaleHarness.Clock.CPU, stage, 0)).isGreaterThan(0L);
        }
        assertThat(progress.toString(StandardCharsets.UTF_8)).startsWith("  round 1      50 devices: parse+check+generate ");
    }

    @Test
    void tenThousandArm64DevicesFitLinuxsLpiSpaceAndGrowEveryDimension() {
        Arm64ScalePlatform platform = new Arm64ScalePlatform(10_000);
        // 4 LPIs a device: 40 000 of the 57 344 that 16 ID bits leave above INTID 8191
        assertThat(platform.interrupts()).isEqualTo(40_000);
        SourceResult checked = Compiler.compile(CompileRequest.check(new SourceFile(platform.fileName(), platform.text()))).sources().get(0);
        assertThat(checked.diagnostics()).isEmpty();
        Arm64PlatformModel model = checked.arm64Platforms().get(0);
        assertThat(model.buses()).hasSize(40);
        assertThat(model.gic().its()).hasSize(5);
        assertThat(model.guests()).hasSize(100);
        // devices 9900 to 9999, four of each ten
        assertThat(model.guests().get(99).devices()).hasSize(40);
        assertThat(model.guests().get(99).devices().get(0)).isEqualTo("d9906");
        // the last ITS's GITS_TRANSLATER: base 0x08080000 + 4 x 128 KiB, 0x10040 above it
        assertThat(model.gic().its().get(4).doorbell()).isEqualTo(0x0811_0040L);
        assertThat(model.hostStacks()).hasSize(6_000);
    }

    @Test
    void fiftyRiscv64DevicesGoThroughEveryStageChecked() {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        ScaleHarness.Measurements measured = ScaleHarness.measure(ScaleHarness.Architecture.RISCV64, List.of(50), 0, 1,
                new PrintStream(progress, true, StandardCharsets.UTF_8));
        for (ScaleStage stage : ScaleStage.values()) {
            assertThat(measured.median(ScaleHarness.Clock.CPU, stage, 0)).isGreaterThan(0L);
        }
        assertThat(progress.toString(StandardCharsets.UTF_8)).startsWith("  round 1      50 devices: parse+check+generate ");
    }

    @Test
    void tenThousandRiscv64DevicesCheckAndGrowEveryDimensionButTheHarts() {
        RiscvScalePlatform platform = new RiscvScalePlatform(10_000);
        assertThat(platform.interrupts()).isEqualTo(40_000);
        SourceResult checked = Compiler.compile(CompileRequest.check(new SourceFile(platform.fileName(), platform.text()))).sources().get(0);
        assertThat(checked.diagnostics()).isEmpty();
        RiscvPlatformModel model = checked.riscvPlatforms().get(0);
        assertThat(model.buses()).hasSize(40);
        assertThat(model.iommus()).hasSize(5);
        assertThat(model.guests()).hasSize(100);
        // 100 guests of 4 vCPUs need 400 guest files: 64 harts hold 8 each
        assertThat(model.guests().size() * RiscvScalePlatform.GUEST_CPUS)
                .isAtMost(RiscvScalePlatform.HARTS * 8);
    }
}
