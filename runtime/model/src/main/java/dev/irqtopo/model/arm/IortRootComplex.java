package dev.irqtopo.model.arm;

import java.util.List;

/**
 * The ID mappings of one IORT PCI root complex node, looked up as {@code iort_node_map_id} and
 * {@code iort_id_map} (drivers/acpi/arm64/iort.c) do for one stage:
 * <ul>
 *   <li>a single mapping takes every id to its output base (allowed for root complexes);</li>
 *   <li>a range takes {@code inputBase <= id <= inputBase + idCount}, both ends included;</li>
 *   <li>because firmware has used {@code idCount} as a count rather than count − 1, a match on the last
 *       id of a range is provisional: a later mapping whose range starts at that very id supersedes
 *       it, while a later mapping that merely contains it is disregarded;</li>
 *   <li>the first definitive match wins; when none matches the id is unmapped.</li>
 * </ul>
 */
public record IortRootComplex(List<IortIdMapping> mappings) {

    public IortRootComplex {
        mappings = List.copyOf(mappings);
    }

    public IortLookup lookup(long id) {
        MsiMap.checkCell("input id", id);
        IortLookup.Mapped provisional = null;
        for (int i = 0; i < mappings.size(); i++) {
            IortIdMapping m = mappings.get(i);
            if (m.singleMapping()) {
                return new IortLookup.Mapped(m.outputReference(), m.outputBase(), i);
            }
            // the kernel adds in 32 bits: a range whose end wraps past 2^32 ends below its base
            long last = (m.inputBase() + m.idCount()) & MsiMap.ALL_BITS;
            if (id < m.inputBase() || id > last) {
                continue;
            }
            if (provisional != null && id != m.inputBase()) {
                continue; // a conflicting match inside another range: disregarded
            }
            IortLookup.Mapped match = new IortLookup.Mapped(m.outputReference(),
                    (m.outputBase() + (id - m.inputBase())) & MsiMap.ALL_BITS, i);
            if (m.idCount() > 0 && id == last) {
                provisional = match;
                continue;
            }
            return match;
        }
        return provisional != null ? provisional : new IortLookup.Unmapped(id);
    }
}
