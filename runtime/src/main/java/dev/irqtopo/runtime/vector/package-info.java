/**
 * The x86 vector domain of each kernel, the root of all its chains: CPUs and APIC IDs, the ids its
 * kernel's destination mode names them by, the vector matrix over the kernel's device vectors, irq
 * numbers, which interrupt owns each CPU vector, and the compatibility-format compose; and which host
 * CPUs a logical destination names, from their logical destination registers.
 * Knows messages, and nothing of devices, remapping or hypervisors.
 */
package dev.irqtopo.runtime.vector;
