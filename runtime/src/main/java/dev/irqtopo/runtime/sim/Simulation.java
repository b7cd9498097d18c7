package dev.irqtopo.runtime.sim;

import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.runtime.AllocatedInterrupt;
import dev.irqtopo.runtime.DeviceStorage;
import dev.irqtopo.runtime.Platform;
import dev.irqtopo.runtime.Stack;
import dev.irqtopo.runtime.StackResult;
import dev.irqtopo.runtime.delivery.Delivery;
import dev.irqtopo.runtime.remap.VtdRemapEntry;
import dev.irqtopo.runtime.stack.Interrupt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Boots a platform, performs every stack's {@code alloc} in boot order, then, once every stack has
 * allocated, fires every allocated interrupt once in boot order and reports each result, with the host
 * interrupt behind it and, for a slot that sends nothing, why.
 */
public final class Simulation {

    private final Platform platform;
    /** The VT-d or AMD-Vi unit each device's messages pass through, by device name. */
    private final Map<String, String> unitOfDevice = new HashMap<>();

    private Simulation(Platform platform) {
        this.platform = platform;
        PlatformModel model = platform.model();
        for (DeviceModel device : model.devices()) {
            model.iommuCovering(device).ifPresent(unit -> unitOfDevice.put(device.name(), unit.name()));
        }
    }

    public static SimulationReport run(PlatformModel model) {
        Platform platform = Platform.create(model);
        List<StackResult> booted = platform.boot();
        Simulation simulation = new Simulation(platform);
        List<StackReport> stacks = new ArrayList<>();
        for (int i = 0; i < booted.size(); i++) {
            stacks.add(simulation.fire(booted.get(i), platform.stacks().get(i)));
        }
        List<BootInterrupt> boot = new ArrayList<>();
        for (Interrupt irq : platform.hostBoot().interrupts()) {
            boot.add(new BootInterrupt(irq.bootSource(),
                    irq.virq(), irq.cpu(), platform.host().apicId(irq.cpu()), irq.vector(), irq.remapIndex(),
                    irq.composed()));
        }
        return new SimulationReport(model.name(), stacks, boot);
    }

    /** Fires every interrupt {@code stack} allocated at boot; {@code handle} is that stack. */
    private StackReport fire(StackResult stack, Stack handle) {
        List<InterruptReport> interrupts = new ArrayList<>();
        if (stack.allocation().succeeded()) {
            DeviceStorage storage = platform.hardware().storage(stack.device(), stack.storage());
            for (AllocatedInterrupt irq : stack.allocation().interrupts()) {
                Delivery delivery = storage.fire(irq.slot());
                Optional<HostInterrupt> host = handle.hostInterrupt(irq.slot()).map(h -> host(stack.device(), h));
                Optional<NotSentReason> reason = delivery instanceof Delivery.NotSent
                        ? Optional.of(notSent(handle, storage, irq.slot(), host.isPresent()))
                        : Optional.empty();
                interrupts.add(new InterruptReport(irq, storage.read(irq.slot()), delivery, host, reason));
            }
        }
        return new StackReport(stack, interrupts);
    }

    private HostInterrupt host(String device, AllocatedInterrupt host) {
        return new HostInterrupt(host.virq(), host.cpu(), platform.host().apicId(host.cpu()), host.vector(),
                posts(device, host.remapIndex()));
    }

    /** Whether the VT-d entry {@code index} that {@code device}'s messages select posts to a vCPU. */
    private boolean posts(String device, OptionalInt index) {
        if (index.isEmpty()) {
            return false;
        }
        String unit = unitOfDevice.get(device);
        return unit != null && platform.hardware().vtdEntry(unit, index.getAsInt()).flatMap(VtdRemapEntry::posted).isPresent();
    }

    /** Why {@code slot} sent nothing: a guest store the hypervisor trapped and dropped, never written, or masked. */
    static NotSentReason notSent(Stack stack, DeviceStorage storage, int slot, boolean hostAllocated) {
        if (!stack.kernel().isHost() && stack.plan().trapped() && !hostAllocated) {
            return NotSentReason.TRAPPED_STORE_DROPPED;
        }
        return storage.read(slot).isEmpty() ? NotSentReason.NEVER_WRITTEN : NotSentReason.MASKED;
    }
}
