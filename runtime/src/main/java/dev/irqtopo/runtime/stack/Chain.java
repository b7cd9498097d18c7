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
     * MSI) only where the plan allows it, else ENOSPC: x86 would need contiguous aligned vectors. All or
     * nothing, as the kernel's hierarchy allocates: a level that fails has the levels before it freed.
     *
     * @return null, or the errno of the first level that failed
     */
    Errno alloc(List<Interrupt> unit) {
        if (unit.size() > 1 && !plan.multiMessage()) {
            return Errno.ENOSPC;
        }
        for (int level = 0; level < domains.size(); level++) {
            Errno failure = domains.get(level).alloc(unit);
            if (failure != null) {
                free(unit, level);
                return failure;
            }
        }
        return null;
    }

    /** Free: what {@link #alloc} took for {@code unit}, the level nearest the bus first. */
    void free(List<Interrupt> unit) {
        free(unit, domains.size());
    }

    private void free(List<Interrupt> unit, int levels) {
        for (int level = levels - 1; level >= 0; level--) {
            domains.get(level).free(unit);
        }
    }

    /** Compose: each interrupt's message, by the domain the plan names. */
    void compose(List<Interrupt> unit) {
        for (int i = 0; i < unit.size(); i++) {
            unit.get(i).composed = composer.compose(unit, i);
        }
    }
}
