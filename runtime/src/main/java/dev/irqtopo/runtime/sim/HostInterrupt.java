package dev.irqtopo.runtime.sim;

/**
 * The host interrupt behind one kernel's interrupt, where the hardware sends it: for a host interrupt
 * itself, for a guest's the one the host allocated for it (whose handler injects the guest vector, or
 * whose entry posts it).
 *
 * @param virq   the host's irq number
 * @param cpu    the host CPU
 * @param apicId that CPU's APIC ID, which the remap entry or message names
 * @param vector the host vector on that CPU; a posted entry keeps it reserved while it posts
 * @param posted whether the remap entry posts to the guest's vCPU instead of interrupting the host CPU
 */
public record HostInterrupt(int virq, int cpu, int apicId, int vector, boolean posted) {
}
