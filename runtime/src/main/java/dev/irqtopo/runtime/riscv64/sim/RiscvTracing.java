package dev.irqtopo.runtime.riscv64.sim;

import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.RiscvPlatformModel;
import dev.irqtopo.model.riscv.DeviceContext;
import dev.irqtopo.model.riscv.MsiPte;
import dev.irqtopo.runtime.imsic.ImsicWrite;
import dev.irqtopo.runtime.message.Hex;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.riommu.DeviceWrite;
import dev.irqtopo.runtime.riommu.MsiTranslation;
import dev.irqtopo.runtime.riommu.MsiTranslator;
import dev.irqtopo.runtime.riommu.Pext;
import dev.irqtopo.runtime.riscv64.DeviceTranslation;
import dev.irqtopo.runtime.riscv64.RiscvOutcome;
import dev.irqtopo.runtime.riscv64.RiscvPlatform;
import dev.irqtopo.runtime.riscv64.Taken;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code irqtopo trace} for a riscv64 platform: boots it as {@code simulate} does, lets one device write
 * one message, and says what each boundary did with it: the RISC-V IOMMU's device context (or no IOMMU),
 * the match of the address against {@code msi_addr_pattern} under {@code msi_addr_mask}, the file number
 * and its MSI PTE (and the fault cause when the translation stops), the IMSIC's write or the MRIF's
 * record and notice, and the kernel that takes the identity. The outcome is {@link RiscvPlatform#emit}'s,
 * the one firing gives.
 */
public final class RiscvTracing {

    private RiscvTracing() {
    }

    public static RiscvTraceReport run(RiscvPlatformModel model, String deviceName, Message message) {
        RiscvPlatform platform = RiscvPlatform.create(model);
        platform.boot();
        return trace(platform, deviceName, message);
    }

    /** The trace of one write on a platform already booted. */
    public static RiscvTraceReport trace(RiscvPlatform platform, String deviceName, Message message) {
        DeviceModel device = platform.device(deviceName);
        List<String> steps = new ArrayList<>();
        steps.add(device.name() + " writes it with requester id " + device.iommuRequesterId() + seenAs(device));
        DeviceTranslation t = platform.translation(device);
        RiscvOutcome outcome = platform.emit(device, message);
        context(device, t, message.address(), steps);
        DeviceWrite write = ((RiscvOutcome.Written) outcome).write();
        effect(write, steps);
        ((RiscvOutcome.Written) outcome).taken().ifPresent(taken -> taken(platform, taken, steps));
        return new RiscvTraceReport(platform.model().name(), device.name(), device.iommuRequesterId(), message, steps,
                outcome);
    }

    private static String seenAs(DeviceModel device) {
        if (device.isSubDevice()) {
            return " (its parent " + device.parent().orElseThrow() + "'s)";
        }
        return device.bridge().map(b -> " (bridge " + b.name() + "'s alias)").orElse("");
    }

    /** The IOMMU's steps, up to the physical address the write goes on to or the MRIF it goes to. */
    private static void context(DeviceModel device, DeviceTranslation t, long address, List<String> steps) {
        String at = "0x" + Hex.of(address, 16);
        if (t.iommu().isEmpty()) {
            steps.add("no IOMMU translates its writes: " + at + " is physical");
            return;
        }
        DeviceContext dc = t.context();
        long deviceId = (long) device.iommuRequesterId().segment() << 16 | device.iommuRequesterId().sourceId();
        steps.add(t.iommu().get() + " looks up the device context of device_id 0x" + Hex.of(deviceId, 6) + ", built for "
                + t.contextOwner() + (t.translatesMsis() ? ": msiptp.MODE Flat, msiptp.PPN 0x" + Long.toHexString(dc.tablePpn())
                        + ", msi_addr_mask 0x" + Long.toHexString(dc.addressMask()) + ", msi_addr_pattern 0x"
                        + Long.toHexString(dc.addressPattern())
                        : ": msiptp.MODE Off, so no page is an MSI page"));
        if (!t.translatesMsis()) {
            steps.add(t.stage().permits(address)
                    ? "the second stage lets it through: physical " + at
                    : "the second stage maps no page at " + at + ": blocked");
            return;
        }
        MsiTranslation translation = MsiTranslator.translate(t.caps(), dc, address);
        if (translation instanceof MsiTranslation.Fault f && !dc.secondStage()) {
            steps.add("iohgatp.MODE is Bare under msiptp.MODE Flat: fault " + f.fault().cause() + " ("
                    + f.fault().word() + ")");
            return;
        }
        long page = address >>> 12;
        long pages = (1L << (t.caps().mgpaw() - 12)) - 1;
        long mask = dc.addressMask() & pages;
        boolean msi = (page & ~mask & pages) == (dc.addressPattern() & ~mask & pages);
        String compared = "page number 0x" + Long.toHexString(page) + " outside msi_addr_mask 0x" + Long.toHexString(mask)
                + (msi ? " matches" : " does not match") + " msi_addr_pattern 0x" + Long.toHexString(dc.addressPattern());
        if (!msi) {
            steps.add(compared + ": not an MSI page, the second stage handles it");
            steps.add(t.stage().permits(address)
                    ? "the second stage lets it through: physical " + at
                    : "the second stage maps no page at " + at + " (guest RAM only): blocked");
            return;
        }
        long index = Pext.extract(page, mask);
        long pteAddress = dc.tablePpn() << 12 | index * 16;
        steps.add(compared + ": an MSI page, interrupt file number " + index + " (the page-number bits msi_addr_mask"
                + " selects), MSI PTE at 0x" + Long.toHexString(pteAddress));
        steps.add(pte(index, dc.entry(index), translation, address));
    }

    /** The PTE's fields and what the translation made of them. */
    private static String pte(long index, MsiPte pte, MsiTranslation translation, long address) {
        String fields = "MSI PTE " + index + ": V " + (pte.dw0() & 1);
        if (translation instanceof MsiTranslation.Fault f) {
            if ((pte.dw0() & 1) != 0) {
                fields += ", M " + (pte.dw0() >>> 1 & 3) + ", dw0 0x" + Hex.of(pte.dw0(), 16) + ", dw1 0x"
                        + Hex.of(pte.dw1(), 16);
            }
            return fields + ": fault " + f.fault().cause() + " (" + f.fault().word() + ")";
        }
        if (translation instanceof MsiTranslation.Translated tr) {
            return fields + ", M 3 (basic translate), PPN 0x" + Long.toHexString(tr.address() >>> 12)
                    + ": physical 0x" + Hex.of(tr.address(), 16) + " (the page offset 0x" + Long.toHexString(address & 0xFFF)
                    + " kept)";
        }
        MsiTranslation.ToMrif m = (MsiTranslation.ToMrif) translation;
        return fields + ", M 1 (MRIF), MRIF Address 0x" + Hex.of(m.mrif(), 12) + ", NPPN 0x"
                + Long.toHexString(m.noticeAddress() >>> 12) + ", NID " + m.nid();
    }

    /** What the physical write, or the MRIF, did. */
    private static void effect(DeviceWrite write, List<String> steps) {
        if (write instanceof DeviceWrite.Onward o) {
            steps.add(imsic(o.effect()));
        } else if (write instanceof DeviceWrite.MrifRecorded m) {
            steps.add("the MRIF at 0x" + Hex.of(m.mrif(), 12) + " records identity " + m.identity()
                    + " (its pending bit set), and the IOMMU sends the notice MSI");
            steps.add("notice: " + imsic(m.notice()));
        } else if (write instanceof DeviceWrite.MrifDiscarded d) {
            steps.add("the MRIF at 0x" + Hex.of(d.mrif(), 12) + " records nothing: " + d.reason().word());
        }
    }

    private static String imsic(ImsicWrite effect) {
        if (effect instanceof ImsicWrite.Pending p) {
            return "the IMSIC's " + p.target().word() + " (seteipnum) makes identity " + p.identity() + " pending";
        }
        if (effect instanceof ImsicWrite.Ignored i) {
            return i.target().map(f -> "the IMSIC's " + f.word()).orElse("IMSIC page 0x" + Hex.of(i.page(), 12))
                    + " ignores it (" + i.reason().word() + ")";
        }
        return "no interrupt file at 0x" + Hex.of(((ImsicWrite.MemoryWrite) effect).address(), 16)
                + ": an ordinary memory write";
    }

    /** Who takes the identity made pending. */
    private static void taken(RiscvPlatform platform, Taken t, List<String> steps) {
        String what = t.file().word() + " identity " + t.identity();
        String slot = platform.handler(t.file(), t.identity()).map(h -> h.words() + ", ").orElse("");
        String kernel = t.kernel().equals(RiscvPlatform.HOST) ? "the host" : t.kernel();
        switch (t.route()) {
            case HOST -> steps.add("the host's handler of " + what + " on cpu " + t.cpu() + ": " + slot + "irq "
                    + t.virq().getAsInt());
            case IPI -> steps.add(what + " is " + kernel + "'s IMSIC driver's IPI"
                    + (t.kernel().equals(RiscvPlatform.HOST) ? " on cpu " : " on vcpu ") + t.cpu());
            case GUEST_FILE -> steps.add(t.kernel() + "'s handler of " + what + " (the guest file behind vcpu " + t.cpu()
                    + "): " + slot + "irq " + t.virq().getAsInt());
            case IRQFD -> steps.add("host " + t.host().map(h -> h.file().word() + " identity " + h.identity()).orElse("")
                    + " backs a vector of " + t.kernel() + ": KVM injects the guest's message, " + what
                    + " pending, taken by " + t.kernel() + "'s handler on vcpu " + t.cpu() + ": " + slot + "irq "
                    + t.virq().getAsInt());
            case NOTICE -> steps.add(what + " is KVM's MRIF notice for " + t.kernel() + "'s vcpu " + t.cpu());
            default -> steps.add(t.host().map(h -> "host " + h.file().word() + " identity " + h.identity()
                    + " backs a vector of " + t.kernel() + ": KVM injects the guest's message, but ").orElse("")
                    + "no kernel took " + what + ": nobody takes it");
        }
    }
}
