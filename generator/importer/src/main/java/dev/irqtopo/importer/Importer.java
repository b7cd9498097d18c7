package dev.irqtopo.importer;

import dev.irqtopo.importer.acpi.dmar.DmarParser;
import dev.irqtopo.importer.acpi.dmar.DmarTable;
import dev.irqtopo.importer.acpi.ivrs.IvrsParser;
import dev.irqtopo.importer.acpi.ivrs.IvrsTable;
import dev.irqtopo.importer.archive.CollectedFiles;
import dev.irqtopo.importer.cpu.CpuInfoParser;
import dev.irqtopo.importer.cpu.CpuList;
import dev.irqtopo.importer.design.DesignWriter;
import dev.irqtopo.importer.design.Finding;
import dev.irqtopo.importer.design.ImportedMachine;
import dev.irqtopo.importer.pci.IommuGroups;
import dev.irqtopo.importer.pci.PciFunction;
import dev.irqtopo.importer.pci.lspci.ConfigSpaceParser;
import dev.irqtopo.importer.pci.lspci.LspciVerboseParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The importer's facade: the collected files in, the text of an {@code .irqtopo} platform out, with what
 * import found on the way. The first file that cannot be read fails the whole import.
 */
public final class Importer {

    private Importer() {
    }

    /** The imported design and what was found on the way. */
    public record Result(String design, List<Finding> findings) {

        public Result {
            findings = List.copyOf(findings);
        }
    }

    public static Result run(CollectedFiles collected, String platform) throws BadInputException {
        List<Finding> findings = new ArrayList<>();
        Optional<byte[]> dmarBytes = collected.get(CollectedFiles.DMAR);
        Optional<byte[]> ivrsBytes = collected.get(CollectedFiles.IVRS);
        if (dmarBytes.isEmpty() && ivrsBytes.isEmpty() && !collected.has(CollectedFiles.LSPCI_VERBOSE)
                && !collected.has(CollectedFiles.LSPCI_CONFIG)) {
            throw new BadInputException(collected.origin(), "", "none of the files import reads: "
                    + String.join(", ", CollectedFiles.NAMES.subList(0, 4)));
        }
        DmarTable dmar = dmarBytes.isPresent() ? DmarParser.parse(CollectedFiles.DMAR, dmarBytes.get()) : null;
        IvrsTable ivrs = ivrsBytes.isPresent() ? IvrsParser.parse(CollectedFiles.IVRS, ivrsBytes.get()) : null;
        if (dmar == null && ivrs == null) {
            findings.add(Finding.note("", "no DMAR or IVRS table: no IOMMU declared"));
        }
        List<PciFunction> functions = List.of();
        Optional<String> pciSource = Optional.empty();
        if (collected.has(CollectedFiles.LSPCI_VERBOSE)) {
            functions = LspciVerboseParser.parse(CollectedFiles.LSPCI_VERBOSE, text(collected, CollectedFiles.LSPCI_VERBOSE));
            pciSource = Optional.of(CollectedFiles.LSPCI_VERBOSE);
        } else if (collected.has(CollectedFiles.LSPCI_CONFIG)) {
            functions = ConfigSpaceParser.parse(CollectedFiles.LSPCI_CONFIG, text(collected, CollectedFiles.LSPCI_CONFIG));
            pciSource = Optional.of(CollectedFiles.LSPCI_CONFIG);
        } else {
            findings.add(Finding.note("", "no lspci-vvv.txt or lspci-xxx.txt: only the devices the tables name, "
                    + "without storages"));
        }
        Optional<CpuList> cpus = Optional.empty();
        if (collected.has(CollectedFiles.CPUINFO)) {
            cpus = Optional.of(CpuInfoParser.parse(CollectedFiles.CPUINFO, text(collected, CollectedFiles.CPUINFO)));
        } else {
            findings.add(Finding.note("", "no cpuinfo: one CPU assumed"));
        }
        Optional<IommuGroups> groups = collected.has(CollectedFiles.IOMMU_GROUPS)
                ? Optional.of(IommuGroups.parse(CollectedFiles.IOMMU_GROUPS, text(collected, CollectedFiles.IOMMU_GROUPS)))
                : Optional.empty();
        Optional<String> release = collected.has(CollectedFiles.KERNEL_RELEASE)
                ? Optional.of(text(collected, CollectedFiles.KERNEL_RELEASE).strip()).filter(r -> r.matches("[\\x20-\\x7e]{1,100}"))
                : Optional.empty();
        List<String> files = CollectedFiles.NAMES.stream().filter(collected::has).toList();
        ImportedMachine machine = new ImportedMachine(collected.origin(), files, Optional.ofNullable(dmar),
                Optional.ofNullable(ivrs), functions, pciSource, cpus, groups, release);
        String design = DesignWriter.write(machine, platform, findings);
        return new Result(design, findings);
    }

    private static String text(CollectedFiles collected, String name) throws BadInputException {
        byte[] bytes = collected.get(name).orElseThrow();
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new BadInputException(name, BadInputException.atByte(i), "a NUL byte: not text");
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
