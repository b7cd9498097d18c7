package dev.irqtopo.runtime.riscv64.isolation;

import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.riscv.ImsicPlacement;
import dev.irqtopo.runtime.message.Hex;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.riommu.MsiTranslation;
import dev.irqtopo.runtime.riommu.MsiTranslator;
import dev.irqtopo.runtime.riommu.Pext;
import dev.irqtopo.runtime.riommu.Reached;
import dev.irqtopo.runtime.riscv64.DeviceTranslation;
import dev.irqtopo.runtime.riscv64.OutcomeWords;
import dev.irqtopo.runtime.riscv64.RiscvPlatform;
import java.util.ArrayList;
import java.util.List;

/** The steps of a counterexample in words: the write, the device context, the IMSIC, who takes it. */
final class RiscvPath {

    private RiscvPath() {
    }

    static List<String> of(RiscvPlatform platform, DeviceModel device, String means, Reached reached) {
        Message written = reached.lowest();
        List<String> path = new ArrayList<>();
        String by = means.equals("dma") ? "by DMA" : "from its " + means + " storage, which the VMM does not trap";
        path.add(device.name() + " writes " + written.addressHex() + " " + written.dataHex() + " " + by
                + " with requester id " + device.iommuRequesterId());
        DeviceTranslation t = platform.translation(device);
        String context = t.iommu().map(i -> i + "'s device context").orElse("");
        if (!t.contextOwner().equals(ownerOf(platform, device))) {
            context += " (built for " + t.contextOwner() + ": device contexts are per requester id)";
        }
        if (t.iommu().isEmpty()) {
            path.add("no IOMMU covers its bus: the address is physical");
        } else if (!t.translatesMsis()) {
            path.add(context + " has no MSI translation (msiptp.MODE Off): the address goes on as it is");
        } else {
            long page = written.address() >>> ImsicPlacement.PAGE_SHIFT;
            long index = Pext.extract(page, t.context().addressMask());
            String head = context + ": page 0x" + Hex.of(page, 9) + " is an MSI page (mask 0x"
                    + Long.toHexString(t.context().addressMask()) + ", pattern 0x" + Long.toHexString(t.context().addressPattern())
                    + "), file number " + index;
            MsiTranslation translation = MsiTranslator.translate(t.caps(), t.context(), written.address());
            if (translation instanceof MsiTranslation.Translated tr) {
                path.add(head + "; its PTE maps it to page 0x" + Hex.of(tr.address() >>> ImsicPlacement.PAGE_SHIFT, 9));
            } else if (translation instanceof MsiTranslation.ToMrif m) {
                path.add(head + "; its PTE records in MRIF 0x" + Hex.of(m.mrif(), 12) + " and sends notice 0x"
                        + Hex.of(m.noticeAddress(), 12) + " data " + m.nid());
            } else {
                path.add("page 0x" + Hex.of(page, 9) + " is no MSI page of " + context + "; the second stage maps it");
            }
        }
        path.add(OutcomeWords.of(platform.emit(device, written)));
        return path;
    }

    private static String ownerOf(RiscvPlatform platform, DeviceModel device) {
        return platform.owner(device.name());
    }
}
