package dev.irqtopo.importer.cpu;

import java.util.List;

/**
 * The logical CPUs of /proc/cpuinfo in processor order, with their APIC IDs.
 *
 * @param x2apicFlag whether the CPUs report the x2apic feature flag
 */
public record CpuList(List<Integer> apicIds, boolean x2apicFlag) {

    public CpuList {
        apicIds = List.copyOf(apicIds);
    }

    public int count() {
        return apicIds.size();
    }

    /** Whether xAPIC's 8-bit destinations cannot name every CPU: more than 255, or an APIC ID above 254. */
    public boolean needsX2apic() {
        return count() > 255 || apicIds.stream().anyMatch(id -> id > 254);
    }

    /** Whether CPU n has APIC ID n for every n: the language's default. */
    public boolean defaultApicIds() {
        for (int i = 0; i < apicIds.size(); i++) {
            if (apicIds.get(i) != i) {
                return false;
            }
        }
        return true;
    }
}
