package dev.irqtopo.model.arm;

/**
 * What an ITS does with a write to GITS_TRANSLATER whose EventID has non-zero bits above the
 * GITS_TYPER.ID_bits it implements. The architecture leaves this CONSTRAINED UNPREDICTABLE between the
 * two choices below; an implementation makes one, and the model says which.
 */
public enum EventIdOverflow {
    /** The bits above ID_bits are ignored: the write translates the EventID in the bits below. */
    HIGH_BITS_IGNORED,
    /** The whole write is ignored. */
    WRITE_IGNORED
}
