/**
 * The x86 vector matrix and the per-kernel irq number space: the root of every kernel's domain
 * hierarchy. Pure data structures without knowledge of devices or remapping.
 */
package dev.irqtopo.runtime.vector;
