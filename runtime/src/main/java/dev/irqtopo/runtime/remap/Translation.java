package dev.irqtopo.runtime.remap;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** What a remapping unit makes of an interrupt request in the interrupt address range. */
public sealed interface Translation permits Translation.Blocked, Translation.Compatibility, Translation.Remapped {

    /** The one result for each fault reason and for pass-through: translating allocates only for a remapped request. */
    Compatibility COMPATIBILITY = new Compatibility();

    static Blocked blocked(FaultReason reason) {
        return Blocked.BY_REASON.get(reason);
    }

    /** The unit faults the request. */
    record Blocked(FaultReason reason) implements Translation {
        private static final Map<FaultReason, Blocked> BY_REASON = new EnumMap<>(FaultReason.class);

        static {
            for (FaultReason reason : FaultReason.values()) {
                BY_REASON.put(reason, new Blocked(reason));
            }
        }

        public Blocked {
            Objects.requireNonNull(reason);
        }
    }

    /** A compatibility-format request the unit lets pass: the CPU decodes it as without remapping. */
    record Compatibility() implements Translation {
    }

    /** The request selected a valid entry, which now decides the destination. */
    record Remapped(int index, RemapEntry entry) implements Translation {
        public Remapped {
            Objects.requireNonNull(entry);
        }
    }
}
