package dev.irqtopo.runtime.arm64.isolation;

import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.runtime.arm64.Arm64Outcome;
import dev.irqtopo.runtime.arm64.Arm64Platform;
import dev.irqtopo.runtime.arm64.DeviceDma;
import dev.irqtopo.runtime.arm64.GuestRoute;
import dev.irqtopo.runtime.arm64.Handler;
import dev.irqtopo.runtime.arm64.OutcomeWords;
import dev.irqtopo.runtime.gic.GicInterrupt;
import dev.irqtopo.runtime.gic.Reached;
import dev.irqtopo.runtime.message.Hex;
import dev.irqtopo.runtime.message.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The steps of a counterexample in words: the write, the SMMU, the GIC, the handler that takes it. */
final class Arm64Path {

    private Arm64Path() {
    }

    static List<String> of(Arm64Platform platform, DeviceModel device, String means, Message written, Message physical,
                           Reached reached, OptionalLong deviceId) {
        List<String> path = new ArrayList<>();
        String by = means.equals("dma") ? "by DMA" : "from its " + means + " storage, which the VMM does not trap";
        path.add(device.name() + " writes " + written.addressHex() + " " + written.dataHex() + " " + by
                + " with requester id " + device.iommuRequesterId());
        DeviceDma dma = platform.dma(device);
        switch (dma.kind()) {
            case PHYSICAL:
                path.add("no SMMU translates its writes: the address is physical");
                break;
            case VFIO_DOMAIN:
                path.add("the SMMU maps IOVA 0x" + Hex.of(DeviceDma.MSI_IOVA_BASE, 8) + " of the software MSI window to "
                        + "its own doorbell page 0x" + Hex.of(DeviceDma.page(physical.address()), 8));
                break;
            default:
                path.add("the SMMU maps its own doorbell page 0x" + Hex.of(DeviceDma.page(physical.address()), 8));
                break;
        }
        GicInterrupt raised = reached.interrupt();
        if (raised instanceof GicInterrupt.Spi) {
            path.add(reached.unit() + " raises SPI " + raised.intid() + " for data " + physical.data()
                    + " whoever writes it: a GICv2m frame reads no DeviceID");
        } else {
            path.add(reached.unit() + " reads DeviceID 0x" + Long.toHexString(deviceId.orElse(-1))
                    + "; its ITT maps EventID " + physical.data() + " to LPI " + raised.intid() + " in collection "
                    + raised.cpu() + " (CPU " + raised.cpu() + ", " + platform.model().cpus().mpidr(raised.cpu()) + ")");
        }
        Arm64Outcome taken = platform.take(reached.unit(), raised);
        path.add(OutcomeWords.of(taken) + whose(platform, raised.intid(), taken));
        return path;
    }

    /** {@code : the host's pf.msix slot 1}, {@code : vm1's vf1.msix slot 0, backed by host LPI 8196}. */
    private static String whose(Arm64Platform platform, int intid, Arm64Outcome taken) {
        Optional<Handler> host = platform.hostHandler(intid);
        if (host.isPresent()) {
            return ": the host's " + slot(host.get());
        }
        Optional<GuestRoute> route = platform.route(intid);
        if (route.isPresent() && taken instanceof Arm64Outcome.Delivered d) {
            Optional<Handler> guest = platform.guest(route.get().guest()).flatMap(g -> g.handler(d.intid()));
            return guest.map(h -> ": " + h.kernel() + "'s " + slot(h) + ", which host LPI " + intid
                    + (route.get().vlpi() ? " delivers as a vLPI" : " backs")).orElse("");
        }
        return "";
    }

    private static String slot(Handler h) {
        return h.device() + "." + h.storage().busDomain().keyword() + " slot " + h.slot();
    }
}
