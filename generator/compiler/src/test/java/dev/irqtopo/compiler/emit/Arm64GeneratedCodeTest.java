package dev.irqtopo.compiler.emit;

import static com.google.common.truth.Truth.assertThat;

import com.google.testing.compile.JavaFileObjects;
import dev.irqtopo.compiler.output.GeneratedFile;
import dev.irqtopo.model.Arm64PlatformModel;
import dev.irqtopo.model.table.Arm64ModelTable;
import dev.irqtopo.runtime.arm64.Arm64Outcome;
import dev.irqtopo.runtime.arm64.Arm64Platform;
import dev.irqtopo.runtime.arm64.Arm64StackResult;
import dev.irqtopo.runtime.arm64.Arm64Storage;
import dev.irqtopo.runtime.arm64.isolation.Arm64IsolationReport;
import dev.irqtopo.runtime.arm64.sim.Arm64TraceReport;
import dev.irqtopo.runtime.gic.IgnoreReason;
import dev.irqtopo.runtime.message.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated code of arm64 platforms, compiled with {@code -Xlint:all -Werror} beside the runtime
 * and run: it boots the platform, gives each kernel its stacks, lets devices write and fire their slots,
 * and verifies isolation, each exactly as the runtime's {@code Arm64Platform} does.
 */
class Arm64GeneratedCodeTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

    private static List<GeneratedFile> sriov;
    private static ClassLoader loaded;

    @BeforeAll
    static void compileTheSample() throws IOException {
        sriov = Generated.files("arm64-sriov-its.irqtopo",
                Files.readString(GOLDEN.resolve("arm64-sriov-its.irqtopo"), StandardCharsets.UTF_8), Optional.empty());
        loaded = Generated.load(Generated.compileCleanly(sriov));
    }

    private static Object boot() throws ClassNotFoundException {
        return Generated.call(loaded.loadClass("dev.example.arm.ArmIts"), "boot");
    }

    @Test
    void theModelRoundTripsThroughTheTableTheClassCarries() throws Exception {
        Arm64PlatformModel model = (Arm64PlatformModel) Generated.call(loaded.loadClass("dev.example.arm.ArmIts"), "model");
        assertThat(model.name()).isEqualTo("ArmIts");
        assertThat(Arm64ModelTable.decode(Arm64ModelTable.encode(model))).isEqualTo(model);
    }

    @Test
    void bootGivesEachKernelItsStacks() throws Exception {
        Object platform = boot();
        Arm64StackResult pf = (Arm64StackResult) Generated.path(platform, "host", "pfMsix");
        assertThat(pf.interrupts()).hasSize(2);
        assertThat(pf.interrupts().get(0).intid()).isEqualTo(8192);
        Arm64StackResult vf0 = (Arm64StackResult) Generated.path(platform, "vm0", "vf0Msix");
        assertThat(vf0.trapped()).isTrue();
        assertThat(Generated.path(platform, "vm1", "kernel")).isEqualTo("vm1");
        assertThat((List<?>) Generated.call(platform, "bootResults")).hasSize(3);
    }

    @Test
    void theHardwareFiresSlotsAndEmitsAsTheRuntimeDoes() throws Exception {
        Object platform = boot();
        Arm64Platform runtime = (Arm64Platform) Generated.call(platform, "platform");
        Arm64Storage msix = (Arm64Storage) Generated.path(platform, "hardware", "vf0", "msix");
        assertThat(msix.size()).isEqualTo(4);
        Arm64Outcome fired = msix.fire(0);
        assertThat(fired).isInstanceOf(Arm64Outcome.Delivered.class);
        assertThat(((Arm64Outcome.Delivered) fired).kernel()).isEqualTo("vm0");

        // vf0's DMA writes an EventID its ITT does not map: the ITS ignores it
        Message hostile = Message.of(0x0800_0040L, 3);
        Object vf0 = Generated.path(platform, "hardware", "vf0");
        Arm64Outcome outcome = (Arm64Outcome) Generated.call(vf0, "emit", hostile);
        assertThat(outcome).isEqualTo(new Arm64Outcome.Ignored("its0", IgnoreReason.EVENT_ID_UNMAPPED));
        assertThat(outcome).isEqualTo(runtime.emit(runtime.device("vf0"), hostile));
        assertThat(((Arm64TraceReport) Generated.call(vf0, "trace", hostile)).outcome()).isEqualTo(outcome);
    }

    @Test
    void verifyIsolationAnalysesThePlatform() throws Exception {
        Arm64IsolationReport report = (Arm64IsolationReport) Generated.call(boot(), "verifyIsolation");
        assertThat(report.isolated()).isTrue();
        assertThat(report.assignments()).hasSize(2);
    }

    @Test
    void aGicv2mPlatformCompilesAndBreaches() throws Exception {
        List<GeneratedFile> files = Generated.files("arm64-v2m-assigned.irqtopo",
                Files.readString(GOLDEN.resolve("arm64-v2m-assigned.irqtopo"), StandardCharsets.UTF_8), Optional.empty());
        Object platform = Generated.call(Generated.load(Generated.compileCleanly(files)).loadClass("dev.example.arm.ArmV2m"),
                "boot");
        assertThat(((Arm64IsolationReport) Generated.call(platform, "verifyIsolation")).isolated()).isFalse();
    }

    @Test
    void whatAUserWritesCompilesWithoutWarnings() {
        List<JavaFileObject> sources = new ArrayList<>(Generated.sources(sriov));
        sources.add(JavaFileObjects.forSourceString("dev.example.use.Use", String.join("\n",
                "package dev.example.use;",
                "",
                "import dev.example.arm.ArmIts;",
                "import dev.irqtopo.runtime.arm64.Arm64Outcome;",
                "import dev.irqtopo.runtime.message.Message;",
                "",
                "final class Use {",
                "    static Arm64Outcome use() {",
                "        ArmIts platform = ArmIts.boot();",
                "        platform.host().pfMsix().interrupts();",
                "        platform.hardware().pf().msix().fire(1);",
                "        return platform.hardware().vf1().emit(Message.of(0x08000040L, 0));",
                "    }",
                "}",
                "")));
        com.google.testing.compile.CompilationSubject.assertThat(Generated.compile(sources)).succeededWithoutWarnings();
    }
}
