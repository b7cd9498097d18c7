package dev.irqtopo.runtime.arm64;

import dev.irqtopo.runtime.gic.GicInterrupt;
import dev.irqtopo.runtime.gic.IgnoreReason;
import dev.irqtopo.runtime.gic.ItsCommandError;
import dev.irqtopo.runtime.message.Errno;
import java.util.Objects;
import java.util.Optional;

/**
 * What KVM made of one MSI it injected into a guest's virtual ITS for an irqfd or {@code KVM_SIGNAL_MSI}
 * ({@code vgic_its_inject_msi}), with the value it returns: 1 when the LPI was made pending, 0 when the
 * guest's ITS tables block the MSI, a negative errno when KVM could not try.
 */
public sealed interface VitsInjection permits VitsInjection.Raised, VitsInjection.Blocked, VitsInjection.Refused {

    /** {@code vgic_its_inject_msi}'s return value. */
    int kvmReturn();

    /** Why nothing was raised, in the words outcomes use; empty when the LPI was raised. */
    Optional<IgnoreReason> ignored();

    /** The guest's LPI {@code lpi} is pending on its vCPU. */
    record Raised(GicInterrupt lpi) implements VitsInjection {
        public Raised {
            Objects.requireNonNull(lpi);
        }

        @Override
        public int kvmReturn() {
            return 1;
        }

        @Override
        public Optional<IgnoreReason> ignored() {
            return Optional.empty();
        }
    }

    /**
     * The vITS has no entry in a mapped collection for the DeviceID and EventID ({@code reason} says which
     * part is missing): {@code vgic_its_resolve_lpi} answers {@link ItsCommandError#INT_UNMAPPED_INTERRUPT}
     * and KVM reports the MSI as blocked by the guest.
     */
    record Blocked(IgnoreReason reason) implements VitsInjection {
        public Blocked {
            Objects.requireNonNull(reason);
        }

        public ItsCommandError error() {
            return ItsCommandError.INT_UNMAPPED_INTERRUPT;
        }

        @Override
        public int kvmReturn() {
            return 0;
        }

        @Override
        public Optional<IgnoreReason> ignored() {
            return Optional.of(reason);
        }
    }

    /**
     * KVM did not look the MSI up: EBUSY while the guest has not enabled its ITS ({@code its_disabled}),
     * EINVAL when the message carries no DeviceID ({@code no_device_id}) or its address lies outside the
     * vITS's MMIO frames ({@code outside_its_frame}, {@code vgic_msi_to_its}).
     */
    record Refused(Errno errno, IgnoreReason reason) implements VitsInjection {
        public Refused {
            Objects.requireNonNull(errno);
            Objects.requireNonNull(reason);
        }

        @Override
        public int kvmReturn() {
            return -errno.number();
        }

        @Override
        public Optional<IgnoreReason> ignored() {
            return Optional.of(reason);
        }
    }
}
