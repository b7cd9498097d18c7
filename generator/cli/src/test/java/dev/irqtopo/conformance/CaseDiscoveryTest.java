package dev.irqtopo.conformance;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.irqtopo.compiler.TestSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the conformance test finds its cases: any new file in any folder counts, the shared copy wins. */
class CaseDiscoveryTest {

    @TempDir
    Path dir;

    @Test
    void laterRootsReplaceEarlierCasesAndNewCasesArePickedUp() throws Exception {
        Path bundled = dir.resolve("bundled");
        Path shared = dir.resolve("shared");
        Files.createDirectories(bundled.resolve("invalid"));
        Files.createDirectories(shared.resolve("invalid"));
        Files.createDirectories(shared.resolve("scenarios"));
        Files.writeString(bundled.resolve("invalid/a.irqtopo"), "old");
        Files.writeString(bundled.resolve("invalid/only-bundled.irqtopo"), "");
        Files.writeString(bundled.resolve("README.md"), "");
        Files.writeString(shared.resolve("invalid/a.irqtopo"), "new");
        Files.writeString(shared.resolve("scenarios/b.irqtopo"), "");
        Files.writeString(shared.resolve("scenarios/b.expect.json"), "{}");

        Map<String, Path> cases = ConformanceTest.cases(List.of(bundled, shared));

        assertThat(cases.keySet()).containsExactly("invalid/a.irqtopo", "invalid/only-bundled.irqtopo",
                "scenarios/b.irqtopo").inOrder();
        assertThat(Files.readString(cases.get("invalid/a.irqtopo"))).isEqualTo("new");
    }

    /** Every folder of a root counts, whatever its name: the arm64 and riscv64 ones need no code of their own. */
    @Test
    void casesDroppedIntoTheArchitecturesFoldersArePickedUp() throws Exception {
        Path bundled = dir.resolve("bundled");
        for (String folder : List.of("scenarios-arm64", "invalid-arm64", "scenarios-riscv64", "invalid-riscv64")) {
            Files.createDirectories(bundled.resolve(folder));
            Files.writeString(bundled.resolve(folder).resolve("new.irqtopo"), "");
        }
        Files.writeString(bundled.resolve("scenarios-riscv64/new.expect.json"), "{}");

        Map<String, Path> cases = ConformanceTest.cases(List.of(bundled));

        assertThat(cases.keySet()).containsExactly("invalid-arm64/new.irqtopo", "invalid-riscv64/new.irqtopo",
                "scenarios-arm64/new.irqtopo", "scenarios-riscv64/new.irqtopo").inOrder();
    }

    /** The bundled copy the conformance test runs holds the riscv64 cases beside the x86 and arm64 ones. */
    @Test
    void theBundledCopyHoldsEveryArchitecturesCases() {
        Map<String, Path> cases = ConformanceTest.cases(List.of(TestSources.resource("conformance")));

        for (String folder : List.of("scenarios/", "invalid/", "scenarios-arm64/", "invalid-arm64/",
                "scenarios-riscv64/", "invalid-riscv64/")) {
            assertWithMessage("cases in %s", folder).that(cases.keySet().stream().anyMatch(k -> k.startsWith(folder)))
                    .isTrue();
        }
    }

    @Test
    void findsTheSharedFolderAboveTheWorkingDirectoryWhenThereIsOne() {
        ConformanceTest.shared().ifPresent(found -> {
            assertThat(found.endsWith(Path.of("shared", "conformance-v2"))).isTrue();
            assertThat(Files.isDirectory(found.resolve("invalid"))).isTrue();
        });
    }
}
