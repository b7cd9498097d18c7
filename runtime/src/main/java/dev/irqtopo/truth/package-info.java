/**
 * Google Truth subjects for the engine's values, so tests read like the specification:
 * {@code assertThat(delivery).isDeliveredTo("vm0", 0, 0x21)}, {@code assertThat(message).isRemappable()},
 * {@code assertThat(report).isIsolated()}. The only package that needs Truth on the class path.
 */
package dev.irqtopo.truth;
