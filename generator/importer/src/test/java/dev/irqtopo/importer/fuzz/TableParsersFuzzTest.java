package dev.irqtopo.importer.fuzz;

import static com.google.common.truth.Truth.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.irqtopo.importer.BadInputException;
import dev.irqtopo.importer.Importer;
import dev.irqtopo.importer.acpi.dmar.DmarParser;
import dev.irqtopo.importer.acpi.ivrs.IvrsParser;
import dev.irqtopo.importer.archive.CollectedFiles;
import java.util.Map;

/**
 * Arbitrary bytes as a DMAR and as an IVRS table, then through the whole import: each either parses or
 * fails with one line naming the table, never with another exception. A normal build replays the inputs
 * under {@code TableParsersFuzzTestInputs/tables/} (seeds: the QEMU and iasl tables). To fuzz, from the
 * repository root:
 *
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -B -pl generator/importer -am test -Dtest=TableParsersFuzzTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Djazzer.max_duration=10m
 * </pre>
 */
class TableParsersFuzzTest {

    @FuzzTest
    void tables(byte[] input) {
        oneLine("DMAR", () -> DmarParser.parse("DMAR", input));
        oneLine("IVRS", () -> IvrsParser.parse("IVRS", input));
        oneLine("DMAR", () -> Importer.run(new CollectedFiles("fuzz", Map.of("DMAR", input)), "Fuzz"));
        oneLine("IVRS", () -> Importer.run(new CollectedFiles("fuzz", Map.of("IVRS", input)), "Fuzz"));
    }

    private interface Parse {
        Object run() throws BadInputException;
    }

    private static void oneLine(String table, Parse parse) {
        try {
            parse.run();
        } catch (BadInputException e) {
            assertThat(e.getMessage()).startsWith(table + " ");
            assertThat(e.getMessage()).doesNotContain("\n");
        }
    }
}
