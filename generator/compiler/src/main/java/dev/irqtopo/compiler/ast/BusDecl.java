package dev.irqtopo.compiler.ast;

import java.util.List;
import java.util.Objects;

/**
 * {@code bus NAME { device … bridge … }}.
 *
 * @param devices every device of the block in source order, those inside a bridge block included
 * @param bridges the block's bridges in source order; each lists the devices declared inside it
 */
public record BusDecl(Pos at, Name name, List<DeviceDecl> devices, List<BridgeDecl> bridges) implements PlatformItem {

    public BusDecl {
        Objects.requireNonNull(at);
        Objects.requireNonNull(name);
        devices = List.copyOf(devices);
        bridges = List.copyOf(bridges);
    }

    /** A bus block without bridges. */
    public BusDecl(Pos at, Name name, List<DeviceDecl> devices) {
        this(at, name, devices, List.of());
    }
}
