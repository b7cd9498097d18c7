/**
 * Writing generated sources to disk: only what changed, so that builds stay incremental, and either
 * everything or nothing, so that a failed {@code irqtopo generate} leaves its directory as it was.
 */
package dev.irqtopo.compiler.output;
