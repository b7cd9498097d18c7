package dev.irqtopo.runtime.riscv64;

import dev.irqtopo.runtime.imsic.ImsicWrite;
import dev.irqtopo.runtime.message.Hex;
import dev.irqtopo.runtime.riommu.DeviceWrite;

/** What an outcome did, in the words of a text report. */
public final class OutcomeWords {

    private OutcomeWords() {
    }

    public static String of(RiscvOutcome outcome) {
        if (outcome instanceof RiscvOutcome.NotSentAtAll n) {
            return "not sent: " + n.reason().words();
        }
        RiscvOutcome.Written w = (RiscvOutcome.Written) outcome;
        DeviceWrite write = w.write();
        String taken = w.taken().map(OutcomeWords::taken).orElse("");
        if (write instanceof DeviceWrite.Onward o) {
            return effect(o.effect()) + taken;
        }
        if (write instanceof DeviceWrite.Faulted f) {
            return "IOMMU fault " + f.fault().cause() + " (" + f.fault().word() + ")";
        }
        if (write instanceof DeviceWrite.Blocked b) {
            return "blocked by the second stage at 0x" + Hex.of(b.address(), 16);
        }
        if (write instanceof DeviceWrite.MrifRecorded m) {
            return "MRIF 0x" + Hex.of(m.mrif(), 12) + " records identity " + m.identity() + ", notice "
                    + effect(m.notice()) + taken;
        }
        DeviceWrite.MrifDiscarded d = (DeviceWrite.MrifDiscarded) write;
        return "MRIF 0x" + Hex.of(d.mrif(), 12) + " discards it (" + d.reason().word() + ")";
    }

    private static String effect(ImsicWrite effect) {
        if (effect instanceof ImsicWrite.Pending p) {
            return "pending " + p.target().word() + " identity " + p.identity();
        }
        if (effect instanceof ImsicWrite.Ignored i) {
            return "ignored by " + i.target().map(f -> f.word()).orElse("page 0x" + Hex.of(i.page(), 12)) + " ("
                    + i.reason().word() + ")";
        }
        return "memory write at 0x" + Hex.of(((ImsicWrite.MemoryWrite) effect).address(), 16);
    }

    /** {@code  -> host cpu 1 irq 3}, {@code  -> vm0 vcpu 0 irq 1 (irqfd)}. */
    private static String taken(Taken t) {
        switch (t.route()) {
            case HOST:
                return " -> host cpu " + t.cpu() + " irq " + t.virq().getAsInt();
            case IPI:
                return " -> " + t.kernel() + (t.kernel().equals(RiscvPlatform.HOST) ? " cpu " : " vcpu ") + t.cpu() + " IPI";
            case GUEST_FILE:
                return " -> " + t.kernel() + " vcpu " + t.cpu() + " irq " + t.virq().getAsInt();
            case IRQFD:
                return " -> " + t.kernel() + " vcpu " + t.cpu() + " irq " + t.virq().getAsInt() + " (KVM injects "
                        + t.file().word() + " identity " + t.identity() + ")";
            case NOTICE:
                return " -> " + t.kernel() + " vcpu " + t.cpu() + " MRIF notice";
            default:
                return " -> nobody takes it (" + t.kernel() + "'s file)";
        }
    }
}
