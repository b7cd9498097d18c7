package dev.irqtopo.importer.design;

import dev.irqtopo.importer.acpi.dmar.DeviceScope;
import dev.irqtopo.importer.acpi.dmar.PathEntry;
import dev.irqtopo.importer.pci.PciAddress;
import dev.irqtopo.importer.pci.PciFunction;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The PCI functions lspci showed, by address, and the bridges a device scope's path goes through. */
final class Topology {

    private final Map<PciAddress, PciFunction> functions = new TreeMap<>();

    Topology(List<PciFunction> functions) {
        functions.forEach(f -> this.functions.put(f.address(), f));
    }

    Optional<PciFunction> function(PciAddress address) {
        return Optional.ofNullable(functions.get(address));
    }

    java.util.Collection<PciFunction> functions() {
        return functions.values();
    }

    /**
     * The function a scope's path ends at: each hop but the last must be a bridge lspci shows, whose
     * secondary bus the next hop is on (VT-d 3.4, 8.3.2). A one-hop path needs no lspci.
     */
    Optional<PciAddress> resolve(int segment, DeviceScope scope) {
        int bus = scope.startBus();
        List<PathEntry> path = scope.path();
        for (int i = 0; i < path.size(); i++) {
            PciAddress hop = new PciAddress(segment, bus, path.get(i).device(), path.get(i).function());
            if (i == path.size() - 1) {
                return Optional.of(hop);
            }
            PciFunction bridge = functions.get(hop);
            if (bridge == null || !bridge.bridge()) {
                return Optional.empty();
            }
            bus = bridge.secondaryBus();
        }
        return Optional.empty();
    }

    /** The PCIe-to-PCI bridge whose secondary bus the function is on, if there is one. */
    Optional<PciFunction> bridgeAbove(PciAddress function) {
        return functions.values().stream()
                .filter(f -> f.pcieToPciBridge() && f.address().segment() == function.segment()
                        && f.secondaryBus() == function.bus())
                .findFirst();
    }
}
