/**
 * What a booted platform does, for people and tools: {@code irqtopo simulate} (boot a platform,
 * allocate every stack, fire every interrupt once, report), {@code irqtopo trace} (one message one
 * device emits, step by step) and {@code irqtopo tables} (every present remap entry, field by field,
 * with its raw bits).
 */
package dev.irqtopo.runtime.sim;
