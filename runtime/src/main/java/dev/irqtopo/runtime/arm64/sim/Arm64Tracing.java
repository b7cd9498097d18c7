package dev.irqtopo.runtime.arm64.sim;

import dev.irqtopo.model.Arm64PlatformModel;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.arm.V2mFrameModel;
import dev.irqtopo.runtime.arm64.Arm64Outcome;
import dev.irqtopo.runtime.arm64.Arm64Platform;
import dev.irqtopo.runtime.arm64.DeviceDma;
import dev.irqtopo.runtime.arm64.GuestIts;
import dev.irqtopo.runtime.arm64.GuestRoute;
import dev.irqtopo.runtime.arm64.Handler;
import dev.irqtopo.runtime.arm64.VitsInjection;
import dev.irqtopo.runtime.gic.Gic;
import dev.irqtopo.runtime.gic.Its;
import dev.irqtopo.runtime.gic.WriteOutcome;
import dev.irqtopo.runtime.message.Hex;
import dev.irqtopo.runtime.message.Message;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code irqtopo trace} for an arm64 platform: boots it as {@code simulate} does, lets one device write
 * one message, and says what each boundary did with it: the SMMU (or its absence), the doorbell it
 * lands on, an ITS's device table, ITT and collection table (or a GICv2m frame's SPI range), and the
 * handler that takes the interrupt, through KVM and the guest's virtual ITS for a trapped guest vector.
 * The outcome is {@link Arm64Platform#emit}'s, the one firing gives.
 */
public final class Arm64Tracing {

    private Arm64Tracing() {
    }

    public static Arm64TraceReport run(Arm64PlatformModel model, String deviceName, Message message) {
        Arm64Platform platform = Arm64Platform.create(model);
        platform.boot();
        return trace(platform, deviceName, message);
    }

    /** The trace of one write on a platform already booted. */
    public static Arm64TraceReport trace(Arm64Platform platform, String deviceName, Message message) {
        Arm64PlatformModel model = platform.model();
        DeviceModel device = platform.device(deviceName);
        List<String> steps = new ArrayList<>();
        steps.add(device.name() + " writes it with requester id " + device.iommuRequesterId() + seenAs(model, device));
        Optional<Long> physical = smmu(platform, device, message.address(), steps);
        Arm64Outcome outcome = platform.emit(device, message);
        if (physical.isPresent()) {
            gic(platform, device, physical.get(), message.data(), steps);
            WriteOutcome written = platform.gic().write(platform.sender(device), physical.get(), message.data());
            if (written instanceof WriteOutcome.Delivered delivered) {
                handler(platform, delivered.raised().intid(), outcome, steps);
            }
        }
        return new Arm64TraceReport(model.name(), device.name(), device.iommuRequesterId(), message, steps, outcome);
    }

    private static String seenAs(Arm64PlatformModel model, DeviceModel device) {
        if (device.isSubDevice()) {
            return " (its parent " + device.parent().orElseThrow() + "'s)";
        }
        return device.bridge().map(b -> " (bridge " + b.name() + "'s alias)").orElse("");
    }

    /** The SMMU's step; the physical address the write goes on to, or empty when it ends there. */
    private static Optional<Long> smmu(Arm64Platform platform, DeviceModel device, long address, List<String> steps) {
        DeviceDma dma = platform.dma(device);
        DeviceDma.Target target = dma.translate(address, doorbellPages(platform));
        String at = "0x" + Hex.of(address, 16);
        if (dma.kind() == DeviceDma.Kind.PHYSICAL) {
            steps.add("no SMMU translates its writes: " + at + " is physical");
        } else if (target instanceof DeviceDma.Fault) {
            steps.add(dma.kind() == DeviceDma.Kind.VFIO_DOMAIN
                    ? "the SMMU's software MSI window maps only its own doorbell page at 0x"
                            + Hex.of(DeviceDma.MSI_IOVA_BASE, 8) + ": nothing at " + at + ", a translation fault"
                    : "the SMMU maps only its own doorbell page: nothing at " + at + ", a translation fault");
        } else if (target instanceof DeviceDma.Memory) {
            steps.add(dma.kind() == DeviceDma.Kind.VFIO_DOMAIN
                    ? "the SMMU translates " + at + " outside the software MSI window: guest memory, no doorbell"
                    : "the SMMU translates " + at + " to memory: no doorbell page");
        } else {
            long physical = ((DeviceDma.Physical) target).address();
            steps.add(dma.kind() == DeviceDma.Kind.VFIO_DOMAIN
                    ? "the SMMU maps IOVA 0x" + Hex.of(DeviceDma.page(address), 8) + " of the software MSI window to its own"
                            + " doorbell page 0x" + Hex.of(DeviceDma.page(physical), 8) + ": physical 0x" + Hex.of(physical, 16)
                    : "the SMMU maps its own doorbell page 0x" + Hex.of(DeviceDma.page(physical), 8) + " at its physical"
                            + " address");
        }
        return target instanceof DeviceDma.Physical p ? Optional.of(p.address()) : Optional.empty();
    }

    private static Set<Long> doorbellPages(Arm64Platform platform) {
        Set<Long> pages = new HashSet<>();
        platform.gic().its().forEach(u -> pages.add(DeviceDma.page(u.model().doorbell())));
        platform.gic().frames().forEach(f -> pages.add(DeviceDma.page(f.doorbell())));
        return pages;
    }

    /** The doorbell's steps: an ITS's tables, a GICv2m frame's range, or no doorbell. */
    private static void gic(Arm64Platform platform, DeviceModel device, long address, int data, List<String> steps) {
        Gic gic = platform.gic();
        Optional<Its> its = gic.its().stream().filter(u -> u.model().doorbell() == address).findFirst();
        if (its.isPresent()) {
            ItsSteps.translate(its.get(), its.get().name(), platform.deviceId(device, its.get().name()), data,
                    cpu -> platform.model().cpus().mpidr(cpu).toString(), "CPU", steps);
            return;
        }
        Optional<V2mFrameModel> frame = gic.frames().stream().filter(f -> f.doorbell() == address).findFirst();
        if (frame.isPresent()) {
            V2mFrameModel f = frame.get();
            long spi = Integer.toUnsignedLong(data);
            String range = "SPIs " + f.firstSpi() + ".." + (f.firstSpi() + f.spiCount() - 1);
            steps.add(f.name() + " (MSI_SETSPI_NS) reads no DeviceID: data " + spi
                    + (f.covers(spi) ? " is SPI " + spi + ", within its " + range + "; the distributor routes it to CPU 0"
                    : " is outside its " + range + ": ignored, spi_out_of_range"));
            return;
        }
        steps.add("no doorbell at 0x" + Hex.of(address, 16) + ": an ordinary memory write");
    }

    /** Who took host INTID {@code intid}: the host's handler, or KVM's route to a guest and the guest's vITS. */
    private static void handler(Arm64Platform platform, int intid, Arm64Outcome outcome, List<String> steps) {
        Optional<Handler> host = platform.hostHandler(intid);
        if (host.isPresent()) {
            steps.add("the host's handler of INTID " + intid + ": " + slot(host.get()) + ", irq " + host.get().virq());
            return;
        }
        Optional<GuestRoute> route = platform.route(intid);
        if (route.isEmpty()) {
            steps.add("no kernel allocated INTID " + intid + ": no handler takes it");
            return;
        }
        GuestRoute r = route.get();
        GuestIts guest = platform.guest(r.guest()).orElseThrow();
        String message = r.message().addressHex() + " " + r.message().dataHex() + " with DeviceID 0x"
                + Long.toHexString(r.deviceId());
        steps.add(r.vlpi()
                ? "host INTID " + intid + " is forwarded to " + r.guest() + " (GICv4: VMAPTI in place of its entry): the ITS"
                        + " delivers the guest's LPI for " + message + " to the vCPU, no host handler runs"
                : "host INTID " + intid + " backs a vector of " + r.guest() + ": vfio_msihandler signals the irqfd and KVM"
                        + " injects the guest's message " + message + " through " + r.guest() + "'s its");
        Its vits = guest.gic().its(GuestIts.NAME).orElseThrow();
        ItsSteps.translate(vits, r.guest() + "'s " + GuestIts.NAME, OptionalLong.of(r.deviceId()), r.message().data(),
                vcpu -> guest.vcpus().mpidr(vcpu).toString(), "vCPU", steps);
        if (!r.vlpi()) {
            steps.add(injection(guest.inject(OptionalLong.of(r.deviceId()), r.message())));
        }
        if (outcome instanceof Arm64Outcome.Delivered d) {
            guest.handler(d.intid()).ifPresent(h -> steps.add(r.guest() + "'s handler of LPI " + d.intid() + ": "
                    + slot(h) + ", irq " + h.virq()));
        }
    }

    /** What {@code vgic_its_inject_msi} returned to the irqfd, and why. */
    private static String injection(VitsInjection injected) {
        String returned = "KVM's vgic_its_inject_msi returns " + injected.kvmReturn();
        if (injected instanceof VitsInjection.Raised raised) {
            return returned + ": LPI " + raised.lpi().intid() + " is pending";
        }
        if (injected instanceof VitsInjection.Blocked blocked) {
            return returned + ": " + blocked.error().word() + " (0x" + Integer.toHexString(blocked.error().code())
                    + "), the MSI counts as blocked by the guest";
        }
        VitsInjection.Refused refused = (VitsInjection.Refused) injected;
        return returned + " (-" + refused.errno() + "): " + refused.reason().word();
    }

    private static String slot(Handler h) {
        return h.device() + "." + h.storage().busDomain().keyword() + " slot " + h.slot();
    }
}
