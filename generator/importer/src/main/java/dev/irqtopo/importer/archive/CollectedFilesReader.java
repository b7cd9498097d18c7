package dev.irqtopo.importer.archive;

import dev.irqtopo.importer.BadInputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads the collected files from a directory, or from a tar archive (gzip-compressed or not) as irqtopo
 * collect writes it. An archive is untrusted: nothing of it is ever written to disk; its files are read
 * into memory by name, and an entry that could do harm if extracted (an absolute path, a {@code ..}, a
 * symbolic or hard link, a device or FIFO, a file past {@link CollectedFiles#MAX_FILE_BYTES}) refuses
 * the whole archive, as do too many entries or too many bytes in all.
 */
public final class CollectedFilesReader {

    static final int MAX_ENTRIES = 1000;
    static final long MAX_TOTAL_BYTES = 64L << 20;

    private CollectedFilesReader() {
    }

    /** Reads a directory or an archive; an unreadable path is an {@link IOException}. */
    public static CollectedFiles read(Path path) throws IOException, BadInputException {
        return Files.isDirectory(path) ? directory(path) : archive(path);
    }

    private static CollectedFiles directory(Path dir) throws IOException, BadInputException {
        Map<String, byte[]> files = new HashMap<>();
        for (String name : CollectedFiles.NAMES) {
            Path file = dir.resolve(name);
            if (Files.isRegularFile(file)) {
                // sysfs reports table files with size 0: read at most one byte past the limit instead
                try (InputStream in = Files.newInputStream(file)) {
                    byte[] bytes = in.readNBytes((int) CollectedFiles.MAX_FILE_BYTES + 1);
                    if (bytes.length > CollectedFiles.MAX_FILE_BYTES) {
                        throw new BadInputException(file.toString(), "", "larger than "
                                + (CollectedFiles.MAX_FILE_BYTES >> 20) + " MiB");
                    }
                    files.put(name, bytes);
                }
            }
        }
        return new CollectedFiles(dir.toString(), files);
    }

    private static CollectedFiles archive(Path path) throws IOException, BadInputException {
        String origin = path.toString();
        Map<String, byte[]> files = new HashMap<>();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(path))) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            InputStream data = gzip ? new GZIPInputStream(raw) : raw;
            TarArchiveInputStream tar = new TarArchiveInputStream(data);
            long total = 0;
            int entries = 0;
            TarArchiveEntry entry;
            while ((entry = nextEntry(tar, origin)) != null) {
                String name = entry.getName();
                String where = "entry " + (entries + 1) + " \"" + name + "\"";
                if (++entries > MAX_ENTRIES) {
                    throw new BadInputException(origin, where, "refused: more than " + MAX_ENTRIES + " entries");
                }
                refuseUnsafe(origin, where, entry);
                if (entry.isDirectory()) {
                    continue;
                }
                String[] parts = name.replaceFirst("^\\./", "").split("/");
                String base = parts[parts.length - 1];
                if (parts.length > 2 || !CollectedFiles.NAMES.contains(base)) {
                    continue; // not one of ours: skipped unread
                }
                byte[] bytes = tar.readNBytes((int) CollectedFiles.MAX_FILE_BYTES + 1);
                total += bytes.length;
                if (bytes.length > CollectedFiles.MAX_FILE_BYTES || total > MAX_TOTAL_BYTES) {
                    throw new BadInputException(origin, where, "refused: more bytes than "
                            + (CollectedFiles.MAX_FILE_BYTES >> 20) + " MiB for a file or "
                            + (MAX_TOTAL_BYTES >> 20) + " MiB in all");
                }
                if (files.put(base, bytes) != null) {
                    throw new BadInputException(origin, where, "refused: a second " + base);
                }
            }
            if (entries == 0) {
                throw new BadInputException(origin, "", "not a tar archive, nor a gzip-compressed one");
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new BadInputException(origin, "", "not a valid gzip or tar archive (" + e.getMessage() + ")");
        }
        return new CollectedFiles(origin, files);
    }

    private static TarArchiveEntry nextEntry(TarArchiveInputStream tar, String origin) throws BadInputException {
        try {
            return tar.getNextEntry();
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException(origin, "", "not a valid tar archive (" + e.getMessage() + ")");
        }
    }

    private static void refuseUnsafe(String origin, String where, TarArchiveEntry entry) throws BadInputException {
        String name = entry.getName();
        String problem = null;
        if (name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*")) {
            problem = "an absolute path";
        } else if (("/" + name.replace('\\', '/') + "/").contains("/../")) {
            problem = "a path that leads out with \"..\"";
        } else if (entry.isSymbolicLink()) {
            problem = "a symbolic link (to \"" + entry.getLinkName() + "\")";
        } else if (entry.isLink()) {
            problem = "a hard link (to \"" + entry.getLinkName() + "\")";
        } else if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
            problem = "a device or FIFO";
        } else if (!entry.isDirectory() && !entry.isFile()) {
            problem = "neither a file nor a directory";
        } else if (entry.getSize() > CollectedFiles.MAX_FILE_BYTES) {
            problem = "a file of " + entry.getSize() + " bytes, more than " + (CollectedFiles.MAX_FILE_BYTES >> 20)
                    + " MiB";
        }
        if (problem != null) {
            throw new BadInputException(origin, where, "refused: " + problem);
        }
    }
}
