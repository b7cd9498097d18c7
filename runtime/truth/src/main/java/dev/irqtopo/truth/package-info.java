/**
 * Google Truth subjects for the engine's values, so tests read like the specification:
 * {@code assertThat(delivery).isDeliveredTo("vm0", 0, 0x21)}, {@code assertThat(message).isRemappable()},
 * {@code assertThat(report).isIsolated()}. They are the artifact {@code irqtopo-truth}: a test that depends on it
 * gets the engine and Truth with it.
 */
package dev.irqtopo.truth;
