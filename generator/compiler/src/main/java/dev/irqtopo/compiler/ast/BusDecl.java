package dev.irqtopo.compiler.ast;

import java.util.List;
import java.util.Objects;

/**
 * {@code bus NAME { device … bridge … msi_map … }}.
 *
 * @param devices  every device of the block in source order, those inside a bridge block included
 * @param bridges  the block's bridges in source order; each lists the devices declared inside it
 * @param msiMaps  the block's {@code msi_map} lines (arm64), in source order
 * @param msiMapMasks the block's {@code msi_map_mask} lines (arm64); the first counts
 */
public record BusDecl(Pos at, Name name, List<DeviceDecl> devices, List<BridgeDecl> bridges, List<MsiMapDecl> msiMaps,
        List<MsiMapDecl.Mask> msiMapMasks) implements PlatformItem {

    public BusDecl {
        Objects.requireNonNull(at);
        Objects.requireNonNull(name);
        devices = List.copyOf(devices);
        bridges = List.copyOf(bridges);
        msiMaps = List.copyOf(msiMaps);
        msiMapMasks = List.copyOf(msiMapMasks);
    }

    /** A bus block without msi_map lines. */
    public BusDecl(Pos at, Name name, List<DeviceDecl> devices, List<BridgeDecl> bridges) {
        this(at, name, devices, bridges, List.of(), List.of());
    }

    /** A bus block without bridges. */
    public BusDecl(Pos at, Name name, List<DeviceDecl> devices) {
        this(at, name, devices, List.of());
    }
}
