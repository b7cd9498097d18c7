package dev.irqtopo.model.arm;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The platform's GIC: its architecture version, how many interrupt ID bits the distributor implements
 * (GICD_TYPER.IDbits + 1, which bounds the LPI space), its ITS units and its GICv2m frames. Names are
 * unique across both kinds, and no two doorbells share an address.
 */
public record GicModel(int version, int idBits, List<ItsModel> its, List<V2mFrameModel> v2m) {

    /** The lowest ID bits with room for LPIs: LPIs start at INTID 8192 = 2^13. */
    public static final int MIN_LPI_ID_BITS = 14;

    public GicModel {
        its = List.copyOf(its);
        v2m = List.copyOf(v2m);
        if (version != 3 && version != 4) {
            throw new IllegalArgumentException("GIC version " + version + " is neither 3 nor 4");
        }
        if (idBits < MIN_LPI_ID_BITS || idBits > 32) {
            throw new IllegalArgumentException("GIC ID bits " + idBits + " outside " + MIN_LPI_ID_BITS + "..32");
        }
        Set<String> names = new HashSet<>();
        Set<Long> doorbells = new HashSet<>();
        for (ItsModel unit : its) {
            unique(names, doorbells, unit.name(), unit.doorbell());
        }
        for (V2mFrameModel frame : v2m) {
            unique(names, doorbells, frame.name(), frame.doorbell());
        }
    }

    /** A GICv3 with 16 ID bits (64K INTIDs, what Linux uses at most for LPIs). */
    public static GicModel v3(List<ItsModel> its, List<V2mFrameModel> v2m) {
        return new GicModel(3, 16, its, v2m);
    }

    public Optional<ItsModel> its(String name) {
        return its.stream().filter(u -> u.name().equals(name)).findFirst();
    }

    public Optional<V2mFrameModel> v2m(String name) {
        return v2m.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    private static void unique(Set<String> names, Set<Long> doorbells, String name, long doorbell) {
        if (!names.add(name)) {
            throw new IllegalArgumentException("repeated MSI controller name " + name);
        }
        if (!doorbells.add(doorbell)) {
            throw new IllegalArgumentException("MSI controller " + name + " shares doorbell 0x" + Long.toHexString(doorbell));
        }
    }
}
