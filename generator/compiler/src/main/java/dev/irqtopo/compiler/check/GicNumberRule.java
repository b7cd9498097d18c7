package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.BusDecl;
import dev.irqtopo.compiler.ast.CpuBlock;
import dev.irqtopo.compiler.ast.CpuProp;
import dev.irqtopo.compiler.ast.GicProp;
import dev.irqtopo.compiler.ast.MsiControllerDecl;
import dev.irqtopo.compiler.ast.MsiMapDecl;
import dev.irqtopo.compiler.ast.Num;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.Architecture;
import dev.irqtopo.model.CpuModel;
import java.math.BigInteger;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * IRQ020 for the numbers of an arm64 platform: MPIDR affinities (one per CPU, none repeated, only the
 * affinity fields), DeviceID and EventID bits, doorbells where the register maps put them, GICv2m SPI
 * ranges, and msi_map bases, lengths and masks.
 */
final class GicNumberRule extends PlatformRule {

    @Override
    Set<Architecture> architectures() {
        return EnumSet.of(Architecture.ARM64);
    }

    @Override
    void check(PlatformIndex index, Report report) {
        for (CpuBlock cpu : index.platform().cpuBlocks()) {
            for (CpuProp.Mpidr mpidr : cpu.props(CpuProp.Mpidr.class)) {
                mpidr(mpidr.values(), report);
                cpu.props(CpuProp.Cpus.class).stream().findFirst()
                        .filter(c -> c.count().in(1, CpuModel.MAX_CPUS))
                        .ifPresent(c -> count(mpidr.values(), c.count().intValue(), report));
            }
        }
        for (MsiControllerDecl controller : index.platform().msiControllers()) {
            for (GicProp prop : controller.props()) {
                if (prop instanceof GicProp.Doorbell d) {
                    doorbell(controller, d.address(), report);
                } else if (prop instanceof GicProp.DeviceIdBits b) {
                    NumberRangeRule.range(b.bits(), "device_id_bits", 1, GicLimits.MAX_ID_BITS, report);
                } else if (prop instanceof GicProp.EventIdBits b) {
                    NumberRangeRule.range(b.bits(), "event_id_bits", 1, GicLimits.MAX_ID_BITS, report);
                } else if (prop instanceof GicProp.SpiBase b) {
                    NumberRangeRule.range(b.spi(), "spi_base", GicLimits.FIRST_SPI, GicLimits.LAST_SPI,
                            "an SPI in " + GicLimits.FIRST_SPI + ".." + GicLimits.LAST_SPI, report);
                } else if (prop instanceof GicProp.Spis n) {
                    spis(controller, n.count(), report);
                }
            }
        }
        for (BusDecl bus : index.platform().buses()) {
            for (MsiMapDecl map : bus.msiMaps()) {
                NumberRangeRule.range(map.msiBase(), "an msi_map's msi-base", 0, 0xffff_ffffL,
                        "a DeviceID in 0..0xffffffff", report);
                NumberRangeRule.range(map.length(), "an msi_map's length", 1, GicLimits.REQUESTER_IDS, report);
                if (map.ridBase().segment().isEmpty() && map.ridBase().inRange()
                        && map.length().in(1, GicLimits.REQUESTER_IDS)
                        && map.ridBase().withinSegment() + map.length().intValue() > GicLimits.REQUESTER_IDS) {
                    report.add(DiagnosticCode.IRQ020, map.length().pos(), "an msi_map from " + map.ridBase().text()
                            + " with length " + map.length().text() + " runs past requester id ff:1f.7");
                }
            }
            bus.msiMapMasks().forEach(m -> NumberRangeRule.range(m.mask(), "msi_map_mask", 0, 0xffff,
                    "a 16-bit mask in 0..0xffff", report));
        }
    }

    private static void mpidr(List<Num> values, Report report) {
        Map<BigInteger, Num> seen = new HashMap<>();
        for (Num value : values) {
            if (value.value().signum() < 0 || value.value().bitLength() > 40
                    || (value.value().longValue() & ~GicLimits.MPIDR_AFFINITY) != 0) {
                report.add(DiagnosticCode.IRQ020, value.pos(), "an MPIDR affinity holds Aff3 in bits 39:32 and"
                        + " Aff2..Aff0 in bits 23:0, not " + value.text());
                continue;
            }
            Num earlier = seen.putIfAbsent(value.value(), value);
            if (earlier != null) {
                report.add(DiagnosticCode.IRQ020, value.pos(),
                        "MPIDR " + value.text() + " is given twice (first at " + earlier.pos() + ")");
            }
        }
    }

    /** Too many: at the first one beyond the CPUs; too few: at the last one given. */
    private static void count(List<Num> values, int cpus, Report report) {
        if (values.size() > cpus) {
            report.add(DiagnosticCode.IRQ020, values.get(cpus).pos(),
                    values.size() + " MPIDRs for " + cpus + " CPUs: give exactly one per CPU");
        } else if (values.size() < cpus) {
            report.add(DiagnosticCode.IRQ020, values.get(values.size() - 1).pos(),
                    "only " + values.size() + " MPIDRs for " + cpus + " CPUs: give exactly one per CPU");
        }
    }

    /**
     * An ITS's doorbell is GITS_TRANSLATER, 0x10040 above its 64 KiB-aligned base; a GICv2m frame's is
     * MSI_SETSPI_NS, 0x40 above its 4 KiB-aligned base.
     */
    private static void doorbell(MsiControllerDecl controller, Num address, Report report) {
        boolean its = controller instanceof MsiControllerDecl.Its;
        long offset = its ? GicLimits.GITS_TRANSLATER % GicLimits.ITS_ALIGNMENT : GicLimits.V2M_SETSPI;
        long alignment = its ? GicLimits.ITS_ALIGNMENT : GicLimits.V2M_FRAME;
        long lowest = its ? GicLimits.GITS_TRANSLATER : GicLimits.V2M_SETSPI;
        if (!address.in(lowest, GicLimits.MAX_ADDRESS)) {
            report.add(DiagnosticCode.IRQ020, address.pos(), "a doorbell must be a physical address in 0x"
                    + Long.toHexString(lowest) + "..0x" + Long.toHexString(GicLimits.MAX_ADDRESS) + ", not " + address.text());
        } else if (address.value().longValue() % alignment != offset) {
            report.add(DiagnosticCode.IRQ020, address.pos(), its
                    ? "an ITS's doorbell is its GITS_TRANSLATER, at 0x10040 above its 64 KiB-aligned base"
                            + " (an address ending in 0040, as 0x8090040), not " + address.text()
                    : "a GICv2m frame's doorbell is its MSI_SETSPI_NS, at 0x40 above its 4 KiB-aligned base"
                            + " (an address ending in 040, as 0x8020040), not " + address.text());
        }
    }

    /** At least one SPI, and the last within the SPI range. */
    private static void spis(MsiControllerDecl frame, Num count, Report report) {
        long base = frame.prop(GicProp.SpiBase.class).map(GicProp.SpiBase::spi)
                .filter(b -> b.in(GicLimits.FIRST_SPI, GicLimits.LAST_SPI)).map(b -> b.value().longValue())
                .orElse((long) GicLimits.FIRST_SPI);
        NumberRangeRule.range(count, "spis", 1, GicLimits.LAST_SPI - base + 1,
                "in 1.." + (GicLimits.LAST_SPI - base + 1) + " (Linux takes a frame's SPIs up to "
                        + GicLimits.LAST_SPI + ")", report);
    }
}
