/**
 * The checked model of an arm64 interrupt platform: the CPUs by MPIDR affinity, the GICv3/v4 with its
 * ITS units and GICv2m frames, and the firmware's description of which DeviceID a PCI requester id
 * presents to which MSI controller (the devicetree {@code msi-map} and the ACPI IORT id mappings).
 * Immutable values validated in their constructors, like the x86 model beside them; the engine in
 * {@code dev.irqtopo.runtime.gic} boots them.
 */
package dev.irqtopo.model.arm;
