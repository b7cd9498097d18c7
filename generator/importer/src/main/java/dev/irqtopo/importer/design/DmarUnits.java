package dev.irqtopo.importer.design;

import dev.irqtopo.importer.acpi.dmar.DeviceScope;
import dev.irqtopo.importer.acpi.dmar.DmarTable;
import dev.irqtopo.importer.acpi.dmar.Drhd;
import dev.irqtopo.importer.acpi.dmar.PathEntry;
import dev.irqtopo.importer.acpi.dmar.ScopeType;
import dev.irqtopo.importer.pci.PciAddress;
import dev.irqtopo.importer.pci.PciFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The DRHDs of a DMAR table as units: a function belongs to the first unit whose device scope names it
 * or a bridge above it, else to its segment's INCLUDE_PCI_ALL unit, as Linux's
 * {@code dmar_find_matched_drhd_unit} decides.
 */
final class DmarUnits {

    private DmarUnits() {
    }

    static List<Unit> of(DmarTable dmar, Topology topology, List<Finding> findings) {
        List<Unit> units = new ArrayList<>();
        List<Drhd> drhds = dmar.units();
        for (int i = 0; i < drhds.size(); i++) {
            Drhd drhd = drhds.get(i);
            List<String> notes = new ArrayList<>();
            notes.add(String.format("DMAR byte 0x%x: DRHD, segment %04x, registers at 0x%x%s", drhd.offset(),
                    drhd.segment(), drhd.registerBase(), drhd.includePciAll() ? ", INCLUDE_PCI_ALL" : ""));
            for (DeviceScope scope : drhd.scopes()) {
                notes.add(String.format("  DMAR byte 0x%x: scope %s", scope.offset(), scope));
                if (scope.type() == ScopeType.PCI_ENDPOINT || scope.type() == ScopeType.PCI_SUB_HIERARCHY) {
                    if (topology.resolve(drhd.segment(), scope).isEmpty()) {
                        findings.add(Finding.note(String.format("DMAR byte 0x%x", scope.offset()), "the scope "
                                + scope.pathText() + " leads through a bridge lspci does not show: not resolved"));
                    }
                }
            }
            units.add(new Unit("dmar" + i, "vtd", drhd.segment(), String.format("DMAR byte 0x%x", drhd.offset()),
                    dmar.intrRemap(), function -> covers(drhds, drhd, topology, function), notes));
        }
        return units;
    }

    private static Optional<String> covers(List<Drhd> drhds, Drhd unit, Topology topology, PciAddress function) {
        for (Drhd drhd : drhds) {
            if (drhd.segment() != function.segment()) {
                continue;
            }
            for (DeviceScope scope : drhd.scopes()) {
                if (inScope(drhd.segment(), scope, topology, function)) {
                    return drhd == unit ? Optional.of(String.format("DMAR byte 0x%x: %s", scope.offset(), scope))
                            : Optional.empty();
                }
            }
        }
        return unit.includePciAll() && unit.segment() == function.segment()
                ? Optional.of(String.format("DMAR byte 0x%x: INCLUDE_PCI_ALL", unit.offset())) : Optional.empty();
    }

    private static boolean inScope(int segment, DeviceScope scope, Topology topology, PciAddress function) {
        Optional<PciAddress> target = topology.resolve(segment, scope);
        if (target.isEmpty()) {
            return false;
        }
        if (scope.type() == ScopeType.PCI_ENDPOINT) {
            return target.get().equals(function);
        }
        if (scope.type() == ScopeType.PCI_SUB_HIERARCHY) {
            if (target.get().equals(function)) {
                return true;
            }
            Optional<PciFunction> bridge = topology.function(target.get());
            return bridge.isPresent() && bridge.get().leadsTo(function.bus());
        }
        return false;
    }

    /** The path's first hop on the start bus, for a scope lspci cannot resolve further. */
    static PciAddress firstHop(int segment, DeviceScope scope) {
        PathEntry first = scope.path().get(0);
        return new PciAddress(segment, scope.startBus(), first.device(), first.function());
    }
}
