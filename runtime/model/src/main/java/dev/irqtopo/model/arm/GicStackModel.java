package dev.irqtopo.model.arm;

import dev.irqtopo.model.StackDeclaration;
import dev.irqtopo.model.StorageKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A domain hierarchy an arm64 kernel builds for one storage of one device, root first: the GIC's domain,
 * then the MSI controller's (an ITS or a GICv2m frame of the platform, or a guest's virtual ITS), then
 * the bus domain.
 *
 * @param storage    the device's storage the bus domain stores into ({@code ims} resolved)
 * @param controller the platform's ITS or GICv2m frame; empty in a guest, whose chain goes through its
 *                   virtual ITS
 * @param alloc      how many interrupts the driver allocates at probe time
 */
public record GicStackModel(String device, StorageKind storage, Optional<String> controller, int alloc)
        implements StackDeclaration {

    public GicStackModel {
        Objects.requireNonNull(device);
        Objects.requireNonNull(storage);
        Objects.requireNonNull(controller);
        if (alloc < 1) {
            throw new IllegalArgumentException("alloc " + alloc + " below 1");
        }
    }

    /** The chain as the language writes it: {@code ["gic", "its its0", "msix"]}, a guest's {@code "its"} alone. */
    public List<String> chain(String controllerKeyword) {
        return List.of("gic", controller.map(c -> controllerKeyword + " " + c).orElse("its"), busDomain().keyword());
    }
}
