/**
 * {@code simulate} for a riscv64 platform: boot, then fire every allocated interrupt once in boot order
 * and report each, with the host identity behind a guest's trapped vector.
 */
package dev.irqtopo.runtime.riscv64.sim;
