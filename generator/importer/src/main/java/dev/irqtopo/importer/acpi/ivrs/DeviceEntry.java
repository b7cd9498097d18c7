package dev.irqtopo.importer.acpi.ivrs;

/**
 * An IVHD device entry (AMD I/O Virtualization Technology specification 48882, 5.2.2.2): which device ids
 * (PCI bus/device/function, 16 bits) the IOMMU translates, alone or as ranges, with their aliases.
 */
public sealed interface DeviceEntry permits DeviceEntry.All, DeviceEntry.Select, DeviceEntry.RangeStart,
        DeviceEntry.RangeEnd, DeviceEntry.Special, DeviceEntry.AcpiHid {

    /** The entry's byte offset in the table. */
    int offset();

    /** Type 1: every device id of the segment. */
    record All(int offset) implements DeviceEntry {
    }

    /**
     * Type 2 select, 42h alias select (the IOMMU sees the device as {@code alias}) or 46h extended select.
     *
     * @param alias the requester id the device's requests carry, or -1 when it is the device's own
     */
    record Select(int offset, int type, int deviceId, int alias) implements DeviceEntry {
    }

    /** Type 3 start of range, 43h alias start of range or 47h extended start of range; {@code alias} as in select. */
    record RangeStart(int offset, int type, int deviceId, int alias) implements DeviceEntry {
    }

    /** Type 4: the end of the range the previous start opened. */
    record RangeEnd(int offset, int deviceId) implements DeviceEntry {
    }

    /**
     * Type 48h: an IOAPIC ({@code variety} 1) or HPET (2) with its handle (the IOAPIC id or HPET number)
     * and the device id its interrupt requests carry.
     */
    record Special(int offset, int handle, int deviceId, int variety) implements DeviceEntry {

        public String varietyName() {
            return variety == 1 ? "IOAPIC" : variety == 2 ? "HPET" : "variety " + variety;
        }
    }

    /** Type F0h: an ACPI namespace device (HID, UID) at a device id. */
    record AcpiHid(int offset, int deviceId, String hid, String uid) implements DeviceEntry {
    }

    /** {@code 00:14.0} for a 16-bit device id. */
    static String rid(int deviceId) {
        return String.format("%02x:%02x.%x", deviceId >> 8, deviceId >> 3 & 0x1f, deviceId & 7);
    }
}
