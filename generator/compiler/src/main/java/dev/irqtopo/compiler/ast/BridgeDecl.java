package dev.irqtopo.compiler.ast;

import java.util.List;
import java.util.Objects;

/**
 * {@code bridge NAME RID { device … }} inside a bus block: a PCIe-to-PCI bridge at its own requester id,
 * with the devices declared on its secondary bus, in source order.
 */
public record BridgeDecl(Pos at, Name name, Rid rid, List<DeviceDecl> devices) {

    public BridgeDecl {
        Objects.requireNonNull(at);
        Objects.requireNonNull(name);
        Objects.requireNonNull(rid);
        devices = List.copyOf(devices);
    }
}
