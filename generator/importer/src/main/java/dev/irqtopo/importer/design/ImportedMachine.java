package dev.irqtopo.importer.design;

import dev.irqtopo.importer.acpi.dmar.DmarTable;
import dev.irqtopo.importer.acpi.ivrs.IvrsTable;
import dev.irqtopo.importer.cpu.CpuList;
import dev.irqtopo.importer.pci.IommuGroups;
import dev.irqtopo.importer.pci.PciFunction;
import java.util.List;
import java.util.Optional;

/**
 * Everything read from the collected files, each part present only when its file was.
 *
 * @param origin    the archive or directory
 * @param files     the names of the files read
 * @param functions the PCI functions, from lspci's text or its dumps (empty without either)
 * @param pciSource the file the functions came from, or empty
 */
public record ImportedMachine(String origin, List<String> files, Optional<DmarTable> dmar, Optional<IvrsTable> ivrs,
        List<PciFunction> functions, Optional<String> pciSource, Optional<CpuList> cpus, Optional<IommuGroups> groups,
        Optional<String> kernelRelease) {

    public ImportedMachine {
        files = List.copyOf(files);
        functions = List.copyOf(functions);
    }
}
