package dev.irqtopo.compiler.emit;

import static com.google.common.truth.Truth.assertThat;

import com.google.testing.compile.JavaFileObjects;
import dev.irqtopo.compiler.CompileRequest;
import dev.irqtopo.compiler.CompileResult;
import dev.irqtopo.compiler.Compiler;
import dev.irqtopo.compiler.SourceFile;
import dev.irqtopo.compiler.output.GeneratedFile;
import dev.irqtopo.model.RiscvPlatformModel;
import dev.irqtopo.model.riscv.InterruptFile;
import dev.irqtopo.model.table.RiscvModelTable;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.riscv64.NotSent;
import dev.irqtopo.runtime.riscv64.RiscvOutcome;
import dev.irqtopo.runtime.riscv64.RiscvPlatform;
import dev.irqtopo.runtime.riscv64.RiscvStackResult;
import dev.irqtopo.runtime.riscv64.RiscvStorage;
import dev.irqtopo.runtime.riscv64.TakenRoute;
import dev.irqtopo.runtime.riscv64.isolation.RiscvFindingClass;
import dev.irqtopo.runtime.riscv64.isolation.RiscvIsolationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated code of riscv64 platforms, compiled with {@code -Xlint:all -Werror} beside the runtime
 * and run: it boots the platform, gives each kernel its stacks, lets devices write and fire their slots,
 * and verifies isolation, each exactly as the runtime's {@code RiscvPlatform} does.
 */
class RiscvGeneratedCodeTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final String FLAT = """
            package dev.example.riscv;

            platform RiscvFlat "a VF in a guest behind a RISC-V IOMMU in flat mode" {
                expect isolated;
                cpu riscv64 { cpus 4; }
                imsic { identities 63; guest_files 2; }
                iommu riscv iommu0 { msi flat; }
                hypervisor kvm { traps msix; }
                bus pci0 {
                    device nic 01:00.0 { msix 8; }
                    device vf  02:00.0 { msix 4; }
                }
                host { stack nic.msix: imsic -> msix alloc 2; }
                guest vm0 { cpus 2; assign vf; stack vf.msix: imsic -> msix alloc 3; }
            }
            """;

    private static List<GeneratedFile> flat;
    private static ClassLoader loaded;

    @BeforeAll
    static void compileTheSample() {
        flat = Generated.files("flat.irqtopo", FLAT, Optional.empty());
        loaded = Generated.load(Generated.compileCleanly(flat));
    }

    private static Object boot() throws ClassNotFoundException {
        return Generated.call(loaded.loadClass("dev.example.riscv.RiscvFlat"), "boot");
    }

    @Test
    void theModelRoundTripsThroughTheTableTheClassCarries() throws Exception {
        RiscvPlatformModel model = (RiscvPlatformModel) Generated.call(loaded.loadClass("dev.example.riscv.RiscvFlat"), "model");
        assertThat(model.name()).isEqualTo("RiscvFlat");
        assertThat(model.imsic().harts().count()).isEqualTo(4);
        assertThat(RiscvModelTable.decode(RiscvModelTable.encode(model))).isEqualTo(model);
    }

    @Test
    void bootGivesEachKernelItsStacks() throws Exception {
        Object platform = boot();
        RiscvStackResult nic = (RiscvStackResult) Generated.path(platform, "host", "nicMsix");
        // one identity per hart, in hart order: identity 1 is every supervisor file's IPI
        assertThat(nic.interrupts().stream().map(v -> v.file()).toList())
                .containsExactly(InterruptFile.supervisor(0), InterruptFile.supervisor(1)).inOrder();
        assertThat(nic.interrupts().get(0).identity()).isEqualTo(2);
        RiscvStackResult vf = (RiscvStackResult) Generated.path(platform, "vm0", "vfMsix");
        assertThat(vf.trapped()).isTrue();
        assertThat(vf.msi()).isEqualTo("flat");
        // vm0's two vCPUs take the first guest file of harts 0 and 1
        assertThat(vf.interrupts().stream().map(v -> v.file()).toList())
                .containsExactly(InterruptFile.guest(0, 1), InterruptFile.guest(1, 1), InterruptFile.guest(0, 1)).inOrder();
        assertThat(vf.interrupts().get(1).composed()).isEqualTo(Message.of(0x2800_1000L, 2));
        assertThat(Generated.path(platform, "vm0", "kernel")).isEqualTo("vm0");
        assertThat((List<?>) Generated.call(platform, "bootResults")).hasSize(2);
    }

    @Test
    void theHardwareFiresSlotsAndEmitsAsTheRuntimeDoes() throws Exception {
        Object platform = boot();
        RiscvPlatform runtime = (RiscvPlatform) Generated.call(platform, "platform");
        RiscvStorage msix = (RiscvStorage) Generated.path(platform, "hardware", "vf", "msix");
        assertThat(msix.size()).isEqualTo(4);
        // slot 1 holds vCPU 1's guest-physical page; the MSI page table maps it to hart1.guest1
        RiscvOutcome.Written fired = (RiscvOutcome.Written) msix.fire(1);
        assertThat(fired.taken().orElseThrow().kernel()).isEqualTo("vm0");
        assertThat(fired.taken().orElseThrow().file()).isEqualTo(InterruptFile.guest(1, 1));
        assertThat(fired.taken().orElseThrow().route()).isEqualTo(TakenRoute.GUEST_FILE);
        // the host allocated two of nic's eight slots
        RiscvStorage nic = (RiscvStorage) Generated.path(platform, "hardware", "nic", "msix");
        assertThat(nic.fire(5)).isEqualTo(new RiscvOutcome.NotSentAtAll(NotSent.NEVER_WRITTEN));

        // the host's own supervisor page, written by vf: an MSI page of the guest, so it lands in hart0.guest1
        Message hostPage = Message.of(0x2800_0000L, 2);
        Object vf = Generated.path(platform, "hardware", "vf");
        RiscvOutcome outcome = (RiscvOutcome) Generated.call(vf, "emit", hostPage);
        assertThat(((RiscvOutcome.Written) outcome).taken().orElseThrow().kernel()).isEqualTo("vm0");
        assertThat(outcome).isEqualTo(runtime.emit(runtime.device("vf"), hostPage));
        assertThat(Generated.path(platform, "hardware", "vf", "translation")).isEqualTo(runtime.translation(runtime.device("vf")));
    }

    @Test
    void verifyIsolationAnalysesThePlatform() throws Exception {
        RiscvIsolationReport report = (RiscvIsolationReport) Generated.call(boot(), "verifyIsolation");
        assertThat(report.isolated()).isTrue();
        assertThat(report.assignments()).hasSize(1);
        assertThat(report.assignments().get(0).reaches()).containsExactly("hart0.guest1", "hart1.guest1").inOrder();
    }

    @Test
    void anMrifPlatformCompilesAndBreachesThroughItsNotices() throws Exception {
        List<GeneratedFile> files = Generated.files("riscv64-mrif.irqtopo",
                Files.readString(GOLDEN.resolve("riscv64-mrif.irqtopo"), StandardCharsets.UTF_8), Optional.empty());
        Object platform = Generated.call(Generated.load(Generated.compileCleanly(files)).loadClass("dev.example.riscv.RiscvMrif"),
                "boot");
        RiscvIsolationReport report = (RiscvIsolationReport) Generated.call(platform, "verifyIsolation");
        assertThat(report.isolated()).isFalse();
        assertThat(report.findings().get(0).findingClass()).isEqualTo(RiscvFindingClass.MRIF_NOTICE);
        // fa and fb have one shape, so one class
        assertThat(Generated.path(platform, "hardware", "fa").getClass())
                .isEqualTo(Generated.path(platform, "hardware", "fb").getClass());
    }

    /** Every riscv64 design the tests keep that checks cleanly survives the table its class would carry. */
    @Test
    void everyRiscvDesignRoundTripsThroughItsTable() throws IOException {
        List<Path> designs;
        try (Stream<Path> walk = Files.walk(Path.of("src", "test", "resources"))) {
            designs = walk.filter(p -> p.toString().endsWith(".irqtopo")).sorted().toList();
        }
        int riscv = 0;
        for (Path design : designs) {
            // ISO-8859-1 reads every byte: some fixtures are not UTF-8 on purpose, and none of those is riscv64
            String text = Files.readString(design, StandardCharsets.ISO_8859_1);
            if (!text.contains("cpu riscv64")) {
                continue;
            }
            CompileResult result = Compiler.compile(CompileRequest.check(new SourceFile(design.getFileName().toString(), text)));
            for (var source : result.sources()) {
                for (RiscvPlatformModel model : source.riscvPlatforms()) {
                    assertThat(RiscvModelTable.decode(RiscvModelTable.encode(model))).isEqualTo(model);
                    riscv++;
                }
            }
        }
        assertThat(riscv).isAtLeast(5);
    }

    /** IRQ051 asks the riscv64 layout: a guest whose class would be a nested class's, a device named like an Object method. */
    @Test
    void namesTheGeneratedCodeHasAreRefusedAsOnTheOtherArchitectures() {
        String text = FLAT.replace("guest vm0", "guest hardware").replace("device vf ", "device toString ")
                .replace("assign vf;", "assign toString;").replace("stack vf.msix", "stack toString.msix");
        CompileResult result = Compiler.compile(CompileRequest.generate(new SourceFile("clash.irqtopo", text)));
        assertThat(result.diagnostics().stream().map(d -> d.code() + " " + d.message()).toList()).containsExactly(
                "IRQ051 'hardware' would become Hardware, which the generated code already has as the nested class"
                        + " Hardware",
                "IRQ051 'toString' would become toString(), which the generated code already has as the method"
                        + " toString() every Java object has");
        assertThat(result.files()).isEmpty();
    }

    @Test
    void whatAUserWritesCompilesWithoutWarnings() {
        List<JavaFileObject> sources = new ArrayList<>(Generated.sources(flat));
        sources.add(JavaFileObjects.forSourceString("dev.example.use.Use", String.join("\n",
                "package dev.example.use;",
                "",
                "import dev.example.riscv.RiscvFlat;",
                "import dev.irqtopo.runtime.message.Message;",
                "import dev.irqtopo.runtime.riscv64.RiscvOutcome;",
                "",
                "final class Use {",
                "    static RiscvOutcome use() {",
                "        RiscvFlat platform = RiscvFlat.boot();",
                "        platform.host().nicMsix().interrupts();",
                "        platform.hardware().nic().msix().fire(1);",
                "        return platform.hardware().vf().emit(Message.of(0x28000000L, 2));",
                "    }",
                "}",
                "")));
        com.google.testing.compile.CompilationSubject.assertThat(Generated.compile(sources)).succeededWithoutWarnings();
    }
}
