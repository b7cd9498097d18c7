package dev.irqtopo.importer.pci;

/** The SR-IOV extended capability of a physical function: how many VFs it has and where their requester ids are. */
public record SriovCapability(int totalVfs, int numVfs, int firstVfOffset, int vfStride) {
}
