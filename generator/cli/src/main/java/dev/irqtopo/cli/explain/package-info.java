/**
 * What {@code irqtopo explain} and {@code irqtopo dot} show: for each stack, which domain does each of
 * the four steps (Alloc, Compose, Store, Use) at which hardware boundary, and what a trap or a
 * hypercall does; and the hardware path and each kernel's domain hierarchy as a Graphviz graph.
 */
package dev.irqtopo.cli.explain;
