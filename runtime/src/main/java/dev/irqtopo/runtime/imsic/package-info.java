/**
 * The RISC-V AIA's IMSICs, beside the x86 vector and the arm64 GIC packages: Linux's IMSIC driver as
 * it hands out identities (the per-CPU matrix, the reserved identities 0 and the IPI, the CPU choice,
 * moves between CPUs) and composes messages, and the IMSIC hardware as it takes a write to an
 * interrupt file's page. Each rule names the kernel function or specification section it follows;
 * docs/riscv.md lists them. Uses only the message package and the model's {@code dev.irqtopo.model.riscv}.
 */
package dev.irqtopo.runtime.imsic;
