package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.Defaults;
import dev.irqtopo.compiler.ast.DeviceDecl;
import dev.irqtopo.compiler.ast.GicProp;
import dev.irqtopo.compiler.ast.MsiControllerDecl;
import dev.irqtopo.compiler.ast.Num;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.Architecture;
import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.arm.MsiMapLookup;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * IRQ068: an MSI controller without room for the stacks whose devices reach it, at the {@code alloc} (or
 * the chain's end) of the first stack that does not fit. A GICv2m frame hands out its SPIs as Linux's
 * {@code gicv2m_irq_domain_alloc} does, lowest free first, a multi-message MSI block as one naturally
 * aligned power of two; the host's stacks come first, then each guest's, whose trapped messages the host
 * backs with SPIs of its own. An ITS gives each device at most 2^{@code event_id_bits} events.
 */
final class ControllerCapacityRule extends PlatformRule {

    @Override
    Set<Architecture> architectures() {
        return EnumSet.of(Architecture.ARM64);
    }

    @Override
    void check(PlatformIndex index, Report report) {
        Map<String, BitSet> taken = new HashMap<>();
        for (KernelStack ks : KernelStack.all(index.platform())) {
            Optional<DeviceDecl> device = ks.device(index);
            long alloc = ks.stack().alloc().filter(a -> a.in(1, 65536)).map(a -> a.value().longValue())
                    .orElse(ks.stack().alloc().isEmpty() ? (long) Defaults.ALLOC : -1);
            if (device.isEmpty() || alloc < 0 || ks.storage(index).isEmpty()) {
                continue;
            }
            Optional<MsiMapLookup> lookup = DeviceIds.lookup(device.get(), index);
            if (lookup.isEmpty() || !(lookup.get() instanceof MsiMapLookup.Mapped mapped)) {
                continue;
            }
            Optional<MsiControllerDecl> controller = index.msiController(mapped.controller());
            if (controller.isEmpty()) {
                continue;
            }
            String problem = controller.get() instanceof MsiControllerDecl.Its its
                    ? events(its, (int) alloc)
                    : spis(controller.get(), taken, ks.stack().busDomain().value(), (int) alloc);
            if (problem != null) {
                report.add(DiagnosticCode.IRQ068, ks.stack().alloc().map(Num::pos).orElse(ks.stack().end()),
                        ks.kernel() + "'s stack for " + device.get().name().text() + "." + ks.stack().busDomain().value().keyword()
                                + ": " + problem);
            }
        }
    }

    private static String events(MsiControllerDecl its, int alloc) {
        int bits = Defaults.eventIdBits(its);
        if (bits >= 1 && bits < 31 && alloc > 1 << bits) {
            return alloc + " events do not fit the " + bits + " EventID bits of its " + its.name().text();
        }
        return null;
    }

    /** Takes the stack's SPIs from the frame's map; what is missing when they do not fit, else null. */
    private static String spis(MsiControllerDecl frame, Map<String, BitSet> taken, BusDomainKind busDomain, int alloc) {
        Optional<Num> spis = frame.prop(GicProp.Spis.class).map(GicProp.Spis::count).filter(n -> n.in(1, 988));
        if (spis.isEmpty()) {
            return null;
        }
        int size = spis.get().intValue();
        BitSet used = taken.computeIfAbsent(frame.name().text(), n -> new BitSet(size));
        int block = busDomain == BusDomainKind.MSI ? Integer.highestOneBit(alloc - 1) << 1 : 1;
        block = Math.max(block, 1);
        int blocks = busDomain == BusDomainKind.MSI ? 1 : alloc;
        for (int b = 0; b < blocks; b++) {
            int start = free(used, size, block);
            if (start < 0) {
                int free = size - used.cardinality();
                return "v2m " + frame.name().text() + " has " + size + " SPIs and " + free + " left, "
                        + (block > 1 ? "none of them an aligned block of " + block : "fewer than the " + (blocks - b)
                        + " still needed");
            }
            used.set(start, start + block);
        }
        return null;
    }

    /** The lowest naturally aligned free block of {@code block} SPIs, as bitmap_find_free_region finds it. */
    private static int free(BitSet used, int size, int block) {
        for (int start = 0; start + block <= size; start += block) {
            if (used.get(start, start + block).isEmpty()) {
                return start;
            }
        }
        return -1;
    }
}
