/**
 * Domain stacks, as Linux's generic hierarchy ({@code kernel/irq/irqdomain.c}) runs them: a stack is a
 * root-first chain of CPU-side domains of one closed kind ({@link dev.irqtopo.runtime.stack.Domain}:
 * vector, remap, hypercall; each with alloc, free and compose) and the bus domain at its end. A request
 * goes through the named steps Alloc, Compose and Store exactly as the model's
 * {@link dev.irqtopo.model.StackPlan} says (who composes, how the store reaches the device, whether an
 * MSI block may have several messages), and a failure rolls it back through its journal. Each
 * {@link dev.irqtopo.runtime.stack.Interrupt} carries the data each level made for it.
 *
 * <p>What the host allocates for a guest (the compose hypercall, trap-and-translate) runs through the
 * host's own chain for the device, here too. The hypervisor only decodes and answers; the domains below
 * are plain data structures this package drives. Not thread-safe: the platform serializes requests.
 */
package dev.irqtopo.runtime.stack;
