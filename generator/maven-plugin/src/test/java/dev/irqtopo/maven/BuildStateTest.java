package dev.irqtopo.maven;

import static com.google.common.truth.Truth.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildStateTest {

    @TempDir
    Path dir;

    private PluginRequest request(String packageName) {
        return new PluginRequest(SourceRoot.MAIN, dir.resolve("src"), dir.resolve("out"), Optional.ofNullable(packageName),
                false, false, dir.resolve("state"));
    }

    private static BuildState.Input input(String path, String text) {
        return new BuildState.Input(path, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theDigestCoversThePluginTheParametersAndEveryInput() {
        List<BuildState.Input> inputs = List.of(input("a.irqtopo", "a"), input("b.irqtopo", "b"));
        String digest = BuildState.inputsDigest("plugin 1", request(null), inputs);
        assertThat(digest).hasLength(64);
        assertThat(BuildState.inputsDigest("plugin 1", request(null), inputs)).isEqualTo(digest);
        assertThat(BuildState.inputsDigest("plugin 2", request(null), inputs)).isNotEqualTo(digest);
        assertThat(BuildState.inputsDigest("plugin 1", request("p"), inputs)).isNotEqualTo(digest);
        assertThat(BuildState.inputsDigest("plugin 1", request(null), List.of(input("a.irqtopo", "a"))))
                .isNotEqualTo(digest);
        assertThat(BuildState.inputsDigest("plugin 1", request(null),
                List.of(input("a.irqtopo", "a"), input("c.irqtopo", "b")))).isNotEqualTo(digest);
        // the boundary between two files is part of the digest
        assertThat(BuildState.inputsDigest("plugin 1", request(null),
                List.of(input("a.irqtopo", "ab"), input("b.irqtopo", "")))).isNotEqualTo(
                BuildState.inputsDigest("plugin 1", request(null), List.of(input("a.irqtopo", "a"), input("b.irqtopo", "b"))));
    }

    @Test
    void aStateReadsBackAndMatchesOnlyUntouchedOutputs() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out/p"));
        Files.writeString(out.resolve("A.java"), "class A {}");
        BuildState state = new BuildState("d1", Map.of("p/A.java", BuildState.contentDigest("class A {}".getBytes(
                StandardCharsets.UTF_8))));
        state.write(dir.resolve("t/state"));
        BuildState read = BuildState.read(dir.resolve("t/state")).orElseThrow();
        assertThat(read).isEqualTo(state);
        assertThat(read.matches("d1", dir.resolve("out"))).isTrue();
        assertThat(read.matches("d2", dir.resolve("out"))).isFalse();
        Files.writeString(out.resolve("A.java"), "class A { }");
        assertThat(read.matches("d1", dir.resolve("out"))).isFalse();
    }

    @Test
    void aMissingOrDamagedStateIsNoState() throws Exception {
        assertThat(BuildState.read(dir.resolve("none"))).isEmpty();
        Files.writeString(dir.resolve("bad"), "something else\n");
        assertThat(BuildState.read(dir.resolve("bad"))).isEmpty();
        Files.writeString(dir.resolve("bad2"), "inputs x\noutput only-two\n");
        assertThat(BuildState.read(dir.resolve("bad2"))).isEmpty();
    }
}
