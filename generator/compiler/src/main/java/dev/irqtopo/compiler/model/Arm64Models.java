package dev.irqtopo.compiler.model;

import dev.irqtopo.compiler.ast.BusDecl;
import dev.irqtopo.compiler.ast.CpuBlock;
import dev.irqtopo.compiler.ast.CpuProp;
import dev.irqtopo.compiler.ast.Defaults;
import dev.irqtopo.compiler.ast.DeviceDecl;
import dev.irqtopo.compiler.ast.ExpectDecl;
import dev.irqtopo.compiler.ast.GicDecl;
import dev.irqtopo.compiler.ast.GicProp;
import dev.irqtopo.compiler.ast.GuestDecl;
import dev.irqtopo.compiler.ast.HypervisorBlock;
import dev.irqtopo.compiler.ast.HypervisorProp;
import dev.irqtopo.compiler.ast.Link;
import dev.irqtopo.compiler.ast.MsiControllerDecl;
import dev.irqtopo.compiler.ast.Name;
import dev.irqtopo.compiler.ast.Platform;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.ast.StackDecl;
import dev.irqtopo.compiler.ast.StorageDecl;
import dev.irqtopo.compiler.ast.Word;
import dev.irqtopo.model.Arm64PlatformModel;
import dev.irqtopo.model.arm.Arm64GuestModel;
import dev.irqtopo.model.arm.Arm64HypervisorModel;
import dev.irqtopo.model.arm.ArmCpus;
import dev.irqtopo.model.arm.EventIdOverflow;
import dev.irqtopo.model.arm.GicModel;
import dev.irqtopo.model.arm.GicStackModel;
import dev.irqtopo.model.arm.ItsModel;
import dev.irqtopo.model.arm.MsiMap;
import dev.irqtopo.model.arm.MsiMapEntry;
import dev.irqtopo.model.arm.V2mFrameModel;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The model stage for an arm64 platform: its CPU side resolved, the bus side as {@link ModelBuilder} builds it. */
final class Arm64Models {

    /** The GIC's interrupt ID bits: Linux uses at most 16 for LPIs, whatever GICD_TYPER offers. */
    private static final int LPI_ID_BITS = 16;

    private Arm64Models() {
    }

    static Arm64PlatformModel platform(PlatformIndex index, String javaPackage) {
        Platform p = index.platform();
        CpuBlock cpu = index.cpu().orElseThrow();
        ArmCpus cpus = new ArmCpus(Defaults.mpidrs(cpu, cpu.props(CpuProp.Cpus.class).get(0).count().intValue()));
        Map<String, MsiMap> msiMaps = new LinkedHashMap<>();
        for (BusDecl bus : p.buses()) {
            if (!bus.msiMaps().isEmpty()) {
                msiMaps.put(bus.name().text(), msiMap(bus));
            }
        }
        LinkedHashSet<String> covered = new LinkedHashSet<>();
        p.smmus().forEach(s -> s.coveredBuses().forEach(b -> covered.add(b.text())));
        return new Arm64PlatformModel(
                javaPackage,
                p.name().text(),
                p.description().orElse(""),
                cpus,
                gic(index.gic().orElseThrow()),
                msiMaps,
                covered,
                index.hypervisor().map(Arm64Models::hypervisor),
                p.buses().stream().map(b -> ModelBuilder.bus(b, index)).toList(),
                p.hostStacks().stream().map(s -> stack(s, index)).toList(),
                p.guests().stream().map(g -> guest(g, index)).toList(),
                index.expect().map(ExpectDecl::verdict).map(Word::value));
    }

    private static GicModel gic(GicDecl gic) {
        List<ItsModel> its = gic.controllers().stream().filter(MsiControllerDecl.Its.class::isInstance)
                .map(c -> new ItsModel(c.name().text(), doorbell(c), Defaults.deviceIdBits(c), Defaults.eventIdBits(c),
                        ItsModel.DEFAULT_ITT_ENTRY_SIZE, true, EventIdOverflow.HIGH_BITS_IGNORED))
                .toList();
        List<V2mFrameModel> v2m = gic.controllers().stream().filter(MsiControllerDecl.V2m.class::isInstance)
                .map(c -> new V2mFrameModel(c.name().text(), doorbell(c),
                        c.prop(GicProp.SpiBase.class).orElseThrow().spi().intValue(),
                        c.prop(GicProp.Spis.class).orElseThrow().count().intValue()))
                .toList();
        return new GicModel(gic.version().value(), LPI_ID_BITS, its, v2m);
    }

    private static long doorbell(MsiControllerDecl controller) {
        return controller.prop(GicProp.Doorbell.class).orElseThrow().address().value().longValueExact();
    }

    private static MsiMap msiMap(BusDecl bus) {
        List<MsiMapEntry> entries = bus.msiMaps().stream().map(line -> MsiMapEntry.of(line.ridBase().withinSegment(),
                line.controller().text(), line.msiBase().value().longValue(), line.length().value().longValue())).toList();
        MsiMap map = new MsiMap(entries, MsiMap.ALL_BITS);
        return bus.msiMapMasks().isEmpty() ? map : map.withMask(Defaults.msiMapMask(bus));
    }

    private static Arm64HypervisorModel hypervisor(HypervisorBlock hypervisor) {
        return new Arm64HypervisorModel(Defaults.hypervisor(hypervisor).traps(),
                hypervisor.prop(HypervisorProp.Vlpi.class).map(HypervisorProp.Vlpi::on).orElse(false));
    }

    private static Arm64GuestModel guest(GuestDecl guest, PlatformIndex index) {
        List<String> devices = List.copyOf(new LinkedHashSet<>(guest.assigned().stream().map(Name::text).toList()));
        return new Arm64GuestModel(guest.name().text(), guest.cpus().get(0).count().intValue(), devices,
                guest.stacks().stream().map(s -> stack(s, index)).toList());
    }

    /** A stack with its {@code ims} resolved to the device's IMS storage and its controller named. */
    private static GicStackModel stack(StackDecl stack, PlatformIndex index) {
        DeviceDecl device = index.device(stack.device().text()).orElseThrow();
        StorageDecl storage = PlatformIndex.storage(device, stack.busDomain().value()).orElseThrow();
        Optional<String> controller = stack.chain().stream().flatMap(l -> controller(l).stream()).findFirst()
                .map(Name::text);
        return new GicStackModel(device.name().text(), storage.kind(), controller, Defaults.alloc(stack));
    }

    private static Optional<Name> controller(Link link) {
        if (link instanceof Link.Its its) {
            return its.its();
        }
        return link instanceof Link.V2m v2m ? Optional.of(v2m.frame()) : Optional.empty();
    }
}
