package dev.irqtopo.runtime.remap;

/** One interrupt remapping table entry, of either remapping design. */
public sealed interface RemapEntry permits VtdRemapEntry, AmdViRemapEntry {

    /** The vector the entry delivers (for a posted VT-d entry, the host vector it keeps while posting). */
    int vector();
}
