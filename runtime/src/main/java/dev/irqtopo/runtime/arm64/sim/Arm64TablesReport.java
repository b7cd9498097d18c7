package dev.irqtopo.runtime.arm64.sim;

import dev.irqtopo.model.arm.Mpidr;
import java.util.List;
import java.util.Objects;

/**
 * {@code irqtopo tables} on one arm64 platform after boot: each ITS's tables as its commands wrote them
 * (the host's units, then each guest's virtual ITS), and each GICv2m frame's allocated SPIs.
 */
public record Arm64TablesReport(String platform, List<ItsTables> its, List<V2mSpis> v2m) {

    public Arm64TablesReport {
        Objects.requireNonNull(platform);
        its = List.copyOf(its);
        v2m = List.copyOf(v2m);
    }

    /**
     * One ITS: the device table (MAPD), each device's ITT (MAPTI) and the collection table (MAPC).
     *
     * @param kernel       {@code host}, or the guest whose virtual ITS it is
     * @param deviceIdBits GITS_TYPER.Devbits + 1
     * @param eventIdBits  GITS_TYPER.ID_bits + 1
     */
    public record ItsTables(String kernel, String unit, boolean enabled, int deviceIdBits, int eventIdBits,
                            List<DeviceEntry> devices, List<Collection> collections) {
        public ItsTables {
            Objects.requireNonNull(kernel);
            Objects.requireNonNull(unit);
            devices = List.copyOf(devices);
            collections = List.copyOf(collections);
        }
    }

    /**
     * A valid device table entry, as MAPD wrote it: {@code size} is MAPD's Size field (the ITT covers
     * 2^(Size+1) EventIDs), and its ITT's entries in EventID order.
     */
    public record DeviceEntry(long deviceId, int size, List<Translation> itt) {
        public DeviceEntry {
            itt = List.copyOf(itt);
        }

        public long eventIds() {
            return 1L << (size + 1);
        }
    }

    /** An interrupt translation entry, as MAPTI wrote it: EventID → pINTID in collection ICID. */
    public record Translation(long eventId, int pintid, int icid) {
    }

    /** A collection table entry, as MAPC wrote it: ICID → RDbase, the processor number (GITS_TYPER.PTA = 0). */
    public record Collection(int icid, int rdbase, Mpidr mpidr) {
        public Collection {
            Objects.requireNonNull(mpidr);
        }
    }

    /** A GICv2m frame: its SPI range and the SPIs Linux allocated there, in increasing order. */
    public record V2mSpis(String frame, long doorbell, int spiBase, int spis, List<Integer> allocated) {
        public V2mSpis {
            Objects.requireNonNull(frame);
            allocated = List.copyOf(allocated);
        }
    }
}
