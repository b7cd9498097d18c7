/**
 * The checked model of a RISC-V interrupt platform with the Advanced Interrupt Architecture: the harts
 * and their hart groups, the IMSIC interrupt files and where their pages sit in the physical address
 * space, and the RISC-V IOMMU's per-device MSI translation (device context, MSI page table, PTEs as
 * their bits). Immutable values validated in their constructors, like the x86 and arm64 models beside
 * them; the engine in {@code dev.irqtopo.runtime.imsic} and {@code dev.irqtopo.runtime.riommu} reads
 * them. docs/riscv.md gives every rule its source.
 */
package dev.irqtopo.model.riscv;
