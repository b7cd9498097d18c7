package dev.irqtopo.runtime.riommu;

import dev.irqtopo.runtime.imsic.ImsicWrite;
import java.util.Objects;

/** What one write by a device behind the IOMMU did: exactly one outcome, each with a stable word. */
public sealed interface DeviceWrite permits DeviceWrite.Onward, DeviceWrite.Blocked, DeviceWrite.Faulted,
        DeviceWrite.MrifRecorded, DeviceWrite.MrifDiscarded {

    /**
     * {@code pending}, {@code ignored}, {@code memory_write} (what the physical write did),
     * {@code blocked}, {@code fault}, {@code mrif_recorded} or {@code mrif_discarded}.
     */
    String outcome();

    /** The write went on to physical address {@code address} by {@code route}, and did {@code effect} there. */
    record Onward(Route route, long address, ImsicWrite effect) implements DeviceWrite {
        public Onward {
            Objects.requireNonNull(route);
            Objects.requireNonNull(effect);
        }

        @Override
        public String outcome() {
            return effect.outcome();
        }
    }

    /** Not an MSI, and the second stage does not let the device write there. */
    record Blocked(long address) implements DeviceWrite {
        @Override
        public String outcome() {
            return "blocked";
        }
    }

    /** The MSI translation faulted. */
    record Faulted(MsiFault fault) implements DeviceWrite {
        public Faulted {
            Objects.requireNonNull(fault);
        }

        @Override
        public String outcome() {
            return "fault";
        }
    }

    /** Identity {@code identity}'s pending bit was set in the MRIF at {@code mrif}; the notice MSI did {@code notice}. */
    record MrifRecorded(long mrif, int identity, ImsicWrite notice) implements DeviceWrite {
        public MrifRecorded {
            Objects.requireNonNull(notice);
        }

        @Override
        public String outcome() {
            return "mrif_recorded";
        }
    }

    /** The write went to an MRIF-mode page and was discarded. */
    record MrifDiscarded(long mrif, MrifDiscard reason) implements DeviceWrite {
        public MrifDiscarded {
            Objects.requireNonNull(reason);
        }

        @Override
        public String outcome() {
            return "mrif_discarded";
        }
    }
}
