/**
 * The checked platform model: what an {@code .irqtopo} platform declares, with every default applied
 * and every name resolved. The compiler builds it; the engine and the emitted code consume it and never
 * see source text. All types are immutable values; their factories reject states the checker would have
 * reported, so a model that exists is a model the engine can boot.
 */
package dev.irqtopo.model;
