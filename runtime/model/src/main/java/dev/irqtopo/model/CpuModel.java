package dev.irqtopo.model;

import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;

/** The platform's x86 CPUs: how many, the APIC mode, and each CPU's APIC ID in CPU order. */
public record CpuModel(int count, ApicMode apic, List<Integer> apicIds) {

    public static final int MAX_CPUS = 4096;

    public CpuModel {
        if (count < 1 || count > MAX_CPUS) {
            throw new IllegalArgumentException("cpus " + count + " outside 1.." + MAX_CPUS);
        }
        apicIds = List.copyOf(apicIds);
        if (apicIds.size() != count) {
            throw new IllegalArgumentException(apicIds.size() + " APIC IDs for " + count + " CPUs");
        }
        if (new HashSet<>(apicIds).size() != count) {
            throw new IllegalArgumentException("repeated APIC ID in " + apicIds);
        }
        for (int id : apicIds) {
            if (id < 0) {
                throw new IllegalArgumentException("negative APIC ID " + id);
            }
        }
    }

    /** CPUs numbered 0..count-1 whose APIC ID equals their number, the language's default. */
    public static CpuModel of(int count, ApicMode apic) {
        return new CpuModel(count, apic, IntStream.range(0, count).boxed().toList());
    }

    public int apicId(int cpu) {
        return apicIds.get(cpu);
    }
}
