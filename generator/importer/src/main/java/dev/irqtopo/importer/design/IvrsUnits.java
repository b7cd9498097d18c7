package dev.irqtopo.importer.design;

import dev.irqtopo.importer.acpi.ivrs.DeviceEntry;
import dev.irqtopo.importer.acpi.ivrs.Ivhd;
import dev.irqtopo.importer.acpi.ivrs.IvrsTable;
import dev.irqtopo.importer.pci.PciAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The IOMMUs of an IVRS table as units, one per IOMMU (the IVHD of the highest type Linux takes); a
 * function belongs to the unit whose device entries select it, alone or in a range.
 */
final class IvrsUnits {

    private IvrsUnits() {
    }

    static List<Unit> of(IvrsTable ivrs, List<Finding> findings) {
        List<Unit> units = new ArrayList<>();
        List<Ivhd> iommus = ivrs.iommus();
        for (Ivhd other : ivrs.ivhds()) {
            if (!iommus.contains(other)) {
                findings.add(Finding.note(String.format("IVRS byte 0x%x", other.offset()), other.typeName()
                        + " describes an IOMMU a block of a higher type describes again: Linux reads that one"));
            }
        }
        for (int i = 0; i < iommus.size(); i++) {
            Ivhd ivhd = iommus.get(i);
            List<String> notes = new ArrayList<>();
            notes.add(String.format("IVRS byte 0x%x: %s, IOMMU %s, segment %04x, registers at 0x%x, EFR 0x%x",
                    ivhd.offset(), ivhd.typeName(), PciAddress.of(ivhd.segment(), ivhd.deviceId()), ivhd.segment(),
                    ivhd.baseAddress(), ivhd.efr()));
            for (DeviceEntry entry : ivhd.entries()) {
                notes.add(String.format("  IVRS byte 0x%x: %s", entry.offset(), describe(ivhd.segment(), entry)));
            }
            units.add(new Unit("ivhd" + i, "amdvi", ivhd.segment(), String.format("IVRS byte 0x%x", ivhd.offset()),
                    true, function -> covers(ivhd, function), notes));
        }
        return units;
    }

    static String describe(int segment, DeviceEntry entry) {
        if (entry instanceof DeviceEntry.All) {
            return "all devices";
        }
        if (entry instanceof DeviceEntry.Select) {
            DeviceEntry.Select select = (DeviceEntry.Select) entry;
            return String.format("select %s%s", PciAddress.of(segment, select.deviceId()),
                    alias(segment, select.alias()));
        }
        if (entry instanceof DeviceEntry.RangeStart) {
            DeviceEntry.RangeStart start = (DeviceEntry.RangeStart) entry;
            return String.format("range from %s%s", PciAddress.of(segment, start.deviceId()),
                    alias(segment, start.alias()));
        }
        if (entry instanceof DeviceEntry.RangeEnd) {
            return "range to " + PciAddress.of(segment, ((DeviceEntry.RangeEnd) entry).deviceId());
        }
        if (entry instanceof DeviceEntry.Special) {
            DeviceEntry.Special special = (DeviceEntry.Special) entry;
            return String.format("special %s %d at %s", special.varietyName(), special.handle(),
                    PciAddress.of(segment, special.deviceId()));
        }
        DeviceEntry.AcpiHid hid = (DeviceEntry.AcpiHid) entry;
        return String.format("ACPI device %s %s at %s", hid.hid(), hid.uid(), PciAddress.of(segment, hid.deviceId()));
    }

    private static String alias(int segment, int alias) {
        return alias < 0 ? "" : ", seen as its alias " + PciAddress.of(segment, alias);
    }

    private static Optional<String> covers(Ivhd ivhd, PciAddress function) {
        if (function.segment() != ivhd.segment()) {
            return Optional.empty();
        }
        int id = function.requesterId();
        DeviceEntry.RangeStart open = null;
        for (DeviceEntry entry : ivhd.entries()) {
            String where = String.format("IVRS byte 0x%x: ", entry.offset());
            if (entry instanceof DeviceEntry.All) {
                return Optional.of(where + "all devices");
            }
            if (entry instanceof DeviceEntry.Select && ((DeviceEntry.Select) entry).deviceId() == id) {
                return Optional.of(where + describe(ivhd.segment(), entry));
            }
            if (entry instanceof DeviceEntry.RangeStart) {
                open = (DeviceEntry.RangeStart) entry;
            }
            if (entry instanceof DeviceEntry.RangeEnd && open != null) {
                if (id >= open.deviceId() && id <= ((DeviceEntry.RangeEnd) entry).deviceId()) {
                    return Optional.of(String.format("IVRS byte 0x%x: %s, %s", open.offset(),
                            describe(ivhd.segment(), open), describe(ivhd.segment(), entry)));
                }
                open = null;
            }
        }
        return Optional.empty();
    }
}
