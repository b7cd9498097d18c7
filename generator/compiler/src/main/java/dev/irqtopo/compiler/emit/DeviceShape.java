package dev.irqtopo.compiler.emit;

import dev.irqtopo.compiler.naming.Naming;
import dev.irqtopo.model.BusDomainKind;
import java.util.List;

/**
 * What the hardware view shows of one device: its storages by bus domain, in the order msi, msix, ims.
 * Devices of the same shape share one generated class.
 */
record DeviceShape(List<BusDomainKind> storages) {

    DeviceShape {
        storages = List.copyOf(storages);
    }

    /** {@code MsixImsDevice}; a device without storage is a plain {@code Device}. */
    String className() {
        StringBuilder name = new StringBuilder();
        storages.forEach(kind -> name.append(Naming.className(kind.keyword())));
        return name.append(GeneratedNames.DEVICE_SUFFIX).toString();
    }
}
