package dev.irqtopo.runtime.arm64;

import dev.irqtopo.runtime.message.Hex;

/** An outcome in words for people, as {@code simulate} prints it and {@code verify} ends a path with it. */
public final class OutcomeWords {

    private OutcomeWords() {
    }

    /**
     * {@code delivered host cpu 1 (0.0.0.1) lpi 8193 virq 2}, {@code delivered vm0 vcpu 0 (0.0.0.0) lpi 8192
     * virq 1 via irqfd}, {@code ignored by its0: event_id_unmapped}, {@code smmu_fault at 0x…},
     * {@code unowned spi 90 of v2m0}, {@code memory_write}, {@code not_sent (never written)}.
     */
    public static String of(Arm64Outcome outcome) {
        if (outcome instanceof Arm64Outcome.Delivered d) {
            boolean host = d.kernel().equals(Arm64Platform.HOST);
            String text = "delivered " + d.kernel() + (host ? " cpu " : " vcpu ") + d.cpu() + " (" + d.mpidr() + ") "
                    + (d.intid() >= 8192 ? "lpi " : "spi ") + d.intid() + " virq " + d.virq();
            return host ? text : text + " via " + d.route().keyword();
        }
        if (outcome instanceof Arm64Outcome.Ignored i) {
            return "ignored by " + i.unit() + ": " + i.reason().word();
        }
        if (outcome instanceof Arm64Outcome.SmmuFault f) {
            return "smmu_fault at 0x" + Hex.of(f.address(), 16) + ": the SMMU maps nothing there";
        }
        if (outcome instanceof Arm64Outcome.Unowned u) {
            return "unowned " + u.raised().kind() + " " + u.raised().intid() + " of " + u.unit();
        }
        if (outcome instanceof Arm64Outcome.NotSentAtAll n) {
            return "not_sent (" + n.reason().words() + ")";
        }
        return outcome.outcome();
    }
}
