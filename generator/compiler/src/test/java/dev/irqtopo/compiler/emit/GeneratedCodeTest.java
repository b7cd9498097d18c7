package dev.irqtopo.compiler.emit;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.irqtopo.compiler.output.GeneratedFile;
import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.ExpectedVerdict;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.runtime.AllocatedInterrupt;
import dev.irqtopo.runtime.Allocation;
import dev.irqtopo.runtime.DeviceStorage;
import dev.irqtopo.runtime.Platform;
import dev.irqtopo.runtime.StackResult;
import dev.irqtopo.runtime.delivery.Delivery;
import dev.irqtopo.runtime.delivery.Trace;
import dev.irqtopo.runtime.isolation.IsolationReport;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;
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
 * The generated classes compiled as a project would compile them ({@code -Xlint:all -Werror}, the
 * runtime on the class path), then loaded and run: they boot the platform, give each kernel exactly
 * its own devices and bus domains, and delegate to the runtime.
 */
class GeneratedCodeTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final Path SCENARIOS = Path.of("src", "test", "resources", "conformance", "scenarios");

    private static List<GeneratedFile> imsInGuest;
    private static ClassLoader loaded;

    @BeforeAll
    static void compileTheLanguageExample() throws IOException {
        imsInGuest = Generated.files("ims-in-guest.irqtopo",
                Files.readString(GOLDEN.resolve("ims-in-guest.irqtopo"), StandardCharsets.UTF_8), Optional.empty());
        loaded = Generated.load(Generated.compileCleanly(imsInGuest));
    }

    private static Object bootImsInGuest() throws ClassNotFoundException {
        return Generated.call(loaded.loadClass("dev.example.irq.ImsInGuest"), "boot");
    }

    @Test
    void everyGoldenPlatformCompilesWithoutWarnings() throws IOException {
        for (String name : List.of("posted-msi", "siov-amdvi", "bridged")) {
            Generated.compileCleanly(Generated.files(name + ".irqtopo",
                    Files.readString(GOLDEN.resolve(name + ".irqtopo"), StandardCharsets.UTF_8), Optional.empty()));
        }
        Generated.compileCleanly(Generated.files("bare-metal.irqtopo",
                Files.readString(GOLDEN.resolve("bare-metal.irqtopo"), StandardCharsets.UTF_8), Optional.of("dev.bare")));
    }

    @Test
    void everyConformanceScenarioCompilesWithoutWarnings() throws IOException {
        List<GeneratedFile> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(SCENARIOS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".irqtopo")).sorted().toList()) {
                all.addAll(Generated.files(file.getFileName().toString(), Files.readString(file), Optional.empty()));
            }
        }
        assertThat(all.size()).isAtLeast(9);
        Generated.compileCleanly(all);
    }

    @Test
    void platformsWithoutDevicesOrStacksCompileToTheirFewClasses() throws Exception {
        List<GeneratedFile> files = Generated.files("small.irqtopo", "package dev.small;\n"
                + "platform Empty { cpu x86 { cpus 1; } }\n"
                + "platform Idle {\n    cpu x86 { cpus 2; }\n    hypervisor kvm { }\n"
                + "    bus pci0 { device spare 01:00.0 { } }\n    guest vm0 { cpus 1; assign spare; }\n}\n", Optional.empty());
        String idle = files.get(1).content();
        assertThat(idle).contains("public static final class Vm0 {");
        assertThat(idle).doesNotContain("class BusDomain");
        assertThat(idle).contains("public static final class Device {");
        ClassLoader classes = Generated.load(Generated.compileCleanly(files));
        Object empty = Generated.call(classes.loadClass("dev.small.Empty"), "boot");
        assertThat(((IsolationReport) Generated.call(empty, "verifyIsolation")).isolated()).isTrue();
        Object idlePlatform = Generated.call(classes.loadClass("dev.small.Idle"), "boot");
        assertThat(Generated.call(Generated.path(idlePlatform, "hardware", "spare"), "requesterId"))
                .isEqualTo(RequesterId.of(1, 0, 0));
    }

    @Test
    void bootBuildsTheDeclaredPlatformAndPerformsItsAllocations() throws Exception {
        Object platform = bootImsInGuest();
        PlatformModel model = (PlatformModel) Generated.call(platform.getClass(), "model");
        assertThat(model.name()).isEqualTo("ImsInGuest");
        assertThat(model.javaPackage()).isEqualTo("dev.example.irq");
        assertThat(((Platform) Generated.call(platform, "platform")).model()).isEqualTo(model);
        @SuppressWarnings("unchecked")
        List<StackResult> booted = (List<StackResult>) Generated.call(platform, "bootResults");
        assertThat(booted.stream().map(r -> r.kernel() + " " + r.device() + "." + r.storage().keyword()).toList())
                .containsExactly("host nic.msix", "vm0 nicvf.msix", "vm0 nicvf.ims").inOrder();
        assertThat(booted.stream().map(r -> r.allocation().interrupts().size()).toList()).containsExactly(4, 2, 16).inOrder();

        @SuppressWarnings("unchecked")
        List<AllocatedInterrupt> ims = (List<AllocatedInterrupt>) Generated.call(Generated.path(platform, "vm0", "nicvf", "ims"),
                "interrupts");
        assertThat(ims).isEqualTo(booted.get(2).allocation().interrupts());
    }

    @Test
    void kernelsSeeExactlyTheirOwnDevicesAndDomains() throws Exception {
        Object platform = bootImsInGuest();
        Object host = Generated.call(platform, "host");
        assertThat(Generated.hasMethod(host, "nic")).isTrue();
        assertThat(Generated.hasMethod(host, "nicvf")).isFalse();
        Object vm0 = Generated.call(platform, "vm0");
        assertThat(Generated.hasMethod(vm0, "nicvf")).isTrue();
        assertThat(Generated.hasMethod(vm0, "nic")).isFalse();
        Object nicvf = Generated.call(vm0, "nicvf");
        assertThat(Generated.hasMethod(nicvf, "msi")).isFalse();
        assertThat(Generated.hasMethod(Generated.call(nicvf, "msix"), "write")).isFalse();
        assertThat(Generated.hasMethod(Generated.call(nicvf, "ims"), "write")).isTrue();
        assertThat(Generated.hasMethod(Generated.path(host, "nic", "msix"), "write")).isFalse();
    }

    @Test
    void domainsAllocateFreeAndWriteThroughTheRuntime() throws Exception {
        Object platform = bootImsInGuest();
        Object msix = Generated.path(platform, "host", "nic", "msix");
        assertThat((Boolean) Generated.call(msix, "created")).isTrue();
        Allocation more = (Allocation) Generated.call(msix, "allocate", 2);
        assertThat(more.succeeded()).isTrue();
        assertThat(more.interrupts().stream().map(AllocatedInterrupt::slot).toList()).containsExactly(4, 5).inOrder();
        int virq = more.interrupts().get(0).virq();
        assertThat(Generated.call(msix, "free", virq)).isEqualTo(Optional.empty());
        assertThat(Generated.call(msix, "free", virq)).isEqualTo(Optional.of(Errno.ENOENT));

        // the guest's raw store into queue memory reaches the device as written
        Object ims = Generated.path(platform, "vm0", "nicvf", "ims");
        Message forged = Message.of(0xFEE0_0000L, 0x40);
        assertThat(Generated.call(ims, "write", 100, forged)).isEqualTo(Optional.empty());
        DeviceStorage storage = (DeviceStorage) Generated.path(platform, "hardware", "nicvf", "ims");
        assertThat(storage.read(100)).hasValue(forged);
        assertThat(storage.busDomain()).isEqualTo(BusDomainKind.IMS);
    }

    @Test
    void theHardwareViewFiresSlotsAndEmitsMessages() throws Exception {
        Object platform = bootImsInGuest();
        Object nic = Generated.path(platform, "hardware", "nic");
        assertThat(Generated.call(nic, "requesterId")).isEqualTo(RequesterId.of(3, 0, 0));
        DeviceStorage msix = (DeviceStorage) Generated.call(nic, "msix");
        Delivery fired = msix.fire(0);
        assertThat(fired).isInstanceOf(Delivery.Delivered.class);
        assertThat(((Delivery.Delivered) fired).kernel()).isEqualTo("host");
        assertThat(msix.fire(63)).isEqualTo(Delivery.notSent());
        Message dma = Message.of(0x1000L, 0);
        assertThat(Generated.call(nic, "emit", dma)).isEqualTo(Delivery.memoryWrite());
        Platform runtime = (Platform) Generated.call(platform, "platform");
        assertThat(Generated.call(nic, "emit", msix.read(0).orElseThrow()))
                .isEqualTo(runtime.hardware().emit("nic", msix.read(0).orElseThrow()));
    }

    @Test
    void verifyIsolationAnalysesThePlatformAsItIs() throws Exception {
        Object platform = bootImsInGuest();
        IsolationReport report = (IsolationReport) Generated.call(platform, "verifyIsolation");
        assertThat(report.platform()).isEqualTo("ImsInGuest");
        assertThat(report.isolated()).isTrue();
    }

    @Test
    void constantsCarryRequesterIdsAndSizes() throws Exception {
        Class<?> ids = loaded.loadClass("dev.example.irq.ImsInGuest$RequesterIds");
        assertThat(ids.getField("NICVF").get(null)).isEqualTo("03:00.1");
        Class<?> sizes = loaded.loadClass("dev.example.irq.ImsInGuest$Sizes");
        assertThat(sizes.getField("NIC_MSIX").getInt(null)).isEqualTo(64);
        assertThat(sizes.getField("NICVF_IMS").getInt(null)).isEqualTo(2048);
    }

    @Test
    void withoutBridgesThereAreNoBridgeConstantsAndIsolationIsExpected() throws Exception {
        Class<?> platform = loaded.loadClass("dev.example.irq.ImsInGuest");
        assertThat(platform.getField("EXPECTED_VERDICT").get(null)).isEqualTo(ExpectedVerdict.ISOLATED);
        for (String absent : List.of("BridgeAliases", "IommuRequesterIds")) {
            assertThrows(ClassNotFoundException.class, () -> loaded.loadClass("dev.example.irq.ImsInGuest$" + absent));
        }
        Object nicvf = Generated.path(bootImsInGuest(), "hardware", "nicvf");
        assertThat(Generated.call(nicvf, "iommuRequesterId")).isEqualTo(RequesterId.of(3, 0, 1));
    }

    @Test
    void behindABridgeTheConstantsAndTheHardwareViewGiveTheAlias() throws Exception {
        ClassLoader classes = Generated.load(Generated.compileCleanly(Generated.files("bridged.irqtopo",
                Files.readString(GOLDEN.resolve("bridged.irqtopo"), StandardCharsets.UTF_8), Optional.empty())));
        Class<?> type = classes.loadClass("dev.example.irq.bridged.Bridged");
        assertThat(type.getField("EXPECTED_VERDICT").get(null)).isEqualTo(ExpectedVerdict.BREACH);
        Class<?> ids = classes.loadClass("dev.example.irq.bridged.Bridged$RequesterIds");
        assertThat(ids.getField("OLD1").get(null)).isEqualTo("05:02.0");
        assertThat(ids.getField("BR0").get(null)).isEqualTo("00:1e.0");
        Class<?> aliases = classes.loadClass("dev.example.irq.bridged.Bridged$BridgeAliases");
        assertThat(aliases.getField("BR0").get(null)).isEqualTo("05:00.0");
        assertThat(aliases.getField("SPARE").get(null)).isEqualTo("01:00.0");
        Class<?> seen = classes.loadClass("dev.example.irq.bridged.Bridged$IommuRequesterIds");
        assertThat(seen.getField("ADI").get(null)).isEqualTo("05:00.0");
        // only the devices the IOMMU sees as another requester id have a constant there
        assertThrows(NoSuchFieldException.class, () -> seen.getField("NIC"));

        Object platform = Generated.call(type, "boot");
        PlatformModel model = (PlatformModel) Generated.call(type, "model");
        assertThat(model.expect()).hasValue(ExpectedVerdict.BREACH);
        assertThat(model.device("old1").orElseThrow().bridge().orElseThrow().name()).isEqualTo("br0");
        Object old1 = Generated.path(platform, "hardware", "old1");
        assertThat(Generated.call(old1, "requesterId")).isEqualTo(RequesterId.of(5, 2, 0));
        assertThat(Generated.call(old1, "iommuRequesterId")).isEqualTo(RequesterId.of(5, 0, 0));
        // a guest-driven function's DMA: any write, passed as it is to the runtime
        Message forged = Message.of(0xFEE0_0000L, 0);
        Platform runtime = (Platform) Generated.call(platform, "platform");
        assertThat(Generated.call(old1, "emit", forged)).isEqualTo(runtime.hardware().emit("old1", forged));
        assertThat(((Trace) Generated.call(old1, "trace", forged)).delivery())
                .isEqualTo(runtime.hardware().emit("old1", forged));
    }

    /** What a user of the generated class writes, compiled together with it. */
    private static Compilation compileUse(String body) {
        List<JavaFileObject> sources = new ArrayList<>(Generated.sources(imsInGuest));
        sources.add(JavaFileObjects.forSourceString("dev.example.use.Use", String.join("\n",
                "package dev.example.use;",
                "",
                "import dev.example.irq.ImsInGuest;",
                "import dev.irqtopo.runtime.message.Message;",
                "",
                "final class Use {",
                "    static Object use() {",
                "        ImsInGuest platform = ImsInGuest.boot();",
                "        return " + body + ";",
                "    }",
                "}",
                "")));
        return Generated.compile(sources);
    }

    @Test
    void correctUseCompiles() {
        assertThat(compileUse("platform.vm0().nicvf().ims().write(0, Message.of(0xfee00000L, 0x30))"))
                .succeededWithoutWarnings();
        assertThat(compileUse("platform.host().nic().msix().allocate(1)")).succeededWithoutWarnings();
    }

    @Test
    void everyHardwareDeviceEmitsAndTracesAnyMessage() {
        assertThat(compileUse("platform.hardware().nicvf().emit(Message.of(0xfee00000L, 0x30))"))
                .succeededWithoutWarnings();
        assertThat(compileUse("platform.hardware().nic().trace(Message.of(0x1000L, 0))")).succeededWithoutWarnings();
        assertThat(compileUse("platform.hardware().nicvf().iommuRequesterId()")).succeededWithoutWarnings();
        assertThat(compileUse("ImsInGuest.EXPECTED_VERDICT.matches(platform.verifyIsolation().isolated())"))
                .succeededWithoutWarnings();
    }

    @Test
    void emittingIsTheHardwaresNotAKernelsAndDoesNotCompileThere() {
        Compilation compilation = compileUse("platform.vm0().nicvf().emit(Message.of(0xfee00000L, 0x30))");
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(use(compilation)).onLineContaining("emit(");
    }

    @Test
    void bridgeConstantsOfAPlatformWithoutBridgesDoNotCompile() {
        Compilation compilation = compileUse("ImsInGuest.BridgeAliases.class");
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(use(compilation))
                .onLineContaining("BridgeAliases");
    }

    @Test
    void aDeviceOfAnotherKernelDoesNotCompile() {
        Compilation compilation = compileUse("platform.host().nicvf()");
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(use(compilation)).onLineContaining("nicvf()");
    }

    @Test
    void aRawWriteToTrappedStorageDoesNotCompile() {
        Compilation compilation = compileUse("platform.vm0().nicvf().msix().write(0, Message.of(0xfee00000L, 0x30))");
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(use(compilation)).onLineContaining("write(");
    }

    @Test
    void aBusDomainWithoutAStackDoesNotCompile() {
        Compilation compilation = compileUse("platform.host().nic().msi()");
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(use(compilation)).onLineContaining("msi()");
    }

    private static JavaFileObject use(Compilation compilation) {
        return compilation.sourceFiles().stream().filter(f -> f.getName().endsWith("Use.java")).findFirst().orElseThrow();
    }
}
