package dev.irqtopo.runtime.sim;

import java.util.List;
import java.util.Objects;

/** One platform's remapping tables after boot: its IOMMUs in declaration order. */
public record TablesReport(String platform, List<RemapTable> iommus) {

    public TablesReport {
        Objects.requireNonNull(platform);
        iommus = List.copyOf(iommus);
    }
}
