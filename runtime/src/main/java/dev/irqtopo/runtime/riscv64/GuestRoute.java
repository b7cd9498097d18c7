package dev.irqtopo.runtime.riscv64;

import dev.irqtopo.runtime.message.Message;
import java.util.Objects;

/**
 * A host identity backing a guest's vector: when it becomes pending, KVM injects {@code message} (the
 * guest's own, a guest-physical page of vCPU {@code vcpu}'s file and the guest identity) into the
 * guest file behind that vCPU ({@code kvm_riscv_aia_inject_msi}).
 */
public record GuestRoute(String guest, int vcpu, Message message) {

    public GuestRoute {
        Objects.requireNonNull(guest);
        Objects.requireNonNull(message);
    }
}
