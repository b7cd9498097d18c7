package dev.irqtopo.compiler.emit;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.irqtopo.compiler.output.GeneratedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The generated source for each platform under {@code src/test/resources/golden/}, compared character
 * for character with the expected text kept beside it: {@code golden/CASE.irqtopo} gives
 * {@code golden/CASE/PATH.txt} for each generated file {@code PATH} (the {@code .txt} keeps the build
 * from compiling them). A test's case is named after its method.
 *
 * <p>After a deliberate change of the generated code, rewrite every expected file with
 * <pre>./mvnw -B -q -pl generator/compiler -am verify -Dirqtopo.updateGoldens=true</pre>
 * and review the difference before committing it.
 */
class GoldenFileTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final boolean UPDATE = Boolean.getBoolean("irqtopo.updateGoldens");

    @Test
    void imsInGuest(TestInfo test) throws IOException {
        assertGolden(test, Optional.empty());
    }

    @Test
    void postedMsi(TestInfo test) throws IOException {
        assertGolden(test, Optional.empty());
    }

    @Test
    void siovAmdvi(TestInfo test) throws IOException {
        assertGolden(test, Optional.empty());
    }

    /** Version 2: a bridge's devices, its alias and the expected verdict become constants. */
    @Test
    void bridged(TestInfo test) throws IOException {
        assertGolden(test, Optional.empty());
    }

    /** No package line in the file: the package comes with the request. */
    @Test
    void bareMetal(TestInfo test) throws IOException {
        assertGolden(test, Optional.of("dev.example.bare"));
    }

    /** An arm64 platform over Arm64Platform: an ITS, an SMMU, two guests. */
    @Test
    void arm64SriovIts(TestInfo test) throws IOException {
        assertGolden(test, Optional.empty());
    }

    /** An arm64 platform whose only MSI controller is a GICv2m frame. */
    @Test
    void arm64V2mAssigned(TestInfo test) throws IOException {
        assertGolden(test, Optional.empty());
    }

    /**
     * A riscv64 platform over RiscvPlatform: two functions behind a bridge in two guests, under an IOMMU
     * whose MSI page tables record in MRIFs; both functions share one device shape, so one class.
     */
    @Test
    void riscv64Mrif(TestInfo test) throws IOException {
        assertGolden(test, Optional.empty());
    }

    private static void assertGolden(TestInfo test, Optional<String> packageName) throws IOException {
        String name = caseName(test.getTestMethod().orElseThrow().getName());
        Path input = GOLDEN.resolve(name + ".irqtopo");
        List<GeneratedFile> files = Generated.files(input.getFileName().toString(),
                Files.readString(input, StandardCharsets.UTF_8), packageName);
        Path expectedDir = GOLDEN.resolve(name);
        if (UPDATE) {
            rewrite(expectedDir, files);
        }
        List<String> expected;
        try (Stream<Path> walk = Files.walk(expectedDir)) {
            expected = walk.filter(Files::isRegularFile).map(p -> expectedDir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
        assertWithMessage("expected files of %s (regenerate with -Dirqtopo.updateGoldens=true)", name)
                .that(expected).containsExactlyElementsIn(files.stream().map(f -> f.relativePath() + ".txt").toList());
        for (GeneratedFile file : files) {
            String golden = Files.readString(expectedDir.resolve(file.relativePath() + ".txt"), StandardCharsets.UTF_8);
            assertWithMessage("%s (regenerate with -Dirqtopo.updateGoldens=true)", file.relativePath())
                    .that(file.content()).isEqualTo(golden);
        }
    }

    /** {@code postedMsi} is the case {@code posted-msi}: words in lower case, joined by hyphens. */
    private static String caseName(String method) {
        return method.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static void rewrite(Path dir, List<GeneratedFile> files) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        for (GeneratedFile file : files) {
            Path target = dir.resolve(file.relativePath() + ".txt");
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.content(), StandardCharsets.UTF_8);
        }
    }
}
