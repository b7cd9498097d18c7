package dev.irqtopo.model.arm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A devicetree {@code msi-map} with its optional {@code msi-map-mask}: how a PCI root complex turns the
 * requester id of a write into the DeviceID an MSI controller sees. {@link #lookup} is the kernel's
 * {@code of_map_id} (drivers/of/base.c) row by row, including its unsigned 32-bit wrap-around.
 *
 * @param mask applied to the requester id before any row is compared; all ones when the property is absent
 */
public record MsiMap(List<MsiMapEntry> entries, long mask) {

    public static final long ALL_BITS = 0xFFFF_FFFFL;

    public MsiMap {
        entries = List.copyOf(entries);
        // of_map_id refuses a present but empty property (-EINVAL); an absent one is no MsiMap at all
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("msi-map without entries");
        }
        checkCell("msi-map-mask", mask);
    }

    public static MsiMap of(MsiMapEntry... entries) {
        return new MsiMap(List.of(entries), ALL_BITS);
    }

    public MsiMap withMask(long newMask) {
        return new MsiMap(entries, newMask);
    }

    /**
     * The controller and DeviceID of {@code rid}: the first row whose range holds the masked id, as for
     * a device whose MSI domain is not yet known ({@code of_msi_map_get_device_domain}).
     */
    public MsiMapLookup lookup(long rid) {
        return lookup(rid, Optional.empty());
    }

    /**
     * The DeviceID {@code rid} presents to {@code controller}: rows naming other controllers are
     * skipped, as when the ITS driver asks for the DeviceID of a device already bound to it
     * ({@code pci_msi_domain_get_msi_rid} → {@code of_msi_map_id}).
     */
    public MsiMapLookup lookup(long rid, String controller) {
        return lookup(rid, Optional.of(controller));
    }

    /**
     * The DeviceID {@code rid} presents to each of {@code controllers} that a row gives one: for each,
     * what {@link #lookup(long, String)} gives as {@link MsiMapLookup.Mapped}, found in one walk over the
     * rows rather than one walk per controller.
     */
    public Map<String, Long> deviceIds(long rid, Set<String> controllers) {
        Map<String, Long> ids = new HashMap<>();
        if (controllers.isEmpty()) {
            return ids;
        }
        checkCell("requester id", rid);
        long masked = rid & mask;
        for (MsiMapEntry e : entries) {
            if ((e.ridBase() & ~mask & ALL_BITS) != 0) {
                // the lookup for every controller not found above stops at this row
                break;
            }
            long end = (e.ridBase() + e.length()) & ALL_BITS;
            if (masked < e.ridBase() || masked >= end || !controllers.contains(e.controller())) {
                continue;
            }
            ids.putIfAbsent(e.controller(), (masked - e.ridBase() + e.msiBase()) & ALL_BITS);
        }
        return ids;
    }

    private MsiMapLookup lookup(long rid, Optional<String> controller) {
        checkCell("requester id", rid);
        long masked = rid & mask;
        for (int i = 0; i < entries.size(); i++) {
            MsiMapEntry e = entries.get(i);
            if ((e.ridBase() & ~mask & ALL_BITS) != 0) {
                return new MsiMapLookup.MaskIgnoresBase(i);
            }
            // the kernel compares against id-base + length computed in 32 bits, so a range that wraps past
            // 2^32 ends below its base and matches nothing
            long end = (e.ridBase() + e.length()) & ALL_BITS;
            if (masked < e.ridBase() || masked >= end) {
                continue;
            }
            if (controller.isPresent() && !controller.get().equals(e.controller())) {
                continue;
            }
            return new MsiMapLookup.Mapped(e.controller(), (masked - e.ridBase() + e.msiBase()) & ALL_BITS, i);
        }
        return new MsiMapLookup.Untranslated(rid);
    }

    static void checkCell(String what, long value) {
        if (value < 0 || value > ALL_BITS) {
            throw new IllegalArgumentException(what + " 0x" + Long.toHexString(value) + " is not a 32-bit cell");
        }
    }
}
