/**
 * JMH benchmarks of the engine's hot paths: firing a slot, allocating and freeing one interrupt, and
 * verifying a large platform. They build under the {@code bench} profile only:
 * {@code ./mvnw -B -pl runtime -am -Pbench verify -Djmh.args="..."}.
 */
package dev.irqtopo.bench;
