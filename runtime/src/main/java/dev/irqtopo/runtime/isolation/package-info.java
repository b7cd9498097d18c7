/**
 * {@code irqtopo verify}: whether a guest that writes arbitrary messages into the storages it can
 * write untrapped can reach an interrupt that belongs to someone else, decided exactly over the whole
 * message space, with the lowest breaching message as counterexample.
 */
package dev.irqtopo.runtime.isolation;
