package dev.irqtopo.runtime.stack;

import dev.irqtopo.model.StackPlan;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;

import java.util.List;

/**
 * One CPU-side domain of a chain, as Linux's {@code irq_domain_ops} (alloc, free) and
 * {@code irq_chip.irq_compose_msi_msg} see it. The kinds are closed: the vector domain at the root, then
 * a remap domain (host) or the hypercall domain (guest).
 *
 * <p>Requests come as a unit: one interrupt, or every message of a multi-message MSI block, which each
 * level allocates at once (the remap domain as one aligned block).
 */
sealed interface Domain permits VectorLevel, RemapLevel, HypercallLevel {

    /** The composer a stack plan names for this domain. */
    StackPlan.Composer composer();

    /**
     * Alloc: this level's part of {@code unit}, after its parents'. All or nothing: on failure it has
     * taken nothing and returns the errno.
     */
    Errno alloc(List<Interrupt> unit);

    /** Free: gives back what {@link #alloc} took for {@code unit}, newest first. */
    void free(List<Interrupt> unit);

    /** Compose: the message interrupt {@code i} of {@code unit} stores, as this domain composes it. */
    Message compose(List<Interrupt> unit, int i);
}
