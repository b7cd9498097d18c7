package dev.irqtopo.samples;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.irqtopo.compiler.SourceResult;
import dev.irqtopo.compiler.diag.Diagnostic;
import dev.irqtopo.model.PlatformDesign;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The samples as files: exactly one per scenario, each checked by the compiler's facade with no error and
 * exactly the warnings its scenario is about, and each compiled by the build into the generated class
 * whose model the tests of that scenario use.
 */
class SampleCatalogTest {

    /** Each sample file with the generated class's model: the class the build made from that file. */
    private static final Map<String, Supplier<PlatformDesign>> GENERATED = Map.ofEntries(
            Map.entry("bare-metal", BareMetal::model),
            Map.entry("iommu-remapping", IommuRemapping::model),
            Map.entry("guest-trapped", GuestTrapped::model),
            Map.entry("ims-in-guest", ImsInGuest::model),
            Map.entry("ims-queue-no-hypercall", ImsQueueNoHypercall::model),
            Map.entry("shared-requester-id", SharedRequesterId::model),
            Map.entry("guest-unaware", GuestUnaware::model),
            Map.entry("hypercall-for-msix", HypercallForMsix::model),
            Map.entry("amdvi-tables", AmdViTables::model),
            Map.entry("posted", Posted::model),
            Map.entry("white-rabbit", WhiteRabbit::model),
            Map.entry("pci-bridge", PciBridge::model),
            Map.entry("seed-linux-6.1", SeedLinux61::model),
            Map.entry("seed-linux-6.6", SeedLinux66::model),
            Map.entry("seed-linux-6.12", SeedLinux612::model),
            Map.entry("sriov-its", ArmIts::model),
            Map.entry("v2m-assigned", ArmV2m::model),
            Map.entry("msi-map-alias", ArmAlias::model),
            Map.entry("gicv4-vlpi", ArmVlpi::model),
            Map.entry("riscv-flat", RiscvFlat::model),
            Map.entry("riscv-msi-off", RiscvMsiOff::model),
            Map.entry("riscv-two-guests", RiscvTwoGuests::model),
            Map.entry("riscv-mrif", RiscvMrif::model));

    /** The warnings a sample exists to show; every other sample has none. */
    private static final Map<String, List<String>> WARNINGS = Map.of(
            "ims-queue-no-hypercall", List.of("IRQ100"),
            "guest-unaware", List.of("IRQ101"),
            "white-rabbit", List.of("IRQ106"),
            "seed-linux-6.1", List.of("IRQ110", "IRQ111"),
            "seed-linux-6.6", List.of("IRQ111"),
            "seed-linux-6.12", List.of("IRQ110", "IRQ111"));

    private static List<String> sampleNames() throws IOException {
        try (Stream<Path> files = Files.list(SampleFiles.DIRECTORY)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".irqtopo"))
                    .map(n -> n.substring(0, n.length() - ".irqtopo".length())).sorted().toList();
        }
    }

    @Test
    void thereIsOneGeneratedClassPerSampleFile() throws IOException {
        assertThat(sampleNames()).containsExactlyElementsIn(GENERATED.keySet());
        assertThat(sampleNames()).hasSize(23);
    }

    @Test
    void everySampleChecksWithoutErrorsAndWithOnlyItsOwnWarnings() throws IOException {
        for (String name : sampleNames()) {
            SourceResult result = SampleFiles.check(name);
            List<Diagnostic> diagnostics = result.diagnostics();
            assertWithMessage("errors in %s", name).that(diagnostics.stream().filter(Diagnostic::isError).toList())
                    .isEmpty();
            assertWithMessage("warnings in %s", name).that(diagnostics.stream().map(Diagnostic::code).toList())
                    .containsExactlyElementsIn(WARNINGS.getOrDefault(name, List.of()));
            assertWithMessage("platforms in %s", name).that(result.designs()).hasSize(1);
        }
    }

    @Test
    void eachGeneratedClassCarriesTheModelOfItsFile() {
        GENERATED.forEach((name, generated) -> {
            PlatformDesign checked = SampleFiles.platform(name);
            assertWithMessage("the class generated from %s", name).that(generated.get()).isEqualTo(checked);
            assertThat(checked.javaPackage()).isEqualTo("dev.irqtopo.samples");
        });
    }
}
