package dev.irqtopo.conformance;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the conformance test finds its cases: any new file counts, the shared copy wins. */
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

    @Test
    void findsTheSharedFolderAboveTheWorkingDirectoryWhenThereIsOne() {
        ConformanceTest.shared().ifPresent(found -> {
            assertThat(found.endsWith(Path.of("shared", "conformance-v2"))).isTrue();
            assertThat(Files.isDirectory(found.resolve("invalid"))).isTrue();
        });
    }
}
