package dev.irqtopo.runtime.gic;

/** An interrupt translation entry, as MAPTI writes it: the physical LPI an event becomes and its collection. */
public record Ite(int lpi, int icid) {
}
