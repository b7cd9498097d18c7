/**
 * {@code verify} for an arm64 platform: what each guest can make its devices write, reached
 * symbolically over the GIC's tables, each victim with its lowest counterexample and its class, and
 * Linux's isolated-MSI verdict beside the exact one for every assigned device.
 */
package dev.irqtopo.runtime.arm64.isolation;
