package dev.irqtopo.runtime.arm64;

import dev.irqtopo.runtime.message.Message;
import java.util.Objects;

/**
 * KVM's irq routing entry behind one host interrupt that backs a guest vector: the guest's message
 * and the guest DeviceID ({@code KVM_MSI_VALID_DEVID}) it injects through the guest's virtual ITS.
 *
 * @param vlpi the GICv4 ITS delivers it as a vLPI, without the host
 */
public record GuestRoute(String guest, long deviceId, Message message, boolean vlpi) {

    public GuestRoute {
        Objects.requireNonNull(guest);
        Objects.requireNonNull(message);
    }
}
