package dev.irqtopo.model.arm;

/** What one stage of the kernel's IORT id translation gives for an input id. */
public sealed interface IortLookup permits IortLookup.Mapped, IortLookup.Unmapped {

    /** {@code mapped} or {@code unmapped}. */
    String outcome();

    /** Mapping {@code mapping} translated the id to {@code id} at {@code reference}. */
    record Mapped(String reference, long id, int mapping) implements IortLookup {
        @Override
        public String outcome() {
            return "mapped";
        }
    }

    /** No mapping took the id: the kernel keeps the input id and finds no node. */
    record Unmapped(long id) implements IortLookup {
        @Override
        public String outcome() {
            return "unmapped";
        }
    }
}
