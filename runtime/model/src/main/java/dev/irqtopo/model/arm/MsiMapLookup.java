package dev.irqtopo.model.arm;

/**
 * What the kernel's {@code of_map_id} gives for one requester id and an {@code msi-map}: exactly one of
 * a translation, no translation, or the error of a row the mask makes unreachable.
 */
public sealed interface MsiMapLookup permits MsiMapLookup.Mapped, MsiMapLookup.Untranslated, MsiMapLookup.MaskIgnoresBase {

    /** The stable word for reports: {@code mapped}, {@code untranslated}, {@code mask_ignores_base}. */
    String outcome();

    /** Row {@code entry} matched: the requester id presents {@code deviceId} to {@code controller}. */
    record Mapped(String controller, long deviceId, int entry) implements MsiMapLookup {
        @Override
        public String outcome() {
            return "mapped";
        }
    }

    /**
     * No row matched (for the controller asked about, when one was): the kernel logs it and passes the
     * requester id through unchanged, unmasked, as the DeviceID, naming no controller.
     */
    record Untranslated(long id) implements MsiMapLookup {
        @Override
        public String outcome() {
            return "untranslated";
        }
    }

    /**
     * Before any row matched, row {@code entry} had an rid-base with bits the mask clears: the kernel
     * refuses the whole lookup ({@code -EFAULT}).
     */
    record MaskIgnoresBase(int entry) implements MsiMapLookup {
        @Override
        public String outcome() {
            return "mask_ignores_base";
        }
    }
}
