package dev.irqtopo.samples.observed;

import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.runtime.message.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One boot recorded under {@code docs/observations/}, read from the text files its collector wrote: the
 * CPUs' APIC IDs ({@code interrupts.txt}), every requested interrupt ({@code summary.txt}), every present
 * remap entry with its raw words, decoded fields and owner ({@code irte.txt}), the functions' MSI and
 * MSI-X capabilities and the messages stored in them ({@code msi.txt}), and the forged writes with the
 * fault Linux printed for each ({@code faults.txt}, forged boots only). Each file is read line by line
 * with one small pattern per kind of line; a line no pattern knows is skipped, and a file that yields
 * nothing a boot must have is an error.
 *
 * @param name       the boot's directory name
 * @param apicIds    each CPU's APIC ID, in CPU order
 * @param requested  every requested interrupt, by irq number
 * @param table      the remapping table
 * @param functions  each PCI function with an MSI or MSI-X capability, in the order msi.txt lists them
 * @param stored     the message each enabled MSI or programmed MSI-X slot holds
 * @param forged     the forged writes in the order they were made; empty for a boot without any
 */
record RecordedBoot(
        String name,
        List<Integer> apicIds,
        List<Requested> requested,
        Table table,
        Map<RequesterId, Capabilities> functions,
        Map<Slot, Message> stored,
        List<ForgedWrite> forged) {

    /** Where the boots are, from the samples module. */
    static final Path OBSERVATIONS = Path.of("..", "docs", "observations");

    /** One storage slot of a PCI function: MSI message 0, or an MSI-X table entry. */
    record Slot(RequesterId function, BusDomainKind storage, int slot) {
        @Override
        public String toString() {
            return function + " " + storage.keyword() + " " + slot;
        }
    }

    /**
     * One line of summary.txt: an interrupt Linux requested.
     *
     * @param source what raises it as the collector names it: {@code IOAPIC pin 1}, {@code DMAR fault event},
     *               {@code 0000:00:01.0 MSI-X entry 0}
     * @param slot   the function's storage slot, for an MSI or MSI-X interrupt
     * @param index  the remap entry it uses, if any
     * @param vector the vector its entry or its message names
     * @param route  the collector's words for its route: the entry's fields, or the message
     */
    record Requested(int irq, String action, int cpu, String source, Optional<Slot> slot, OptionalInt index,
                     int vector, String route) {
    }

    /**
     * irte.txt: the table's registers and its present entries.
     *
     * @param entries        the table's size, from IRTA.S
     * @param extendedMode   IRTA.EIME: x2APIC mode, a 32-bit DST
     * @param compatAllowed  GSTS.CFIS: compatibility format passes
     * @param present        every present entry by index
     */
    record Table(int entries, boolean extendedMode, boolean compatAllowed, SortedMap<Integer, Entry> present) {
    }

    /**
     * One present entry of irte.txt.
     *
     * @param fields the fields as the collector decoded them from the raw words, by the names the VT-d
     *               specification gives them, as numbers ({@code DM} 1 for logical, {@code TM} 1 for level)
     * @param owner  what the collector matched the entry to: {@code IOAPIC pin 1 (irq 1)},
     *               {@code 0000:00:01.0 MSI-X entry 0 (irq 25, virtio0-config)}
     */
    record Entry(int index, long high, long low, Map<String, Long> fields, String owner) {
        long field(String name) {
            Long value = fields.get(name);
            if (value == null) {
                throw new IllegalStateException("entry " + index + " has no field " + name + ": " + fields);
            }
            return value;
        }
    }

    /**
     * A function's interrupt capabilities in msi.txt.
     *
     * @param msiVectors  the vectors its MSI capability can have (Multiple Message Capable), 0 without one
     * @param msixEntries its MSI-X table size, 0 without MSI-X
     */
    record Capabilities(int msiVectors, int msixEntries) {
    }

    /**
     * A write the edu device was made to send, and what Linux's fault handler printed after it.
     *
     * @param name  the case: {@code F3-virtio-entry}
     * @param path  {@code msi} (edu's MSI capability, with its requester id) or {@code dma} (edu's DMA engine)
     * @param fault the fault Linux printed, if any
     */
    record ForgedWrite(String name, String path, Message message, Optional<Fault> fault) {
        @Override
        public String toString() {
            return name + " via " + path;
        }
    }

    /** {@code Request device [00:03.0] fault index 0x10 [fault reason 0x26]}. */
    record Fault(String device, int index, int reason) {
    }

    private static final Pattern APIC_ID = Pattern.compile("^apicid\\s*:\\s*(\\d+)$");

    private static final Pattern PCI_SOURCE = Pattern.compile("^(\\S+) (MSI-X|MSI) entry (\\d+)$");
    private static final Pattern ROUTE_VECTOR = Pattern.compile("(?:\\bV|\\bvector)=0x(\\p{XDigit}+)");

    private static final Pattern IRTA = Pattern.compile(
            "^IRTA .* S=(\\d+) -> (\\d+) entries, EIME\\(bit 11\\)=([01])");
    private static final Pattern GSTS = Pattern.compile("^GSTS .* CFIS=([01])");
    private static final Pattern ENTRY = Pattern.compile(
            "^index (\\d+) \\(0x\\p{XDigit}+\\): high=0x(\\p{XDigit}{16}) low=0x(\\p{XDigit}{16})$");
    private static final Pattern FIELD = Pattern.compile("\\b([A-Z]+)=(0x\\p{XDigit}+|\\d+|logical|physical|edge|level)\\b");
    private static final Pattern OWNER = Pattern.compile("^owner: (.+)$");

    private static final Pattern FUNCTION = Pattern.compile("^== (\\S+) vendor=");
    private static final Pattern MSI_CONTROL = Pattern.compile(
            "^MSI: control=0x\\p{XDigit}+ enable=([01]) multiple_capable=(\\d+)");
    private static final Pattern MSI_MESSAGE = Pattern.compile(
            "^MSI: addr_lo=0x(\\p{XDigit}+) addr_hi=0x(\\p{XDigit}+) data=0x(\\p{XDigit}+)$");
    private static final Pattern MSIX_CONTROL = Pattern.compile("^MSI-X: control=0x\\p{XDigit}+ table_size=(\\d+)");
    private static final Pattern MSIX_TABLE = Pattern.compile("^table at 0x\\p{XDigit}+ \\((\\S+)\\):$");
    private static final Pattern MSIX_ENTRY = Pattern.compile(
            "^entry (\\d+): 0x(\\p{XDigit}{8}) 0x(\\p{XDigit}{8}) 0x(\\p{XDigit}{8}) 0x(\\p{XDigit}{8})\\b");

    private static final Pattern FORGE = Pattern.compile(
            "^--- forge (\\S+) via (msi|dma): address=0x(\\p{XDigit}+) data=0x(\\p{XDigit}+)$");
    private static final Pattern FAULT = Pattern.compile(
            "Request device \\[([^]]+)\\] fault index 0x(\\p{XDigit}+) \\[fault reason 0x(\\p{XDigit}+)\\]");

    /** The boot recorded in {@code docs/observations/<name>/}. */
    static RecordedBoot read(String name) {
        Path directory = OBSERVATIONS.resolve(name);
        Path faults = directory.resolve("faults.txt");
        RecordedBoot boot = new RecordedBoot(name,
                apicIds(lines(directory.resolve("interrupts.txt"))),
                requested(lines(directory.resolve("summary.txt"))),
                table(lines(directory.resolve("irte.txt"))),
                functions(lines(directory.resolve("msi.txt"))),
                stored(lines(directory.resolve("msi.txt"))),
                Files.exists(faults) ? forged(lines(faults)) : List.of());
        if (boot.apicIds.isEmpty() || boot.requested.isEmpty() || boot.table.present().isEmpty()
                || boot.functions.isEmpty() || boot.stored.isEmpty()) {
            throw new IllegalStateException(name + ": a file yielded nothing: " + boot);
        }
        return boot;
    }

    /** The interrupts a PCI function raises through MSI or MSI-X, in irq order. */
    List<Requested> deviceInterrupts() {
        return requested.stream().filter(r -> r.slot().isPresent()).toList();
    }

    /** The device interrupt whose entry is {@code index}, if one has it. */
    Optional<Requested> deviceInterruptAt(int index) {
        return deviceInterrupts().stream()
                .filter(r -> r.index().isPresent() && r.index().getAsInt() == index).findFirst();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Integer> apicIds(List<String> lines) {
        List<Integer> ids = new ArrayList<>();
        for (String line : lines) {
            Matcher m = APIC_ID.matcher(line);
            if (m.find()) {
                ids.add(Integer.parseInt(m.group(1)));
            }
        }
        return List.copyOf(ids);
    }

    private static List<Requested> requested(List<String> lines) {
        List<Requested> requested = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("#") || line.isEmpty()) {
                continue;
            }
            String[] cells = line.split("\\|");
            if (cells.length != 8) {
                throw new IllegalStateException("summary line without 8 cells: " + line);
            }
            String source = cells[5].strip();
            Matcher pci = PCI_SOURCE.matcher(source);
            Optional<Slot> slot = pci.matches()
                    ? Optional.of(new Slot(RequesterId.parse(pci.group(1)),
                            pci.group(2).equals("MSI-X") ? BusDomainKind.MSIX : BusDomainKind.MSI,
                            Integer.parseInt(pci.group(3))))
                    : Optional.empty();
            String index = cells[6].strip();
            String route = cells[7].strip();
            Matcher vector = ROUTE_VECTOR.matcher(route);
            if (!vector.find()) {
                throw new IllegalStateException("summary line without a vector: " + line);
            }
            requested.add(new Requested(Integer.parseInt(cells[0].strip()), cells[1].strip(),
                    Integer.parseInt(cells[4].strip()), source, slot,
                    index.equals("-") ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(index)),
                    Integer.parseInt(vector.group(1), 16), route));
        }
        return List.copyOf(requested);
    }

    private static Table table(List<String> lines) {
        int entries = 0;
        boolean extended = false;
        boolean compat = true;
        SortedMap<Integer, Entry> present = new TreeMap<>();
        int index = -1;
        long high = 0;
        long low = 0;
        Map<String, Long> fields = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher m;
            if ((m = IRTA.matcher(line)).find()) {
                entries = Integer.parseInt(m.group(2));
                extended = m.group(3).equals("1");
                int s = Integer.parseInt(m.group(1));
                if (1 << (s + 1) != entries) {
                    throw new IllegalStateException("IRTA.S does not give the table size: " + line);
                }
            } else if ((m = GSTS.matcher(line)).find()) {
                compat = m.group(1).equals("1");
            } else if ((m = ENTRY.matcher(line)).matches()) {
                index = Integer.parseInt(m.group(1));
                high = Long.parseUnsignedLong(m.group(2), 16);
                low = Long.parseUnsignedLong(m.group(3), 16);
                fields = new LinkedHashMap<>();
            } else if ((m = OWNER.matcher(line)).matches()) {
                present.put(index, new Entry(index, high, low, Map.copyOf(fields), m.group(1)));
            } else if (index >= 0) {
                Matcher field = FIELD.matcher(line.replaceFirst(" -> .*", ""));
                while (field.find()) {
                    fields.put(field.group(1), fieldValue(field.group(2)));
                }
            }
        }
        return new Table(entries, extended, compat, present);
    }

    private static long fieldValue(String text) {
        return switch (text) {
            case "logical", "level" -> 1;
            case "physical", "edge" -> 0;
            default -> text.startsWith("0x") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
        };
    }

    private static Map<RequesterId, Capabilities> functions(List<String> lines) {
        Map<RequesterId, Capabilities> functions = new LinkedHashMap<>();
        RequesterId function = null;
        for (String line : lines) {
            Matcher m;
            if ((m = FUNCTION.matcher(line)).find()) {
                function = RequesterId.parse(m.group(1));
            } else if ((m = MSI_CONTROL.matcher(line)).find()) {
                int vectors = Integer.parseInt(m.group(2));
                functions.merge(function, new Capabilities(vectors, 0),
                        (a, b) -> new Capabilities(b.msiVectors(), a.msixEntries()));
            } else if ((m = MSIX_CONTROL.matcher(line)).find()) {
                int size = Integer.parseInt(m.group(1));
                functions.merge(function, new Capabilities(0, size),
                        (a, b) -> new Capabilities(a.msiVectors(), b.msixEntries()));
            } else if (line.startsWith("# MSI-X tables read through the QEMU monitor")) {
                break;
            }
        }
        return functions;
    }

    /**
     * The MSI message of each function whose MSI is enabled (read from config space), and every MSI-X
     * table entry that is not masked (read through the monitor, which also sees the e1000e's table).
     */
    private static Map<Slot, Message> stored(List<String> lines) {
        Map<Slot, Message> stored = new LinkedHashMap<>();
        RequesterId function = null;
        RequesterId table = null;
        boolean msiEnabled = false;
        for (String line : lines) {
            Matcher m;
            if ((m = FUNCTION.matcher(line)).find()) {
                function = RequesterId.parse(m.group(1));
                msiEnabled = false;
            } else if ((m = MSI_CONTROL.matcher(line)).find()) {
                msiEnabled = m.group(1).equals("1");
            } else if ((m = MSI_MESSAGE.matcher(line)).matches() && msiEnabled) {
                long address = Long.parseLong(m.group(2), 16) << 32 | Long.parseLong(m.group(1), 16);
                stored.put(new Slot(function, BusDomainKind.MSI, 0), Message.of(address, Integer.parseInt(m.group(3), 16)));
            } else if ((m = MSIX_TABLE.matcher(line)).matches()) {
                table = RequesterId.parse(m.group(1));
            } else if ((m = MSIX_ENTRY.matcher(line)).find() && table != null) {
                boolean masked = (Long.parseLong(m.group(5), 16) & 1) != 0;
                if (!masked) {
                    long address = Long.parseLong(m.group(3), 16) << 32 | Long.parseLong(m.group(2), 16);
                    stored.put(new Slot(table, BusDomainKind.MSIX, Integer.parseInt(m.group(1))),
                            Message.of(address, (int) Long.parseLong(m.group(4), 16)));
                }
            } else if (line.startsWith("# IOMMU fault-event interrupt")) {
                table = null;
            }
        }
        return stored;
    }

    private static List<ForgedWrite> forged(List<String> lines) {
        List<ForgedWrite> forged = new ArrayList<>();
        Matcher current = null;
        Optional<Fault> fault = Optional.empty();
        for (String line : lines) {
            Matcher m = FORGE.matcher(line);
            boolean ends = m.matches() || line.startsWith("#");
            if (ends && current != null) {
                forged.add(forgedWrite(current, fault));
                current = null;
            }
            if (m.matches()) {
                current = m;
                fault = Optional.empty();
            } else if (current != null && (m = FAULT.matcher(line)).find()) {
                fault = Optional.of(new Fault(m.group(1), Integer.parseInt(m.group(2), 16),
                        Integer.parseInt(m.group(3), 16)));
            }
        }
        if (current != null) {
            forged.add(forgedWrite(current, fault));
        }
        return List.copyOf(forged);
    }

    private static ForgedWrite forgedWrite(Matcher header, Optional<Fault> fault) {
        return new ForgedWrite(header.group(1), header.group(2),
                Message.of(Long.parseLong(header.group(3), 16), (int) Long.parseLong(header.group(4), 16)), fault);
    }
}
