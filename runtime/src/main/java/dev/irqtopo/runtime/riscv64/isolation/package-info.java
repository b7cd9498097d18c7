/**
 * {@code verify} for a riscv64 platform: which interrupt files, identities and MRIFs a function assigned
 * to a guest can make pending, computed symbolically ({@code Reach}), each one another owner's a finding
 * with its lowest write, and Linux's isolated-MSI verdict beside the exact one.
 */
package dev.irqtopo.runtime.riscv64.isolation;
