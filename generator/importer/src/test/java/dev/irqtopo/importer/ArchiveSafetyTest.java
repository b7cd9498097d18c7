package dev.irqtopo.importer;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.irqtopo.importer.archive.CollectedFiles;
import dev.irqtopo.importer.archive.CollectedFilesReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An archive is untrusted: every entry that could write outside where it is read is refused, as zip-slip tests do. */
class ArchiveSafetyTest {

    @TempDir
    Path dir;

    @Test
    void readsTheCollectArchive() throws Exception {
        CollectedFiles files = CollectedFilesReader.read(Fixtures.path("qemu-q35-vtd/collect.tar.gz"));
        assertThat(files.files().keySet()).containsAtLeast("DMAR", "lspci-vvv.txt", "cpuinfo");
    }

    @Test
    void refusesAbsolutePaths() throws IOException {
        assertRefused(entry("/etc/DMAR", e -> { }), "an absolute path");
    }

    @Test
    void refusesDotDot() throws IOException {
        assertRefused(entry("irqtopo-collect/../../DMAR", e -> { }), "\"..\"");
    }

    @Test
    void refusesSymbolicLinks() throws IOException {
        assertRefused(link("irqtopo-collect/DMAR", TarConstants.LF_SYMLINK), "a symbolic link (to \"/etc/shadow\")");
    }

    @Test
    void refusesHardLinks() throws IOException {
        assertRefused(link("irqtopo-collect/DMAR", TarConstants.LF_LINK), "a hard link");
    }

    @Test
    void refusesDevices() throws IOException {
        assertRefused(link("irqtopo-collect/DMAR", TarConstants.LF_CHR), "a device or FIFO");
    }

    @Test
    void refusesHugeFiles() throws IOException {
        Path archive = dir.resolve("huge.tar.gz");
        try (TarArchiveOutputStream tar = tar(archive)) {
            TarArchiveEntry entry = new TarArchiveEntry("irqtopo-collect/lspci-vvv.txt");
            entry.setSize(CollectedFiles.MAX_FILE_BYTES + 1);
            tar.putArchiveEntry(entry);
            byte[] block = new byte[1 << 20];
            for (long left = CollectedFiles.MAX_FILE_BYTES + 1; left > 0; left -= block.length) {
                tar.write(block, 0, (int) Math.min(block.length, left));
            }
            tar.closeArchiveEntry();
        }
        assertRefused(archive, "more than 16 MiB");
    }

    @Test
    void refusesWhatIsNoArchive() throws IOException {
        Path text = dir.resolve("not.tar.gz");
        Files.writeString(text, "hello");
        BadInputException e = assertThrows(BadInputException.class, () -> CollectedFilesReader.read(text));
        assertThat(e).hasMessageThat().contains("not");
    }

    private void assertRefused(Path archive, String why) {
        BadInputException e = assertThrows(BadInputException.class, () -> CollectedFilesReader.read(archive));
        assertThat(e).hasMessageThat().contains("refused: ");
        assertThat(e).hasMessageThat().contains(why);
        // nothing was extracted beside the archive, or anywhere above it
        assertThat(dir.getParent().resolve("DMAR").toFile().exists()).isFalse();
        assertThat(dir.resolve("DMAR").toFile().exists()).isFalse();
    }

    private Path entry(String name, Consumer<TarArchiveEntry> edit) throws IOException {
        Path archive = dir.resolve("a.tar.gz");
        try (TarArchiveOutputStream tar = tar(archive)) {
            TarArchiveEntry entry = new TarArchiveEntry(name, true);
            edit.accept(entry);
            byte[] data = {'D', 'M', 'A', 'R'};
            entry.setSize(data.length);
            tar.putArchiveEntry(entry);
            tar.write(data);
            tar.closeArchiveEntry();
        }
        return archive;
    }

    private Path link(String name, byte type) throws IOException {
        Path archive = dir.resolve("l.tar.gz");
        try (TarArchiveOutputStream tar = tar(archive)) {
            TarArchiveEntry entry = new TarArchiveEntry(name, type);
            entry.setLinkName("/etc/shadow");
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
        }
        return archive;
    }

    private static TarArchiveOutputStream tar(Path archive) throws IOException {
        OutputStream out = new GZIPOutputStream(Files.newOutputStream(archive));
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        return tar;
    }
}
