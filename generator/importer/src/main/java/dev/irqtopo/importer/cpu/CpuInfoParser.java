package dev.irqtopo.importer.cpu;

import dev.irqtopo.importer.BadInputException;
import java.util.ArrayList;
import java.util.List;

/** Reads a copy of x86 /proc/cpuinfo: a {@code processor} line per CPU, then its {@code apicid} and {@code flags}. */
public final class CpuInfoParser {

    private CpuInfoParser() {
    }

    public static CpuList parse(String file, String text) throws BadInputException {
        List<Integer> apicIds = new ArrayList<>();
        boolean x2apic = false;
        int processors = 0;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = lines[i].substring(0, colon).strip();
            String value = lines[i].substring(colon + 1).strip();
            if (key.equals("processor")) {
                processors++;
            } else if (key.equals("apicid")) {
                if (!value.matches("\\d{1,10}") || Long.parseLong(value) > 0xffff_ffffL) {
                    throw new BadInputException(file, BadInputException.atLine(i + 1), "apicid \"" + value
                            + "\" is not a number");
                }
                if (apicIds.size() != processors - 1) {
                    throw new BadInputException(file, BadInputException.atLine(i + 1),
                            "an apicid line outside a processor's block");
                }
                apicIds.add((int) Math.min(Integer.MAX_VALUE, Long.parseLong(value)));
            } else if (key.equals("flags")) {
                x2apic |= (" " + value + " ").contains(" x2apic ");
            }
        }
        if (processors == 0) {
            throw new BadInputException(file, BadInputException.atLine(1),
                    "no \"processor\" line: not a copy of an x86 /proc/cpuinfo");
        }
        if (apicIds.size() != processors) {
            // a kernel that does not print apicid (some hypervisors): CPU n has APIC ID n
            apicIds.clear();
            for (int cpu = 0; cpu < processors; cpu++) {
                apicIds.add(cpu);
            }
        }
        return new CpuList(apicIds, x2apic);
    }
}
