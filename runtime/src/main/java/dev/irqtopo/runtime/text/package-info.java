/** Plain-text layout the reports of every architecture share; it depends on nothing of the engine. */
package dev.irqtopo.runtime.text;
