package dev.irqtopo.cli.explain;

import dev.irqtopo.model.BridgeModel;
import dev.irqtopo.model.BusModel;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.RequesterId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Places a checked model's devices behind a bridge, as a {@code bridge} block would: every device
 * whose requester id names the bridge's secondary bus (sub-devices of such a parent included) in the
 * bus that declares them.
 */
final class Bridging {

    private Bridging() {
    }

    static PlatformModel behind(PlatformModel model, String bus, String bridgeName, RequesterId bridgeId, int secondary) {
        BridgeModel bridge = new BridgeModel(bridgeName, bridgeId, secondary);
        List<BusModel> buses = new ArrayList<>();
        for (BusModel b : model.buses()) {
            if (!b.name().equals(bus)) {
                buses.add(b);
                continue;
            }
            List<DeviceModel> devices = b.devices().stream().map(d -> d.requesterId().bus() == secondary
                    && d.requesterId().segment() == bridgeId.segment()
                    ? new DeviceModel(d.name(), d.bus(), d.requesterId(), d.pasid(), d.parent(), d.storages(),
                            Optional.of(bridge))
                    : d).toList();
            List<BridgeModel> bridges = new ArrayList<>(b.bridges());
            bridges.add(bridge);
            buses.add(new BusModel(b.name(), devices, bridges));
        }
        return new PlatformModel(model.javaPackage(), model.name(), model.description(), model.cpu(), model.iommus(),
                model.hypervisor(), buses, model.hostStacks(), model.guests(), model.expect());
    }
}
