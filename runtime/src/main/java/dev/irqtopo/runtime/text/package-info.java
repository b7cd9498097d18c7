/**
 * Plain-text layout the reports of every architecture share: aligned columns. Below every other
 * package of the engine, and depending on none.
 */
package dev.irqtopo.runtime.text;
