/**
 * A riscv64 platform booted as Linux 6.12 and KVM boot it, on the IMSIC engine
 * ({@code dev.irqtopo.runtime.imsic}) and the RISC-V IOMMU's MSI translation
 * ({@code dev.irqtopo.runtime.riommu}): the host's IMSIC driver, each guest's own IMSIC driver over its
 * vCPUs' files, the device contexts of the functions (MSI page tables built from the guests' ownership),
 * and what firing a slot does. Shares only the message package (and, for its texts, the text package)
 * with the x86 and arm64 sides;
 * {@code .sim} and {@code .isolation} build on it. docs/riscv.md gives every rule its source.
 */
package dev.irqtopo.runtime.riscv64;
