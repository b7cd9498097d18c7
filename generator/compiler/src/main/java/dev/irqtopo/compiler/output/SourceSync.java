package dev.irqtopo.compiler.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes generated files into an output directory, touching only files whose content changed, so
 * that an unchanged source keeps its timestamp and incremental compilers leave it alone (writing
 * everything, as {@code JavaFile.writeTo} does, would recompile everything on every build).
 *
 * <p>Two modes: {@link #update} for a directory irqtopo owns (the Maven plugin's), which may also
 * remove files no input produces any more; and {@link #replaceAtomically} for a directory the user
 * named ({@code irqtopo generate -d DIR}), which never deletes anything and either writes every
 * changed file or, on any failure, leaves the directory exactly as it was.
 */
public final class SourceSync {

    private final FileOps ops;

    SourceSync(FileOps ops) {
        this.ops = ops;
    }

    /**
     * Writes each changed file; when {@code deleteStale}, removes every other file under {@code dir}
     * and the directories that leaves empty. A failure may leave part of the work done.
     */
    public static SyncReport update(Path dir, List<GeneratedFile> files, boolean deleteStale) throws IOException {
        return new SourceSync(FileOps.DISK).updateWith(dir, files, deleteStale);
    }

    /**
     * Writes each changed file, all or nothing: the new contents are staged in a directory beside
     * {@code dir} and moved into place; if any step fails, every file moved so far is put back and
     * every directory created is removed before the exception is thrown. Nothing is deleted.
     */
    public static SyncReport replaceAtomically(Path dir, List<GeneratedFile> files) throws IOException {
        return new SourceSync(FileOps.DISK).replaceAtomicallyWith(dir, files);
    }

    SyncReport updateWith(Path dir, List<GeneratedFile> files, boolean deleteStale) throws IOException {
        Plan plan = Plan.of(dir, files);
        for (GeneratedFile file : plan.changed()) {
            Path target = dir.resolve(file.relativePath());
            createDirectories(target.getParent(), new ArrayDeque<>());
            // a whole new file appears at once: written beside its target, then renamed over it
            Path temporary = target.resolveSibling("." + target.getFileName() + ".irqtopo-tmp");
            ops.write(temporary, bytes(file));
            ops.move(temporary, target);
        }
        List<String> deleted = deleteStale ? deleteStale(dir, plan.paths()) : List.of();
        return new SyncReport(plan.changedPaths(), plan.unchangedPaths(), deleted);
    }

    SyncReport replaceAtomicallyWith(Path dir, List<GeneratedFile> files) throws IOException {
        Plan plan = Plan.of(dir, files);
        if (plan.changed().isEmpty()) {
            return new SyncReport(List.of(), plan.unchangedPaths(), List.of());
        }
        Path absolute = dir.toAbsolutePath().normalize();
        if (absolute.getParent() == null) {
            throw new IOException("cannot generate into the root directory " + absolute);
        }
        Deque<Path> created = new ArrayDeque<>();
        Path staging = null;
        Path backup = null;
        Deque<Runnable> undo = new ArrayDeque<>();
        try {
            createDirectories(absolute.getParent(), created);
            staging = Files.createTempDirectory(absolute.getParent(), "." + absolute.getFileName() + ".irqtopo-new-");
            for (GeneratedFile file : plan.changed()) {
                Path staged = staging.resolve(file.relativePath());
                createDirectories(staged.getParent(), new ArrayDeque<>());
                ops.write(staged, bytes(file));
            }
            if (!Files.exists(absolute)) {
                ops.move(staging, absolute);
                staging = null;
            } else {
                backup = Files.createTempDirectory(absolute.getParent(), "." + absolute.getFileName() + ".irqtopo-old-");
                commit(absolute, staging, backup, plan.changed(), created, undo);
            }
        } catch (IOException | RuntimeException e) {
            undoMoves(undo, e);
            deleteTree(staging);
            deleteTree(backup);
            removeCreated(created, e);
            throw e;
        }
        deleteTree(staging);
        deleteTree(backup);
        return new SyncReport(plan.changedPaths(), plan.unchangedPaths(), List.of());
    }

    /** Moves each staged file into place, the file it replaces into the backup, recording how to undo each move. */
    private void commit(Path dir, Path staging, Path backup, List<GeneratedFile> changed, Deque<Path> created,
                        Deque<Runnable> undo) throws IOException {
        for (GeneratedFile file : changed) {
            Path target = dir.resolve(file.relativePath());
            createDirectories(target.getParent(), created);
            if (Files.exists(target)) {
                Path saved = backup.resolve(file.relativePath());
                createDirectories(saved.getParent(), new ArrayDeque<>());
                ops.move(target, saved);
                undo.push(() -> restore(saved, target));
            }
            ops.move(staging.resolve(file.relativePath()), target);
            undo.push(() -> remove(target));
        }
    }

    /** Undoes every recorded move, newest first. */
    private static void undoMoves(Deque<Runnable> undo, Exception cause) {
        while (!undo.isEmpty()) {
            try {
                undo.pop().run();
            } catch (RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    }

    /** Removes the directories the sync created, innermost first. */
    private void removeCreated(Deque<Path> created, Exception cause) {
        while (!created.isEmpty()) {
            try {
                ops.delete(created.pop());
            } catch (IOException e) {
                cause.addSuppressed(e);
            }
        }
    }

    private void restore(Path saved, Path target) {
        try {
            ops.move(saved, target);
        } catch (IOException e) {
            throw new IllegalStateException("could not restore " + target + " from " + saved, e);
        }
    }

    private void remove(Path target) {
        try {
            ops.delete(target);
        } catch (IOException e) {
            throw new IllegalStateException("could not remove " + target, e);
        }
    }

    /** Creates {@code dir} and its missing parents, recording each one created, outermost first. */
    private void createDirectories(Path dir, Deque<Path> created) throws IOException {
        if (dir == null || Files.isDirectory(dir)) {
            return;
        }
        createDirectories(dir.getParent(), created);
        ops.createDirectory(dir);
        created.push(dir);
    }

    private List<String> deleteStale(Path dir, Set<String> produced) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> all;
        try (Stream<Path> walk = Files.walk(dir)) {
            all = walk.sorted(Comparator.reverseOrder()).toList();
        }
        List<String> deleted = new ArrayList<>();
        for (Path path : all) {
            if (path.equals(dir)) {
                continue;
            }
            if (Files.isDirectory(path)) {
                try (Stream<Path> entries = Files.list(path)) {
                    if (entries.findAny().isEmpty()) {
                        ops.delete(path);
                    }
                }
            } else if (!produced.contains(Plan.relative(dir, path))) {
                ops.delete(path);
                deleted.add(Plan.relative(dir, path));
            }
        }
        deleted.sort(Comparator.naturalOrder());
        return deleted;
    }

    private void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a leftover hidden staging directory is untidy, not wrong: the output is complete
        }
    }

    private static byte[] bytes(GeneratedFile file) {
        return file.content().getBytes(StandardCharsets.UTF_8);
    }

    /** Which files differ from what the directory holds, decided before anything is written. */
    private record Plan(List<GeneratedFile> changed, List<GeneratedFile> unchanged) {

        static Plan of(Path dir, List<GeneratedFile> files) throws IOException {
            Set<String> seen = new HashSet<>();
            List<GeneratedFile> changed = new ArrayList<>();
            List<GeneratedFile> unchanged = new ArrayList<>();
            for (GeneratedFile file : files) {
                if (!seen.add(file.relativePath())) {
                    throw new IllegalArgumentException("two generated files at " + file.relativePath());
                }
                Path target = dir.resolve(file.relativePath());
                if (Files.isDirectory(target)) {
                    throw new IOException("cannot write " + target + ": it is a directory");
                }
                boolean same = Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes(file));
                (same ? unchanged : changed).add(file);
            }
            return new Plan(changed, unchanged);
        }

        Set<String> paths() {
            Set<String> paths = new HashSet<>();
            changed.forEach(f -> paths.add(f.relativePath()));
            unchanged.forEach(f -> paths.add(f.relativePath()));
            return paths;
        }

        List<String> changedPaths() {
            return changed.stream().map(GeneratedFile::relativePath).sorted().toList();
        }

        List<String> unchangedPaths() {
            return unchanged.stream().map(GeneratedFile::relativePath).sorted().toList();
        }

        static String relative(Path dir, Path file) {
            return dir.relativize(file).toString().replace(java.io.File.separatorChar, '/');
        }
    }
}
