package dev.irqtopo.compiler.naming;

import java.util.List;

/**
 * What one kernel sees of one device: the bus domains it declared stacks for, in the order msi, msix,
 * ims. Devices of the same shape share one generated class, so a platform of ten thousand devices
 * needs a handful of classes, not ten thousand.
 */
public record DriverShape(List<DomainAccess> domains) {

    public DriverShape {
        domains = List.copyOf(domains);
        if (domains.isEmpty()) {
            throw new IllegalArgumentException("a kernel sees a device only through at least one stack");
        }
    }

    /** {@code MsixWritableImsDriver}. */
    public String className() {
        StringBuilder name = new StringBuilder();
        domains.forEach(d -> name.append(d.namePart()));
        return name.append(GeneratedNames.DRIVER_SUFFIX).toString();
    }
}
