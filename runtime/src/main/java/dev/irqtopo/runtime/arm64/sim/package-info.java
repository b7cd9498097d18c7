/**
 * {@code simulate} for an arm64 platform: boot, then fire every allocated interrupt once in boot order
 * and report each, with the host interrupt behind a guest's trapped vector.
 */
package dev.irqtopo.runtime.arm64.sim;
