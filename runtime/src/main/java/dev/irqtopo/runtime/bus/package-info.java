/**
 * The bus side of the boundary, architecture agnostic: PCI functions and sub-devices and their message
 * storages (MSI capability, MSI-X table, IMS in device or queue memory), as the hardware holds them.
 * Knows messages only; nothing of CPUs, vectors, remapping or hypervisors.
 */
package dev.irqtopo.runtime.bus;
