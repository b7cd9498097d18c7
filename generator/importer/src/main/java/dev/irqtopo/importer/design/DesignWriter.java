package dev.irqtopo.importer.design;

import dev.irqtopo.importer.acpi.dmar.DeviceScope;
import dev.irqtopo.importer.acpi.dmar.DmarTable;
import dev.irqtopo.importer.acpi.dmar.Drhd;
import dev.irqtopo.importer.acpi.dmar.DmarStructure;
import dev.irqtopo.importer.acpi.dmar.ScopeType;
import dev.irqtopo.importer.cpu.CpuList;
import dev.irqtopo.importer.pci.PciAddress;
import dev.irqtopo.importer.pci.PciFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes an imported machine as an {@code .irqtopo} platform: the CPUs, each unit with the bus block of the
 * functions it covers, PCIe-to-PCI bridges with the functions behind them, the IOAPIC, and a host block
 * whose stacks are comments. Every declaration is preceded by a comment saying where it came from.
 */
public final class DesignWriter {

    private final ImportedMachine machine;
    private final String platform;
    private final List<Finding> findings;
    private final StringBuilder out = new StringBuilder();
    /** The AMD IOMMUs' own PCI functions, with the IVHD that names each. */
    private final Map<PciAddress, String> iommuFunctions = new LinkedHashMap<>();

    private DesignWriter(ImportedMachine machine, String platform, List<Finding> findings) {
        this.machine = machine;
        this.platform = platform;
        this.findings = findings;
    }

    /** The design's text; findings made on the way are added to {@code findings}. */
    public static String write(ImportedMachine machine, String platform, List<Finding> findings) {
        return new DesignWriter(machine, platform, findings).write();
    }

    private String write() {
        Topology topology = new Topology(machine.functions());
        List<Unit> units = new ArrayList<>();
        machine.dmar().ifPresent(dmar -> units.addAll(DmarUnits.of(dmar, topology, findings)));
        machine.ivrs().ifPresent(ivrs -> units.addAll(IvrsUnits.of(ivrs, findings)));
        List<PciFunction> functions = new ArrayList<>(topology.functions());
        if (machine.pciSource().isEmpty()) {
            functions.addAll(scopedEndpoints(topology));
        }
        Map<PciAddress, Optional<Unit>> coverage = new LinkedHashMap<>();
        Map<PciAddress, String> coveredBy = new LinkedHashMap<>();
        // an AMD IOMMU is a PCI function its own IVHD selects; Linux does not probe it as a device the
        // IOMMU translates (it joins no IOMMU group), so it is declared on the bus no IOMMU covers
        machine.ivrs().ifPresent(ivrs -> ivrs.iommus().forEach(ivhd -> iommuFunctions.put(
                PciAddress.of(ivhd.segment(), ivhd.deviceId()), String.format("IVRS byte 0x%x", ivhd.offset()))));
        for (PciFunction function : functions) {
            Optional<Unit> owner = Optional.empty();
            if (iommuFunctions.containsKey(function.address())) {
                coverage.put(function.address(), owner);
                continue;
            }
            for (Unit unit : units) {
                Optional<String> where = unit.coverage().covers(function.address());
                if (where.isPresent()) {
                    owner = Optional.of(unit);
                    coveredBy.put(function.address(), where.get());
                    break;
                }
            }
            coverage.put(function.address(), owner);
        }
        CrossChecks.run(machine, units, coverage, iommuFunctions.keySet(), findings);

        line(0, "// Imported by irqtopo import from " + machine.origin() + " (" + String.join(", ", machine.files()) + ")");
        machine.kernelRelease().ifPresent(release -> line(0, "// collected under Linux " + release));
        machine.dmar().ifPresent(dmar -> line(0, "// " + dmar.header().describe() + String.format(
                ": INTR_REMAP %s, X2APIC_OPT_OUT %s", dmar.intrRemap() ? "set" : "clear",
                dmar.x2apicOptOut() ? "set" : "clear")));
        machine.ivrs().ifPresent(ivrs -> line(0, "// " + ivrs.header().describe() + String.format(", IVinfo 0x%x",
                ivrs.ivInfo())));
        for (Finding finding : findings) {
            line(0, "// " + finding);
        }
        line(0, "platform " + platform + " \"imported from " + escape(machine.origin()) + "\" {");
        cpu(units);
        for (Unit unit : units) {
            out.append('\n');
            unit.notes().forEach(note -> line(1, "// " + note));
            line(1, "iommu " + unit.kind() + " " + unit.name() + " {");
            line(2, "remapping " + (unit.remapping() ? "on" : "off") + "; // " + (unit.kind().equals("vtd")
                    ? "DMAR flag INTR_REMAP " + (unit.remapping() ? "set" : "clear")
                    : "AMD-Vi remaps interrupts whenever Linux enables it"));
            line(2, "covers " + busName(Optional.of(unit)) + ";");
            line(1, "}");
        }
        ioapic(topology);
        buses(units, functions, coverage, coveredBy, topology);
        host(functions, coverage, topology);
        line(0, "}");
        return out.toString();
    }

    private void cpu(List<Unit> units) {
        out.append('\n');
        CpuList cpus = machine.cpus().orElse(null);
        if (cpus == null) {
            line(1, "// no cpuinfo: one CPU with APIC ID 0 assumed (defaulted)");
        } else {
            line(1, "// cpuinfo: " + cpus.count() + " CPU(s), APIC IDs " + shortList(cpus.apicIds())
                    + (cpus.x2apicFlag() ? ", x2apic flag" : ""));
        }
        boolean needs = cpus != null && cpus.needsX2apic();
        boolean allowed = machine.dmar().map(d -> d.intrRemap() && !d.x2apicOptOut()).orElse(false)
                || machine.ivrs().map(i -> i.iommus().stream().anyMatch(h -> h.x2apicSupported())).orElse(false);
        line(1, "cpu x86 {");
        line(2, "cpus " + (cpus == null ? 1 : cpus.count()) + ";");
        String why = !needs ? "xAPIC destinations reach every CPU"
                : allowed ? "more CPUs or APIC IDs than xAPIC can name, and the tables allow x2APIC"
                : "x2APIC is needed but the tables do not allow it (no remapping, X2APIC_OPT_OUT, or no XTSup)";
        line(2, "apic " + (needs && allowed ? "x2apic" : "xapic") + "; // " + why);
        if (cpus != null && !cpus.defaultApicIds()) {
            line(2, "apic_ids " + cpus.apicIds().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ";");
        }
        line(1, "}");
    }

    private void ioapic(Topology topology) {
        if (machine.dmar().isEmpty()) {
            return;
        }
        DmarTable dmar = machine.dmar().get();
        List<DeviceScope> ioapics = new ArrayList<>();
        for (DmarStructure structure : dmar.structures()) {
            if (structure instanceof Drhd) {
                ((Drhd) structure).scopes().stream().filter(s -> s.type() == ScopeType.IOAPIC).forEach(ioapics::add);
            }
        }
        for (int i = 0; i < ioapics.size(); i++) {
            DeviceScope scope = ioapics.get(i);
            Optional<PciAddress> rid = topology.resolve(0, scope);
            out.append('\n');
            line(1, String.format("// DMAR byte 0x%x: %s", scope.offset(), scope));
            if (i == 0 && rid.isPresent()) {
                line(1, "ioapic ioapic0 " + rid.get() + " { }");
            } else {
                line(1, "// a platform declares one ioapic: this one is left out");
            }
        }
    }

    private void buses(List<Unit> units, List<PciFunction> functions, Map<PciAddress, Optional<Unit>> coverage,
            Map<PciAddress, String> coveredBy, Topology topology) {
        List<Optional<Unit>> owners = new ArrayList<>();
        units.forEach(unit -> owners.add(Optional.of(unit)));
        if (coverage.containsValue(Optional.empty()) || units.isEmpty()) {
            owners.add(Optional.empty());
        }
        for (Optional<Unit> owner : owners) {
            out.append('\n');
            line(1, "bus " + busName(owner) + " {" + (owner.isEmpty() && !units.isEmpty()
                    ? " // functions no IOMMU covers" : ""));
            for (PciFunction function : functions) {
                if (!coverage.get(function.address()).equals(owner)
                        || topology.bridgeAbove(function.address()).isPresent()) {
                    continue;
                }
                if (function.pcieToPciBridge()) {
                    comment(2, function, coveredBy);
                    line(2, "bridge " + name("br", function.address()) + " " + function.address() + " {");
                    for (PciFunction behind : functions) {
                        if (topology.bridgeAbove(behind.address()).map(b -> b.equals(function)).orElse(false)) {
                            comment(3, behind, coveredBy);
                            device(3, behind);
                        }
                    }
                    line(2, "}");
                } else {
                    comment(2, function, coveredBy);
                    device(2, function);
                }
            }
            line(1, "}");
        }
    }

    private void comment(int depth, PciFunction function, Map<PciAddress, String> coveredBy) {
        line(depth, "// " + function.address() + " " + function.description() + " (" + function.source() + ")");
        if (coveredBy.containsKey(function.address())) {
            line(depth, "//   covered: " + coveredBy.get(function.address()));
        }
        if (iommuFunctions.containsKey(function.address())) {
            line(depth, "//   the IOMMU of " + iommuFunctions.get(function.address()) + " itself: in no IOMMU group, "
                    + "Linux takes its interrupt outside remapping");
        }
        if (!function.capabilitiesRead()) {
            line(depth, "//   capabilities unreadable (lspci not run as root): no storage declared");
        }
        function.sriov().ifPresent(sriov -> line(depth, String.format(
                "//   SR-IOV: %d VFs enabled of %d, first VF at routing id offset %d, stride %d", sriov.numVfs(),
                sriov.totalVfs(), sriov.firstVfOffset(), sriov.vfStride())));
        if (function.msi().map(m -> m.vectors() > 1).orElse(false)) {
            line(depth, "//   MSI: multiple message capable, " + function.msi().get().vectors() + " vectors");
        }
    }

    private void device(int depth, PciFunction function) {
        List<String> storages = new ArrayList<>();
        function.msi().ifPresent(msi -> storages.add("msi " + msi.vectors() + (msi.maskable() ? " maskable" : "") + ";"));
        function.msix().ifPresent(msix -> storages.add("msix " + msix.tableSize() + ";"));
        line(depth, "device " + name("dev", function.address()) + " " + function.address() + " {"
                + (storages.isEmpty() ? "" : " " + String.join(" ", storages)) + " }");
    }

    private void host(List<PciFunction> functions, Map<PciAddress, Optional<Unit>> coverage, Topology topology) {
        out.append('\n');
        line(1, "host {");
        line(2, "// the stacks Linux builds once a driver enables each storage; keep those you want:");
        for (PciFunction function : functions) {
            if (function.pcieToPciBridge()) {
                continue;
            }
            Optional<Unit> unit = coverage.get(function.address());
            String remap = unit.filter(Unit::remapping).map(u -> "remap " + u.name() + " -> ").orElse("");
            String device = name("dev", function.address());
            function.msix().ifPresent(msix -> line(2, "// stack " + device + ".msix: vector -> " + remap + "msix alloc 1;"));
            if (function.msix().isEmpty()) {
                function.msi().ifPresent(msi -> line(2, "// stack " + device + ".msi: vector -> " + remap + "msi alloc 1;"));
            }
        }
        line(1, "}");
    }

    private List<PciFunction> scopedEndpoints(Topology topology) {
        List<PciFunction> endpoints = new ArrayList<>();
        machine.dmar().ifPresent(dmar -> {
            for (Drhd drhd : dmar.units()) {
                for (DeviceScope scope : drhd.scopes()) {
                    if (scope.type() != ScopeType.PCI_ENDPOINT) {
                        continue;
                    }
                    topology.resolve(drhd.segment(), scope).ifPresent(address -> endpoints.add(new PciFunction(address,
                            "PCI endpoint; no lspci, so its storages are unknown (defaulted: none)",
                            String.format("DMAR byte 0x%x", scope.offset()), -1, -1, false, true, Optional.empty(),
                            Optional.empty(), Optional.empty())));
                }
            }
        });
        return endpoints;
    }

    private String busName(Optional<Unit> unit) {
        return unit.map(u -> "pci_" + u.name()).orElse("pci");
    }

    private static String name(String prefix, PciAddress address) {
        return prefix + (address.segment() == 0 ? "" : String.format("_%04x", address.segment()))
                + String.format("_%02x_%02x_%x", address.bus(), address.device(), address.function());
    }

    private static String shortList(List<Integer> ids) {
        String all = ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
        return all.length() <= 80 ? all : all.substring(0, 77) + "...";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\r\\n]", " ");
    }

    private void line(int depth, String text) {
        out.append("    ".repeat(depth)).append(text.replaceAll("[\\r\\n]", " ")).append('\n');
    }
}
