package dev.irqtopo.importer.pci;

import java.util.Optional;

/**
 * One PCI function as lspci or its configuration space shows it.
 *
 * @param description      its class and name, as lspci prints them
 * @param source           where it was read: {@code lspci-vvv.txt line 12}
 * @param secondaryBus     for a bridge, the bus behind it; -1 otherwise
 * @param subordinateBus   for a bridge, the highest bus behind it; -1 otherwise
 * @param pcieToPciBridge  a PCI Express to PCI/PCI-X bridge: the functions behind it reach the IOMMU with its alias
 * @param capabilitiesRead false when lspci could not read the capabilities (not run as root)
 */
public record PciFunction(PciAddress address, String description, String source, int secondaryBus, int subordinateBus,
        boolean pcieToPciBridge, boolean capabilitiesRead, Optional<MsiCapability> msi, Optional<MsixCapability> msix,
        Optional<SriovCapability> sriov) {

    public boolean bridge() {
        return secondaryBus >= 0;
    }

    /** Whether a function is on a bus this bridge leads to. */
    public boolean leadsTo(int bus) {
        return bridge() && bus >= secondaryBus && bus <= subordinateBus;
    }
}
