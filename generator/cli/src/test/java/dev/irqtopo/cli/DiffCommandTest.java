package dev.irqtopo.cli;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.irqtopo.compiler.TestSources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code diff} end to end: exit codes, what it prints, and what it refuses. */
class DiffCommandTest {

    private static final String TWO_PLATFORMS = """
            platform A {
                cpu x86 { cpus 1; }
            }
            platform B {
                cpu x86 { cpus %d; }
            }
            """;

    @TempDir
    Path dir;

    private static String sample(String name) {
        return TestSources.resource("samples/" + name + ".irqtopo").toString();
    }

    private String file(String name, String text) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, text, StandardCharsets.UTF_8);
        return path.toString();
    }

    @Test
    void aDesignAgainstItselfHasNoDifferences() {
        CommandRun run = CommandRun.of("diff", sample("ims-in-guest"), sample("ims-in-guest"));
        assertThat(run.exit()).isEqualTo(IrqtopoCommand.OK);
        assertThat(run.out()).isEqualTo("no differences\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void identicalDesignsSayTheyDoNotDifferInJsonToo() throws IOException {
        CommandRun run = CommandRun.of("diff", sample("posted"), sample("posted"), "--json");
        assertThat(run.exit()).isEqualTo(IrqtopoCommand.OK);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("differs").asBoolean()).isFalse();
        JsonNode platform = json.get("platforms").get(0);
        assertThat(platform.get("change").asText()).isEqualTo("unchanged");
        assertThat(platform.get("interrupts").size()).isEqualTo(0);
        assertThat(platform.get("isolated").toString()).isEqualTo("{\"old\":true,\"new\":true}");
    }

    @Test
    void remappingOffShowsTheBreachAndLinuxsVerdictChanging() throws IOException {
        CommandRun run = CommandRun.of("diff", sample("guest-trapped"), CommandGoldenTest.remappingOff(), "--json");
        assertThat(run.exit()).isEqualTo(DiffCommand.DIFFERENCES);
        JsonNode platform = new ObjectMapper().readTree(run.out()).get("platforms").get(0);
        assertThat(platform.get("declarations").get(0).toString()).isEqualTo("{\"part\":\"iommu\",\"name\":\"dmar0\","
                + "\"change\":\"changed\",\"fields\":[{\"field\":\"remapping\",\"old\":\"on\",\"new\":\"off\"}]}");
        assertThat(platform.get("isolated").toString()).isEqualTo("{\"old\":true,\"new\":false}");
        List<String> findings = new ArrayList<>();
        platform.get("findings").forEach(f -> findings.add(f.get("change").asText() + " " + f.get("guest").asText() + " "
                + f.get("device").asText() + " " + f.get("means").asText() + " " + f.get("victim").asText() + " "
                + f.get("class").asText()));
        assertThat(findings).containsExactly("added vm0 vf dma host no-remapping", "added vm0 dsa dma host no-remapping");
        for (JsonNode assignment : platform.get("assignments")) {
            assertThat(assignment.get("fields").get(0).toString())
                    .isEqualTo("{\"field\":\"linux_isolated_msi\",\"old\":true,\"new\":false}");
        }
        assertThat(platform.get("assignments").size()).isEqualTo(2);
    }

    @Test
    void platformsAreMatchedByNameAndOneCanBeChosen() throws IOException {
        String old = file("old.irqtopo", TWO_PLATFORMS.formatted(1));
        String now = file("new.irqtopo", TWO_PLATFORMS.formatted(2));
        CommandRun all = CommandRun.of("diff", old, now);
        assertThat(all.exit()).isEqualTo(DiffCommand.DIFFERENCES);
        assertThat(all.out()).startsWith("platform A: no differences\nplatform B\n  declarations\n");
        assertThat(all.out()).contains("    cpu   changed  cpus      1    2\n");

        CommandRun a = CommandRun.of("diff", old, now, "--platform", "A");
        assertThat(a.exit()).isEqualTo(IrqtopoCommand.OK);
        assertThat(a.out()).isEqualTo("no differences\n");
    }

    @Test
    void aPlatformEitherFileLacksIsOneLineAndAUsageError() throws IOException {
        String old = file("old.irqtopo", TWO_PLATFORMS.formatted(1));
        String now = file("new.irqtopo", "platform A {\n    cpu x86 { cpus 1; }\n}\n");
        CommandRun run = CommandRun.of("diff", old, now, "--platform", "B");
        assertThat(run.exit()).isEqualTo(IrqtopoCommand.USAGE);
        assertThat(run.err()).isEqualTo("irqtopo: " + now + " declares no platform B (it declares A)\n");
        assertThat(run.out()).isEmpty();

        CommandRun added = CommandRun.of("diff", now, old);
        assertThat(added.exit()).isEqualTo(DiffCommand.DIFFERENCES);
        assertThat(added.out()).isEqualTo("platform A: no differences\nplatform B: added\n");
    }

    @Test
    void errorsInEitherFileArePrintedAsCheckPrintsThemAndNothingElse() throws IOException {
        String good = sample("posted");
        String bad = file("bad.irqtopo", "platform P {\n    cpu x86 { cpus 1; }\n    host { stack nci.msix: vector -> msix; }\n}\n");
        CommandRun run = CommandRun.of("diff", bad, good);
        assertThat(run.exit()).isEqualTo(IrqtopoCommand.INPUT_ERRORS);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo(CommandRun.of("check", bad).err());
        assertThat(run.err()).contains("bad.irqtopo:3:18: error:");

        CommandRun both = CommandRun.of("diff", bad, bad);
        assertThat(both.exit()).isEqualTo(IrqtopoCommand.INPUT_ERRORS);
        assertThat(both.err()).isEqualTo(run.err() + run.err());
    }

    @Test
    void aFileThatCannotBeReadIsAUsageError() {
        CommandRun run = CommandRun.of("diff", dir.resolve("missing.irqtopo").toString(), sample("posted"));
        assertThat(run.exit()).isEqualTo(IrqtopoCommand.USAGE);
        assertThat(run.err()).startsWith("irqtopo: ");
        assertThat(run.err().lines().count()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void withoutTwoFilesItSaysHowToUseIt() {
        CommandRun run = CommandRun.of("diff", sample("posted"));
        assertThat(run.exit()).isEqualTo(IrqtopoCommand.USAGE);
        assertThat(run.err()).contains("Usage: irqtopo diff");
    }
}
