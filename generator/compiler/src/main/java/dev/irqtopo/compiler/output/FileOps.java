package dev.irqtopo.compiler.output;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The file system operations a sync performs, in one place so that tests can make any one of them
 * fail and watch the sync put everything back.
 */
interface FileOps {

    void write(Path file, byte[] bytes) throws IOException;

    /** Renames within one file system, atomically where the file system can. */
    void move(Path from, Path to) throws IOException;

    void createDirectory(Path dir) throws IOException;

    void delete(Path path) throws IOException;

    /** The real file system. */
    FileOps DISK = new FileOps() {
        @Override
        public void write(Path file, byte[] bytes) throws IOException {
            Files.write(file, bytes);
        }

        @Override
        public void move(Path from, Path to) throws IOException {
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to);
            }
        }

        @Override
        public void createDirectory(Path dir) throws IOException {
            Files.createDirectory(dir);
        }

        @Override
        public void delete(Path path) throws IOException {
            Files.delete(path);
        }
    };
}
