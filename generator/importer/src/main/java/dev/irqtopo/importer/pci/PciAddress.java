package dev.irqtopo.importer.pci;

/** A PCI function's address: segment, bus, device, function (its requester id within the segment). */
public record PciAddress(int segment, int bus, int device, int function) implements Comparable<PciAddress> {

    /** Parses {@code 00:1f.2} or {@code 0000:00:1f.2}; null when the text is not one. */
    public static PciAddress parse(String text) {
        if (!text.matches("([0-9a-fA-F]{4}:)?[0-9a-fA-F]{2}:[01][0-9a-fA-F]\\.[0-7]")) {
            return null;
        }
        String[] parts = text.split("[:.]");
        int i = parts.length == 4 ? 1 : 0;
        int device = Integer.parseInt(parts[i + 1], 16);
        if (device > 0x1f) {
            return null;
        }
        return new PciAddress(i == 1 ? Integer.parseInt(parts[0], 16) : 0, Integer.parseInt(parts[i], 16), device,
                Integer.parseInt(parts[i + 2], 16));
    }

    public static PciAddress of(int segment, int requesterId) {
        return new PciAddress(segment, requesterId >> 8 & 0xff, requesterId >> 3 & 0x1f, requesterId & 7);
    }

    public int requesterId() {
        return bus << 8 | device << 3 | function;
    }

    /** {@code 00:1f.2}, with the segment only when it is not 0, as the language writes requester ids. */
    @Override
    public String toString() {
        String rid = String.format("%02x:%02x.%x", bus, device, function);
        return segment == 0 ? rid : String.format("%04x:", segment) + rid;
    }

    @Override
    public int compareTo(PciAddress other) {
        return segment != other.segment ? Integer.compare(segment, other.segment)
                : Integer.compare(requesterId(), other.requesterId());
    }
}
