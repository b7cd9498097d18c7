package dev.irqtopo.runtime.vector;

/**
 * What the vector domain gave one interrupt: a CPU, a vector on it, and the kernel's irq number (as
 * Linux's {@code apic_chip_data} and the virq of its {@code irq_desc}). The other levels of a chain
 * read it; only {@link VectorDomain} makes it.
 */
public record VectorAllocation(int cpu, int vector, int virq) {
}
