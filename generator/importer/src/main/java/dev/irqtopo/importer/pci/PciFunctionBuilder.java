package dev.irqtopo.importer.pci;

import java.util.Optional;

/** Collects what a dump says about one function, in whatever order it says it. */
public final class PciFunctionBuilder {

    private final PciAddress address;
    private final String description;
    private final String source;
    private int secondaryBus = -1;
    private int subordinateBus = -1;
    private boolean pcieToPciBridge;
    private boolean capabilitiesRead = true;
    private MsiCapability msi;
    private MsixCapability msix;
    private SriovCapability sriov;

    public PciFunctionBuilder(PciAddress address, String description, String source) {
        this.address = address;
        this.description = description;
        this.source = source;
    }

    public PciAddress address() {
        return address;
    }

    public PciFunctionBuilder buses(int secondary, int subordinate) {
        secondaryBus = secondary;
        subordinateBus = Math.max(secondary, subordinate);
        return this;
    }

    public PciFunctionBuilder pcieToPciBridge() {
        pcieToPciBridge = true;
        return this;
    }

    public PciFunctionBuilder capabilitiesUnreadable() {
        capabilitiesRead = false;
        return this;
    }

    public PciFunctionBuilder msi(MsiCapability capability) {
        msi = capability;
        return this;
    }

    public PciFunctionBuilder msix(MsixCapability capability) {
        msix = capability;
        return this;
    }

    public PciFunctionBuilder sriov(SriovCapability capability) {
        sriov = capability;
        return this;
    }

    public PciFunction build() {
        return new PciFunction(address, description, source, secondaryBus, subordinateBus, pcieToPciBridge,
                capabilitiesRead, Optional.ofNullable(msi), Optional.ofNullable(msix), Optional.ofNullable(sriov));
    }
}
