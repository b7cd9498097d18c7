/** Index allocation for interrupt remapping tables: lowest free blocks aligned to their size. */
package dev.irqtopo.runtime.remap;
