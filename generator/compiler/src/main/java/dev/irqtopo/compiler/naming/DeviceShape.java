package dev.irqtopo.compiler.naming;

import dev.irqtopo.model.BusDomainKind;
import java.util.List;

/**
 * What the hardware view shows of one device: its storages by bus domain, in the order msi, msix, ims.
 * Devices of the same shape share one generated class.
 */
public record DeviceShape(List<BusDomainKind> storages) {

    public DeviceShape {
        storages = List.copyOf(storages);
    }

    /** {@code MsixImsDevice}; a device without storage is a plain {@code Device}. */
    public String className() {
        StringBuilder name = new StringBuilder();
        storages.forEach(kind -> name.append(Naming.className(kind.keyword())));
        return name.append(GeneratedNames.DEVICE_SUFFIX).toString();
    }
}
