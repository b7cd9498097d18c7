/**
 * The arm64 GICv3/v4 side of the engine, beside the x86 vector and remap packages: the ITS as hardware
 * (device table, ITTs, collections, what a write to GITS_TRANSLATER does), the GICv2m frame, and Linux's
 * ITS and GICv2m drivers that program them (LPI ranges, ITT sizing, event allocation, target CPU choice,
 * message composition), plus the symbolic reach of a sender that can write the doorbells. Each rule
 * names the kernel function or architecture section it follows; docs/arm.md lists them. Uses only the
 * message package below it and the model's {@code dev.irqtopo.model.arm}.
 */
package dev.irqtopo.runtime.gic;
