package dev.irqtopo.importer.archive;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The files irqtopo collect gathers, by the names it gives them, as read from an archive or a directory.
 *
 * @param origin the archive or directory they came from
 */
public record CollectedFiles(String origin, Map<String, byte[]> files) {

    public static final String DMAR = "DMAR";
    public static final String IVRS = "IVRS";
    public static final String LSPCI_VERBOSE = "lspci-vvv.txt";
    public static final String LSPCI_CONFIG = "lspci-xxx.txt";
    public static final String CPUINFO = "cpuinfo";
    public static final String IOMMU_GROUPS = "iommu-groups.txt";
    public static final String KERNEL_RELEASE = "kernel-release";

    /** Every name import reads, in the order it reads them. */
    public static final List<String> NAMES =
            List.of(DMAR, IVRS, LSPCI_VERBOSE, LSPCI_CONFIG, CPUINFO, IOMMU_GROUPS, KERNEL_RELEASE);

    /** A file larger than this is refused: the largest real one, lspci -vvv of a big server, is a few MiB. */
    public static final long MAX_FILE_BYTES = 16L << 20;

    public CollectedFiles {
        files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
    }

    public Optional<byte[]> get(String name) {
        return Optional.ofNullable(files.get(name)).map(byte[]::clone);
    }

    public boolean has(String name) {
        return files.containsKey(name);
    }
}
