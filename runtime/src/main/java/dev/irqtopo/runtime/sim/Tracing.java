package dev.irqtopo.runtime.sim;

import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.runtime.Platform;
import dev.irqtopo.runtime.delivery.Trace;
import dev.irqtopo.runtime.message.Message;

import java.util.ArrayList;
import java.util.List;

/**
 * Boots a platform as {@link Simulation} does (every stack allocates), then lets one device emit one
 * message, whatever its storages hold, as a function's DMA may: who emits it with which requester id,
 * then every step the hardware takes, as {@code verify} prints a counterexample's path.
 */
public final class Tracing {

    private Tracing() {
    }

    /**
     * The steps and the outcome of {@code device} emitting {@code message} on {@code model}, booted.
     *
     * @throws IllegalArgumentException when the platform declares no such device
     */
    public static TraceReport run(PlatformModel model, String device, Message message) {
        DeviceModel emitter = model.device(device)
                .orElseThrow(() -> new IllegalArgumentException("no device " + device + " on platform " + model.name()));
        Platform platform = Platform.create(model);
        platform.boot();
        Trace trace = platform.hardware().trace(device, message);
        List<String> steps = new ArrayList<>();
        steps.add(emits(emitter));
        emitter.bridge().ifPresent(bridge -> steps.add("behind bridge " + bridge.name() + " the IOMMU sees it as "
                + bridge.alias() + ", the bridge's alias"));
        steps.addAll(trace.steps());
        return new TraceReport(model.name(), device, emitter.iommuRequesterId(), message, steps, trace.delivery());
    }

    /** The first step: who puts the write on the bus, with which requester id. */
    private static String emits(DeviceModel device) {
        if (device.isSubDevice()) {
            return device.name() + " emits it with its parent " + device.parent().orElseThrow() + "'s requester id "
                    + device.requesterId() + ": an interrupt request carries no PASID (" + device.name() + "'s is "
                    + device.pasid() + ")";
        }
        return device.name() + " emits it with requester id " + device.requesterId();
    }
}
