package dev.irqtopo.runtime.riscv64;

import dev.irqtopo.model.riscv.ImsicGeometry;
import dev.irqtopo.model.riscv.InterruptFile;
import java.util.Arrays;

/**
 * What each (interrupt file, identity) of a platform's IMSICs maps to, as one array per file indexed by
 * identity, the files numbered from their hart, level and guest number. A hash map keyed by
 * {@link dev.irqtopo.runtime.riommu.Target.FileIdentity} hashes the pairs poorly: the record's hash is
 * 31 times the file's plus the identity, which makes identity i of guest file g the same hash as
 * identity i + 31 of guest file g − 1, and puts the harts' ranges 29 791 apart, which a power-of-two
 * table folds close together; once the identities taken on each hart run into the hundreds the keys
 * crowd into the same buckets, and each lookup cost more the larger the platform. Here a lookup is two
 * array reads whatever the size. A file's array grows to the highest identity stored in it.
 *
 * @param <T> what an identity maps to
 */
final class FileIdentityTable<T> {

    private static final Object[] NONE = new Object[0];

    private final int harts;
    /** Guest files per hart (GEILEN). */
    private final int guestFiles;
    /** Per file, {@code hart · (2 + GEILEN) + level slot}: what its identities map to, by identity. */
    private final Object[][] byFile;

    FileIdentityTable(ImsicGeometry geometry) {
        this.harts = geometry.harts().count();
        this.guestFiles = geometry.guestFiles();
        this.byFile = new Object[harts * (2 + guestFiles)][];
        Arrays.fill(byFile, NONE);
    }

    /** What identity {@code identity} of {@code file} maps to; null when nothing was put there. */
    @SuppressWarnings("unchecked")
    T get(InterruptFile file, int identity) {
        int index = index(file);
        if (index < 0 || identity < 0) {
            return null;
        }
        Object[] identities = byFile[index];
        return identity < identities.length ? (T) identities[identity] : null;
    }

    /** Maps identity {@code identity} of {@code file}, one of the geometry's files, to {@code value}. */
    void put(InterruptFile file, int identity, T value) {
        int index = index(file);
        if (index < 0 || identity < 0) {
            throw new IllegalArgumentException(file.word() + " identity " + identity + " is outside the IMSICs");
        }
        Object[] identities = byFile[index];
        if (identity >= identities.length) {
            identities = Arrays.copyOf(identities, Math.max(identity + 1, Math.min(2 * identities.length,
                    ImsicGeometry.MAX_IDS + 1)));
            byFile[index] = identities;
        }
        identities[identity] = value;
    }

    /** The file's slot, or -1 for a file the geometry does not have. */
    private int index(InterruptFile file) {
        int slot = switch (file.level()) {
            case MACHINE -> 0;
            case SUPERVISOR -> 1;
            case GUEST -> file.guest() <= guestFiles ? 1 + file.guest() : -1;
        };
        return slot < 0 || file.hart() >= harts ? -1 : file.hart() * (2 + guestFiles) + slot;
    }
}
