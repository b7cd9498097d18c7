package dev.irqtopo.runtime.riscv64.sim;

import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.model.RiscvPlatformModel;
import dev.irqtopo.model.riscv.DeviceContext;
import dev.irqtopo.model.riscv.InterruptFile;
import dev.irqtopo.model.riscv.RiscvGuestModel;
import dev.irqtopo.model.riscv.RiscvIommuModel;
import dev.irqtopo.runtime.imsic.ImsicMatrix;
import dev.irqtopo.runtime.imsic.ImsicVector;
import dev.irqtopo.runtime.riscv64.DeviceTranslation;
import dev.irqtopo.runtime.riscv64.GuestImsic;
import dev.irqtopo.runtime.riscv64.GuestRoute;
import dev.irqtopo.runtime.riscv64.Handler;
import dev.irqtopo.runtime.riscv64.RiscvPlatform;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code irqtopo tables} for a riscv64 platform: boot it as {@code simulate} does, then read each RISC-V
 * IOMMU's device contexts and MSI page tables, and the identities the kernels took in each file.
 */
public final class RiscvTables {

    private RiscvTables() {
    }

    public static RiscvTablesReport run(RiscvPlatformModel model) {
        RiscvPlatform platform = RiscvPlatform.create(model);
        platform.boot();
        Map<String, Map<RequesterId, List<DeviceModel>>> users = new LinkedHashMap<>();
        model.iommus().forEach(i -> users.put(i.name(), new TreeMap<>()));
        for (DeviceModel device : platform.devices()) {
            Optional<RiscvIommuModel> iommu = platform.iommuCovering(device);
            iommu.ifPresent(i -> users.get(i.name()).computeIfAbsent(device.iommuRequesterId(), r -> new ArrayList<>())
                    .add(device));
        }
        List<RiscvTablesReport.IommuTables> iommus = new ArrayList<>();
        users.forEach((unit, byRid) -> {
            List<RiscvTablesReport.Context> contexts = new ArrayList<>();
            byRid.forEach((rid, devices) -> contexts.add(context(platform, rid, devices)));
            iommus.add(new RiscvTablesReport.IommuTables(unit, contexts));
        });
        return new RiscvTablesReport(model.name(), iommus, files(platform));
    }

    private static RiscvTablesReport.Context context(RiscvPlatform platform, RequesterId rid, List<DeviceModel> devices) {
        // every function with this requester id uses the context built for the first one's owner
        DeviceTranslation t = platform.translation(devices.get(0));
        DeviceContext context = t.context();
        List<RiscvTablesReport.Pte> ptes = new ArrayList<>();
        if (t.translatesMsis()) {
            for (long index = 0; index < 1L << context.tableBits(); index++) {
                ptes.add(new RiscvTablesReport.Pte(index, context.entry(index)));
            }
        }
        return new RiscvTablesReport.Context(rid, devices.stream().map(DeviceModel::name).toList(), t.contextOwner(),
                t.word(), context.tablePpn(), context.addressMask(), context.addressPattern(), ptes);
    }

    private static List<RiscvTablesReport.FileIdentities> files(RiscvPlatform platform) {
        Map<ImsicVector, String> notices = new HashMap<>();
        for (RiscvGuestModel guest : platform.model().guests()) {
            GuestImsic imsic = platform.guest(guest.name()).orElseThrow();
            for (int vcpu = 0; vcpu < imsic.vcpus(); vcpu++) {
                int v = vcpu;
                platform.notice(guest.name(), vcpu).ifPresent(n -> notices.put(n, "MRIF notice of " + guest.name()
                        + " vcpu " + v));
            }
        }
        Map<InterruptFile, RiscvTablesReport.FileIdentities> files = new TreeMap<>();
        ImsicMatrix host = platform.hostDriver().matrix();
        for (int hart = 0; hart < host.cpus(); hart++) {
            InterruptFile file = InterruptFile.supervisor(hart);
            List<RiscvTablesReport.Identity> taken = new ArrayList<>();
            taken.add(new RiscvTablesReport.Identity(ImsicMatrix.IPI_IDENTITY, RiscvPlatform.HOST, "IPI"));
            for (int identity : host.allocated(hart)) {
                if (identity > ImsicMatrix.IPI_IDENTITY) {
                    taken.add(new RiscvTablesReport.Identity(identity, RiscvPlatform.HOST,
                            hostUse(platform, file, identity, notices.get(new ImsicVector(hart, identity)))));
                }
            }
            files.put(file, new RiscvTablesReport.FileIdentities(file, RiscvPlatform.HOST, taken));
        }
        for (RiscvGuestModel guest : platform.model().guests()) {
            GuestImsic imsic = platform.guest(guest.name()).orElseThrow();
            for (int vcpu = 0; vcpu < imsic.vcpus(); vcpu++) {
                InterruptFile file = imsic.backing(vcpu);
                List<RiscvTablesReport.Identity> taken = new ArrayList<>();
                taken.add(new RiscvTablesReport.Identity(ImsicMatrix.IPI_IDENTITY, guest.name(), "IPI"));
                for (int identity : imsic.driver().matrix().allocated(vcpu)) {
                    if (identity > ImsicMatrix.IPI_IDENTITY) {
                        taken.add(new RiscvTablesReport.Identity(identity, guest.name(),
                                platform.handler(file, identity).map(RiscvTables::use).orElse("unused")));
                    }
                }
                files.put(file, new RiscvTablesReport.FileIdentities(file, guest.name() + " vcpu " + vcpu, taken));
            }
        }
        return List.copyOf(files.values());
    }

    /** What the host took a supervisor-level identity for: a host stack, a trapped guest vector, or a notice. */
    private static String hostUse(RiscvPlatform platform, InterruptFile file, int identity, String notice) {
        Optional<Handler> handler = platform.handler(file, identity);
        if (handler.isPresent()) {
            return use(handler.get());
        }
        Optional<GuestRoute> route = platform.route(file, identity);
        if (route.isPresent()) {
            GuestImsic guest = platform.guest(route.get().guest()).orElseThrow();
            return "backs " + platform.handler(guest.backing(route.get().vcpu()), route.get().message().data())
                    .map(h -> h.kernel() + "'s " + h.words())
                    .orElse(route.get().guest() + " vcpu " + route.get().vcpu() + " identity " + route.get().message().data());
        }
        return notice != null ? notice : "unused";
    }

    private static String use(Handler handler) {
        return handler.words() + " irq " + handler.virq();
    }
}
