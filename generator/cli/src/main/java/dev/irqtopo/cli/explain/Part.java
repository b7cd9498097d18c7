package dev.irqtopo.cli.explain;

/** The hardware boundaries an interrupt crosses, from the CPU to the device. */
public enum Part {
    CPU,
    /** The IOMMU's remapping unit, or the hypervisor under a guest. */
    TRANSLATION,
    BRIDGE,
    BUS,
    DEVICE
}
