package dev.irqtopo.compiler.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code device NAME RID { … }} or {@code device NAME of PARENT pasid N { … }}, inside the bus block
 * named {@code bus}.
 */
public record DeviceDecl(Pos at, Name name, Name bus, DeviceAddress address, List<StorageDecl> storages) {

    public DeviceDecl {
        Objects.requireNonNull(at);
        Objects.requireNonNull(name);
        Objects.requireNonNull(bus);
        Objects.requireNonNull(address);
        storages = List.copyOf(storages);
    }

    public boolean isSubDevice() {
        return address instanceof DeviceAddress.SubDevice;
    }

    /** The parent of a sub-device. */
    public Optional<Name> parent() {
        return address instanceof DeviceAddress.SubDevice s ? Optional.of(s.parent()) : Optional.empty();
    }
}
