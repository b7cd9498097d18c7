package dev.irqtopo.compiler.output;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceSyncTest {

    @TempDir
    Path root;

    private static final FileTime LONG_AGO = FileTime.fromMillis(1_000_000_000_000L);

    private static GeneratedFile file(String path, String content) {
        return new GeneratedFile(path, content);
    }

    /** Every file and directory under {@code dir} with its content (directories as {@code <dir>}). */
    private static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> tree = new TreeMap<>();
        if (!Files.exists(dir)) {
            return tree;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                String name = dir.relativize(p).toString().replace('\\', '/');
                tree.put(name, Files.isDirectory(p) ? "<dir>" : Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return tree;
    }

    private Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, LONG_AGO);
        return file;
    }

    @Test
    void updateWritesOnlyWhatChanged() throws IOException {
        Path out = root.resolve("out");
        Path same = write(out.resolve("a/Same.java"), "same");
        Path old = write(out.resolve("a/Old.java"), "old");
        SyncReport report = SourceSync.update(out, List.of(file("a/Same.java", "same"), file("a/Old.java", "new"),
                file("b/c/New.java", "fresh")), false);
        assertThat(report.written()).containsExactly("a/Old.java", "b/c/New.java").inOrder();
        assertThat(report.unchanged()).containsExactly("a/Same.java");
        assertThat(report.deleted()).isEmpty();
        assertThat(Files.getLastModifiedTime(same)).isEqualTo(LONG_AGO);
        assertThat(Files.getLastModifiedTime(old)).isNotEqualTo(LONG_AGO);
        assertThat(tree(out)).containsExactly("", "<dir>", "a", "<dir>", "a/Same.java", "same", "a/Old.java", "new",
                "b", "<dir>", "b/c", "<dir>", "b/c/New.java", "fresh");
    }

    @Test
    void updateDeletesWhatNoInputProducesAndTheDirectoriesItEmpties() throws IOException {
        Path out = root.resolve("out");
        write(out.resolve("dev/a/Kept.java"), "k");
        write(out.resolve("dev/a/Renamed.java"), "r");
        write(out.resolve("dev/gone/Gone.java"), "g");
        SyncReport report = SourceSync.update(out, List.of(file("dev/a/Kept.java", "k")), true);
        assertThat(report.deleted()).containsExactly("dev/a/Renamed.java", "dev/gone/Gone.java").inOrder();
        assertThat(report.changed()).isTrue();
        assertThat(tree(out).keySet()).containsExactly("", "dev", "dev/a", "dev/a/Kept.java");
    }

    @Test
    void updateWithNothingToDoChangesNothing() throws IOException {
        Path out = root.resolve("out");
        write(out.resolve("X.java"), "x");
        SyncReport report = SourceSync.update(out, List.of(file("X.java", "x")), true);
        assertThat(report.changed()).isFalse();
        assertThat(Files.getLastModifiedTime(out.resolve("X.java"))).isEqualTo(LONG_AGO);
    }

    @Test
    void atomicReplaceCreatesAMissingDirectoryWithItsParents() throws IOException {
        Path out = root.resolve("a/b/out");
        SyncReport report = SourceSync.replaceAtomically(out, List.of(file("p/X.java", "x"), file("Y.java", "y")));
        assertThat(report.written()).containsExactly("Y.java", "p/X.java").inOrder();
        assertThat(tree(out)).containsExactly("", "<dir>", "Y.java", "y", "p", "<dir>", "p/X.java", "x");
        assertThat(tree(root).keySet()).containsExactly("", "a", "a/b", "a/b/out", "a/b/out/Y.java", "a/b/out/p",
                "a/b/out/p/X.java");
    }

    @Test
    void atomicReplaceKeepsOtherFilesAndLeavesNoStagingBehind() throws IOException {
        Path out = root.resolve("out");
        write(out.resolve("Mine.txt"), "user's own");
        write(out.resolve("p/X.java"), "old x");
        write(out.resolve("p/Same.java"), "same");
        SyncReport report = SourceSync.replaceAtomically(out, List.of(file("p/X.java", "new x"), file("p/Same.java", "same"),
                file("q/Z.java", "z")));
        assertThat(report.written()).containsExactly("p/X.java", "q/Z.java").inOrder();
        assertThat(report.unchanged()).containsExactly("p/Same.java");
        assertThat(tree(out)).containsExactly("", "<dir>", "Mine.txt", "user's own", "p", "<dir>", "p/X.java", "new x",
                "p/Same.java", "same", "q", "<dir>", "q/Z.java", "z");
        assertThat(Files.getLastModifiedTime(out.resolve("p/Same.java"))).isEqualTo(LONG_AGO);
        assertThat(tree(root).keySet().stream().filter(n -> n.startsWith(".")).toList()).isEmpty();
    }

    @Test
    void aDirectoryWhereAFileBelongsFailsBeforeAnyChange() throws IOException {
        Path out = root.resolve("out");
        write(out.resolve("p/X.java"), "old x");
        Files.createDirectories(out.resolve("p/Y.java"));
        Map<String, String> before = tree(root);
        IOException e = assertThrows(IOException.class, () -> SourceSync.replaceAtomically(out,
                List.of(file("p/X.java", "new x"), file("p/Y.java", "y"))));
        assertThat(e).hasMessageThat().contains("is a directory");
        assertThat(tree(root)).isEqualTo(before);
    }

    /** Fails the n-th call of the named operation, to interrupt a sync at every possible step. */
    private static final class FailingOps implements FileOps {
        private final String operation;
        private int countdown;

        FailingOps(String operation, int n) {
            this.operation = operation;
            this.countdown = n;
        }

        private void step(String name) throws IOException {
            if (name.equals(operation) && --countdown == 0) {
                throw new IOException("injected failure of " + name);
            }
        }

        @Override
        public void write(Path file, byte[] bytes) throws IOException {
            step("write");
            DISK.write(file, bytes);
        }

        @Override
        public void move(Path from, Path to) throws IOException {
            step("move");
            DISK.move(from, to);
        }

        @Override
        public void createDirectory(Path dir) throws IOException {
            step("createDirectory");
            DISK.createDirectory(dir);
        }

        @Override
        public void delete(Path path) throws IOException {
            DISK.delete(path);
        }
    }

    @Test
    void aFailureAtAnyStepLeavesTheDirectoryExactlyAsItWas() throws IOException {
        List<GeneratedFile> files = List.of(file("p/A.java", "new a"), file("p/B.java", "b"), file("q/r/C.java", "c"),
                file("D.java", "new d"), file("Same.java", "same"));
        int failures = 0;
        for (String operation : List.of("write", "move", "createDirectory")) {
            for (int n = 1; n <= 12; n++) {
                Path out = root.resolve(operation + n).resolve("out");
                write(out.resolve("p/A.java"), "old a");
                write(out.resolve("D.java"), "old d");
                write(out.resolve("Same.java"), "same");
                write(out.resolve("keep/Mine.txt"), "mine");
                Map<String, String> before = tree(out.getParent());
                try {
                    new SourceSync(new FailingOps(operation, n)).replaceAtomicallyWith(out, files);
                    assertThat(tree(out)).containsAtLeast("p/A.java", "new a", "p/B.java", "b", "q/r/C.java", "c",
                            "D.java", "new d", "keep/Mine.txt", "mine");
                } catch (IOException e) {
                    failures++;
                    assertThat(e).hasMessageThat().startsWith("injected failure");
                    assertThat(tree(out.getParent())).isEqualTo(before);
                }
            }
        }
        assertThat(failures).isAtLeast(10);
    }

    @Test
    void aFailureWhileCreatingANewDirectoryLeavesNothing() throws IOException {
        int failures = 0;
        for (String operation : List.of("write", "move", "createDirectory")) {
            for (int n = 1; n <= 6; n++) {
                Path base = root.resolve("fresh-" + operation + n);
                Files.createDirectories(base);
                Path out = base.resolve("x/y/out");
                try {
                    new SourceSync(new FailingOps(operation, n))
                            .replaceAtomicallyWith(out, List.of(file("p/A.java", "a"), file("B.java", "b")));
                    assertThat(tree(out)).containsExactly("", "<dir>", "B.java", "b", "p", "<dir>", "p/A.java", "a");
                } catch (IOException e) {
                    failures++;
                    assertThat(tree(base).keySet()).containsExactly("");
                }
            }
        }
        // the two missing parents and one staged directory, two writes, one move: each fails once
        assertThat(failures).isEqualTo(6);
    }
}
