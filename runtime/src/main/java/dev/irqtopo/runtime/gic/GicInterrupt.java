package dev.irqtopo.runtime.gic;

import java.util.Comparator;

/**
 * An interrupt the GIC raised: an LPI at the redistributor of one CPU, or an SPI at the distributor
 * (whose routing to a CPU, GICD_IROUTER, is outside this model). Ordered by INTID, then CPU.
 */
public sealed interface GicInterrupt extends Comparable<GicInterrupt> permits GicInterrupt.Lpi, GicInterrupt.Spi {

    Comparator<GicInterrupt> ORDER = Comparator.comparingInt(GicInterrupt::intid).thenComparingInt(GicInterrupt::cpu);

    int intid();

    /** The CPU an LPI is delivered to; -1 for an SPI. */
    int cpu();

    /** {@code lpi} or {@code spi}. */
    String kind();

    @Override
    default int compareTo(GicInterrupt other) {
        return ORDER.compare(this, other);
    }

    record Lpi(int intid, int cpu) implements GicInterrupt {
        public Lpi {
            if (intid < LpiRanges.FIRST_LPI || cpu < 0) {
                throw new IllegalArgumentException("LPI " + intid + " on CPU " + cpu);
            }
        }

        @Override
        public String kind() {
            return "lpi";
        }
    }

    record Spi(int intid) implements GicInterrupt {
        public Spi {
            if (intid < 32 || intid > 1019) {
                throw new IllegalArgumentException("SPI " + intid);
            }
        }

        @Override
        public int cpu() {
            return -1;
        }

        @Override
        public String kind() {
            return "spi";
        }
    }
}
