package dev.irqtopo.runtime.stack;

import dev.irqtopo.model.StackPlan;
import dev.irqtopo.runtime.message.Errno;

import java.util.List;

/**
 * The CPU-side domains of one stack, root first, run as its {@link StackPlan} says: Alloc walks every
 * domain root first, Compose asks the one domain the plan names. The plan decides; the chain follows.
 */
final class Chain {

    private final StackPlan plan;
    private final List<Domain> domains;
    private final Domain composer;

    Chain(StackPlan plan, List<Domain> domains) {
        this.plan = plan;
        this.domains = List.copyOf(domains);
        this.composer = this.domains.stream().filter(d -> d.composer() == plan.composer()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no domain of the chain is the plan's " + plan.composer()));
    }

    StackPlan plan() {
        return plan;
    }

    /**
     * Alloc: every domain's part of {@code unit}, root first. A unit of several messages (multi-message
     * MSI) only where the plan allows it, else ENOSPC: x86 would need contiguous aligned vectors.
     *
     * @return null, or the errno of the first level that failed; what the levels before it took is in
     *         {@code journal}, for the caller to roll back
     */
    Errno alloc(List<Interrupt> unit, Journal journal) {
        if (unit.size() > 1 && !plan.multiMessage()) {
            return Errno.ENOSPC;
        }
        for (Domain domain : domains) {
            Errno failure = domain.alloc(unit, journal);
            if (failure != null) {
                return failure;
            }
        }
        return null;
    }

    /** Compose: each interrupt's message, by the domain the plan names. */
    void compose(List<Interrupt> unit) {
        for (int i = 0; i < unit.size(); i++) {
            unit.get(i).composed = composer.compose(unit, i);
        }
    }
}
