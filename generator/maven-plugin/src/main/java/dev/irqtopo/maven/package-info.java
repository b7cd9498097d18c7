/**
 * The irqtopo Maven plugin: goals {@code generate} and {@code test-generate} turn the {@code .irqtopo}
 * files of a project into typed Java sources before compilation. The mojos only gather parameters;
 * {@link dev.irqtopo.maven.SourceGeneration} does the work through the compiler's generation facade.
 */
package dev.irqtopo.maven;
