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
 * @param refusal      why the kernel does not create the bus domain (its callers see EOPNOTSUPP), or
 *                     empty when it does
 */
public record StackPlan(boolean host, Composer composer, Store store, boolean multiMessage, Optional<Refusal> refusal) {

    /** Why a kernel does not create a bus domain. */
    public enum Refusal {
        /**
         * IMS in queue memory, in a guest that knows it is virtualized and has no {@code hcall}: nothing
         * could translate what it stores.
         */
        UNTRANSLATABLE,
        /** The kernel has no IMS domain on this parent (Linux: none before 6.2 or from 6.10, else only on real remapping). */
        NO_IMS_DOMAIN,
        /** The kernel has no hypercall that composes this storage (Linux: MSI and MSI-X, under Hyper-V or Xen). */
        NO_COMPOSE_HYPERCALL
    }

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
        Objects.requireNonNull(refusal);
    }

    /** {@link #of(boolean, Optional, StackModel, KernelProfile)} for a kernel of the design profile. */
    public static StackPlan of(boolean host, Optional<HypervisorModel> hypervisor, StackModel stack) {
        return of(host, hypervisor, stack, KernelProfile.DESIGN);
    }

    /**
     * The plan of {@code stack} in the host ({@code host}) or in a guest under {@code hypervisor}, built by
     * a kernel of profile {@code kernel}.
     *
     * @throws IllegalArgumentException for a guest stack without a hypervisor
     */
    public static StackPlan of(boolean host, Optional<HypervisorModel> hypervisor, StackModel stack, KernelProfile kernel) {
        boolean ims = stack.storage().isIms();
        if (host) {
            boolean remapped = stack.remap().isPresent();
            Optional<Refusal> refusal = ims && !kernel.createsImsDomain(
                    remapped ? KernelProfile.ImsParent.REAL_REMAPPING : KernelProfile.ImsParent.VECTOR)
                    ? Optional.of(Refusal.NO_IMS_DOMAIN) : Optional.empty();
            return new StackPlan(true, remapped ? Composer.REMAP_DOMAIN : Composer.VECTOR_DOMAIN,
                    Store.DIRECT, remapped, refusal);
        }
        HypervisorModel hv = hypervisor.orElseThrow(() -> new IllegalArgumentException("a guest stack needs a hypervisor"));
        if (stack.hypercall()) {
            Optional<Refusal> refusal = !kernel.composesByHypercall(hv.kind(), stack.storage())
                    ? Optional.of(Refusal.NO_COMPOSE_HYPERCALL)
                    : ims && !kernel.createsImsDomain(KernelProfile.ImsParent.HYPERCALL)
                    ? Optional.of(Refusal.NO_IMS_DOMAIN) : Optional.empty();
            return new StackPlan(false, Composer.HYPERCALL, Store.AS_RETURNED, true, refusal);
        }
        Optional<Refusal> refusal = ims && !kernel.createsImsDomain(KernelProfile.ImsParent.VECTOR)
                ? Optional.of(Refusal.NO_IMS_DOMAIN)
                : stack.storage() == StorageKind.IMS_QUEUE && hv.cpuidVisible()
                ? Optional.of(Refusal.UNTRANSLATABLE) : Optional.empty();
        return new StackPlan(false, Composer.VECTOR_DOMAIN, hv.traps(stack.storage()) ? Store.TRAPPED : Store.UNTRAPPED,
                false, refusal);
    }

    /** Whether the kernel creates the bus domain; when it does not, its callers see EOPNOTSUPP. */
    public boolean created() {
        return refusal.isEmpty();
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
