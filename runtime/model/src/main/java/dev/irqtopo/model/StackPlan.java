package dev.irqtopo.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Who does each step of one domain stack, decided from the model alone: which domain composes the
 * message, how the Store step reaches the device, which CPUs the vector domain may choose, whether an
 * MSI block may have several messages, and whether the bus domain is created at all. The runtime runs
 * it, the checker warns from it and {@code explain} prints it; none of them decides these again.
 *
 * @param host         whether the stack is the host's (else a guest's)
 * @param composer     the domain nearest the bus that composes
 * @param store        what becomes of the bus domain's store
 * @param multiMessage whether an MSI request may take more than one message: x86 would need aligned
 *                     contiguous vectors on one CPU, so only remapping can (the host's own, or the
 *                     host's behind a compose hypercall)
 * @param created      whether the bus domain is created; the one refusal (EOPNOTSUPP) is storage the
 *                     kernel cannot have translated, IMS in queue memory, in a guest that knows it is
 *                     virtualized and has no {@code hcall}
 */
public record StackPlan(boolean host, Composer composer, Store store, boolean multiMessage, boolean created) {

    /** The domain that composes the message the device will send. */
    public enum Composer {
        /** The kernel's vector domain: compatibility format for its own CPU and vector. */
        VECTOR_DOMAIN,
        /** The host's remap domain: the remappable format selecting its entry. */
        REMAP_DOMAIN,
        /** The hypervisor, asked by the compose hypercall: the host's message, returned to the guest. */
        HYPERCALL
    }

    /** What happens to the bus domain's store. */
    public enum Store {
        /** The host writes into its own device. */
        DIRECT,
        /** The hypervisor traps the guest's store, translates it and writes the host's message. */
        TRAPPED,
        /** The guest's store reaches the device as written, untranslated. */
        UNTRAPPED,
        /** The guest stores the hypervisor's own message, which reaches the device unchanged, trapped or not. */
        AS_RETURNED
    }

    public StackPlan {
        Objects.requireNonNull(composer);
        Objects.requireNonNull(store);
    }

    /**
     * The plan of {@code stack} in the host ({@code host}) or in a guest under {@code hypervisor}.
     *
     * @throws IllegalArgumentException for a guest stack without a hypervisor
     */
    public static StackPlan of(boolean host, Optional<HypervisorModel> hypervisor, StackModel stack) {
        if (host) {
            return new StackPlan(true, stack.remap().isPresent() ? Composer.REMAP_DOMAIN : Composer.VECTOR_DOMAIN,
                    Store.DIRECT, stack.remap().isPresent(), true);
        }
        HypervisorModel hv = hypervisor.orElseThrow(() -> new IllegalArgumentException("a guest stack needs a hypervisor"));
        if (stack.hypercall()) {
            return new StackPlan(false, Composer.HYPERCALL, Store.AS_RETURNED, true, true);
        }
        boolean untranslatable = stack.storage() == StorageKind.IMS_QUEUE && hv.cpuidVisible();
        return new StackPlan(false, Composer.VECTOR_DOMAIN, hv.traps(stack.storage()) ? Store.TRAPPED : Store.UNTRAPPED,
                false, !untranslatable);
    }

    /**
     * Whether the vector domain must leave out CPUs whose APIC ID a compatibility-format message cannot
     * carry: whenever the kernel composes that format itself.
     */
    public boolean compatibilityDestinationsOnly() {
        return composer == Composer.VECTOR_DOMAIN;
    }

    /** Whether the kernel's own message goes through the hypervisor's translation. */
    public boolean trapped() {
        return store == Store.TRAPPED;
    }
}
