package dev.irqtopo.importer.design;

import dev.irqtopo.importer.pci.PciAddress;
import java.util.List;
import java.util.Optional;

/**
 * One remapping unit as the design declares it, with the rule that says which functions it covers.
 *
 * @param kind      {@code vtd} or {@code amdvi}
 * @param origin    the table and offset that define it, for its comment
 * @param remapping whether it remaps interrupts
 * @param notes     what else the table says about it, one comment line each
 */
public record Unit(String name, String kind, int segment, String origin, boolean remapping, Coverage coverage,
        List<String> notes) {

    public Unit {
        notes = List.copyOf(notes);
    }

    /** Which functions a unit covers, and where the table says so. */
    public interface Coverage {

        /** The table and offset of the entry that puts the function under this unit, if one does. */
        Optional<String> covers(PciAddress function);
    }
}
