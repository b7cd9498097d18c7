package dev.irqtopo.importer.acpi.dmar;

/**
 * A structure that says nothing about interrupts, read and noted: RHSA (3, a unit's NUMA proximity
 * domain), ANDD (4, an ACPI namespace device's name), SATC (5) and SIDP (6).
 *
 * @param summary what the structure says, in one line
 */
public record OtherStructure(int offset, int type, String name, String summary) implements DmarStructure {
}
