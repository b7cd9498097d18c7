/**
 * An arm64 platform booted as Linux and KVM would boot it, on the GIC engine of
 * {@code dev.irqtopo.runtime.gic}: the host's stacks through their ITS or GICv2m frames, each guest's
 * stacks through its virtual ITS, the host interrupts KVM's VMM takes to back a guest's trapped
 * vectors (or the vLPIs a GICv4 ITS delivers for them), what each device's storage holds, and what a
 * device's write does, through its SMMU, to the GIC and on to the handler that takes it. Uses only
 * the GIC engine, the message package and the model; docs/arm.md lists the rules and their sources.
 */
package dev.irqtopo.runtime.arm64;
