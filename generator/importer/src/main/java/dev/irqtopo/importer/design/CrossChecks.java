package dev.irqtopo.importer.design;

import dev.irqtopo.importer.acpi.dmar.DmarTable;
import dev.irqtopo.importer.pci.PciAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Where the tables disagree with each other, with the CPUs, or with the IOMMU groups Linux formed. */
final class CrossChecks {

    private CrossChecks() {
    }

    /** {@code iommus}: the IOMMUs' own functions, which no unit covers by design. */
    static void run(ImportedMachine machine, List<Unit> units, Map<PciAddress, Optional<Unit>> coverage,
            Set<PciAddress> iommus, List<Finding> findings) {
        machine.dmar().ifPresent(dmar -> dmarFlags(machine, dmar, findings));
        if (!units.isEmpty()) {
            uncovered(machine, coverage, iommus, findings);
        }
        machine.groups().ifPresent(groups -> groups.groups().forEach((group, members) -> {
            Set<String> owners = new TreeSet<>();
            for (PciAddress member : members) {
                Optional<Unit> unit = coverage.getOrDefault(member, Optional.empty());
                owners.add(unit.map(Unit::name).orElse("none"));
                if (!coverage.containsKey(member)) {
                    findings.add(Finding.warning("iommu-groups.txt", "IOMMU group " + group + " holds " + member
                            + ", a function lspci does not show"));
                }
            }
            if (owners.size() > 1 || owners.contains("none") && !units.isEmpty()) {
                findings.add(Finding.warning("iommu-groups.txt", "IOMMU group " + group + " (" + members.size()
                        + " function(s)) is not explained by the tables: its functions are under " + owners));
            }
        }));
    }

    private static void dmarFlags(ImportedMachine machine, DmarTable dmar, List<Finding> findings) {
        String flags = String.format("DMAR byte 0x%x", DmarTable.FLAGS_OFFSET);
        if (!dmar.intrRemap()) {
            findings.add(Finding.warning(flags, "INTR_REMAP is clear: no DMAR unit remaps interrupts, so a device "
                    + "assigned to a guest can send any interrupt to the host"));
        }
        int cpus = machine.cpus().map(c -> c.count()).orElse(0);
        if (dmar.x2apicOptOut() && cpus > 255) {
            findings.add(Finding.warning(flags, "X2APIC_OPT_OUT is set on a machine with " + cpus
                    + " CPUs: in xAPIC mode interrupts can reach only 255 of them"));
        }
    }

    private static void uncovered(ImportedMachine machine, Map<PciAddress, Optional<Unit>> coverage,
            Set<PciAddress> iommus, List<Finding> findings) {
        String table = machine.dmar().isPresent() ? "DMAR" : "IVRS";
        coverage.forEach((function, unit) -> {
            if (unit.isEmpty() && !iommus.contains(function)) {
                findings.add(Finding.warning(table, function + " is in no " + (table.equals("DMAR")
                        ? "DRHD's device scope, and no DRHD of its segment has INCLUDE_PCI_ALL"
                        : "IVHD's device entries") + ": no IOMMU remaps its interrupts"));
            }
        });
    }
}
