/**
 * The x86 vector domain of each kernel, the root of all its chains: CPUs and APIC IDs, the vector
 * matrix, irq numbers, which interrupt owns each CPU vector, and the compatibility-format compose.
 * Knows messages, and nothing of devices, remapping or hypervisors.
 */
package dev.irqtopo.runtime.vector;
