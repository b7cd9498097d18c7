/**
 * The RISC-V IOMMU's MSI translation, beside the IMSIC package it delivers to: a device context's MSI
 * page recognition, the file-number extraction, the flat MSI page table with its faults, basic
 * translation and memory-resident interrupt files (MRIFs) with their notice MSIs — the reference
 * model's {@code msi_address_translation} and the AIA's IOMMU chapter — and the symbolic reach of a
 * device that can write anything anywhere. Uses the IMSIC package, the message package and the model's
 * {@code dev.irqtopo.model.riscv}; nothing uses it back.
 */
package dev.irqtopo.runtime.riommu;
