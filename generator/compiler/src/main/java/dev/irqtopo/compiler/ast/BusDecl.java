package dev.irqtopo.compiler.ast;

import java.util.List;
import java.util.Objects;

/** {@code bus NAME { device … }}. */
public record BusDecl(Pos at, Name name, List<DeviceDecl> devices) implements PlatformItem {

    public BusDecl {
        Objects.requireNonNull(at);
        Objects.requireNonNull(name);
        devices = List.copyOf(devices);
    }
}
