package dev.irqtopo.runtime.hypervisor;

import dev.irqtopo.model.HypervisorModel;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.vector.VectorDomain;

import java.util.Objects;
import java.util.Optional;

/**
 * The hypervisor under the guests, as the interrupt path meets it: which guest stores reach a device
 * as written, how it decodes a store it traps, and what the compose hypercall answers. Either way the
 * host kernel allocates for the physical device through its own chain for it, as VFIO asks the host's
 * MSI domain; the hypervisor names where those host interrupts deliver ({@link Forward}).
 */
public final class Hypervisor {

    private final HypervisorModel model;

    public Hypervisor(HypervisorModel model) {
        this.model = Objects.requireNonNull(model);
    }

    public HypervisorModel model() {
        return model;
    }

    /** Whether a guest's own store into {@code storage} reaches the device as written: every storage it does not trap. */
    public boolean guestWritesReachDevice(StorageKind storage) {
        return model.guestWritesReachDevice(storage);
    }

    /**
     * Trap and translate, the decode: a guest's store of {@code stored} into a storage the hypervisor
     * traps names the guest's vCPU by its compatibility destination (with address bits 11:5 as
     * destination bits 14:8 when the hypervisor offers {@code ext_dest_id}) and the guest vector by
     * its data. Empty when the message names no vCPU of the guest: the store is dropped and the real
     * slot stays masked, without the guest being told.
     */
    public Optional<Forward> trap(VectorDomain<?> guest, Message stored) {
        int vcpu = stored.destination(model.extDestId());
        if (!stored.isInterrupt() || vcpu >= guest.cpus()) {
            return Optional.empty();
        }
        return Optional.of(new Forward(guest, vcpu, stored.vector()));
    }

    /**
     * The compose hypercall for a guest interrupt that has its vCPU and guest vector: the host
     * interrupt the hypervisor asks for delivers there.
     */
    public Forward hypercall(VectorDomain<?> guest, int vcpu, int vector) {
        return new Forward(guest, vcpu, vector);
    }

    /**
     * The compose hypercall's answer for message {@code i} of a request whose first message the host
     * composed as {@code first}: a multi-message MSI device adds its message number to data.
     */
    public Message returned(Message first, int i) {
        return i == 0 ? first : first.withData(first.data() + i);
    }
}
