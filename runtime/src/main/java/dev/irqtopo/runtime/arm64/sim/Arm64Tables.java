package dev.irqtopo.runtime.arm64.sim;

import dev.irqtopo.model.Arm64PlatformModel;
import dev.irqtopo.model.arm.ArmCpus;
import dev.irqtopo.model.arm.Arm64GuestModel;
import dev.irqtopo.model.arm.V2mFrameModel;
import dev.irqtopo.runtime.arm64.Arm64Platform;
import dev.irqtopo.runtime.arm64.GuestIts;
import dev.irqtopo.runtime.gic.Ite;
import dev.irqtopo.runtime.gic.Its;
import dev.irqtopo.runtime.gic.Itt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code irqtopo tables} for an arm64 platform: boot it as {@code simulate} does and read every ITS's tables. */
public final class Arm64Tables {

    private Arm64Tables() {
    }

    public static Arm64TablesReport run(Arm64PlatformModel model) {
        Arm64Platform platform = Arm64Platform.create(model);
        platform.boot();
        List<Arm64TablesReport.ItsTables> its = new ArrayList<>();
        for (Its unit : platform.gic().its()) {
            its.add(tables(Arm64Platform.HOST, unit, model.cpus()));
        }
        for (Arm64GuestModel guest : model.guests()) {
            GuestIts vits = platform.guest(guest.name()).orElseThrow();
            its.add(tables(guest.name(), vits.gic().its(GuestIts.NAME).orElseThrow(), vits.vcpus()));
        }
        List<Arm64TablesReport.V2mSpis> v2m = new ArrayList<>();
        for (V2mFrameModel frame : platform.v2m().frames()) {
            v2m.add(new Arm64TablesReport.V2mSpis(frame.name(), frame.doorbell(), frame.firstSpi(), frame.spiCount(),
                    platform.v2m().allocated(frame)));
        }
        return new Arm64TablesReport(model.name(), its, v2m);
    }

    private static Arm64TablesReport.ItsTables tables(String kernel, Its its, ArmCpus cpus) {
        List<Arm64TablesReport.DeviceEntry> devices = new ArrayList<>();
        for (Map.Entry<Long, Itt> device : its.devices().entrySet()) {
            List<Arm64TablesReport.Translation> itt = new ArrayList<>();
            for (Map.Entry<Long, Ite> e : device.getValue().entries().entrySet()) {
                itt.add(new Arm64TablesReport.Translation(e.getKey(), e.getValue().lpi(), e.getValue().icid()));
            }
            devices.add(new Arm64TablesReport.DeviceEntry(device.getKey(), device.getValue().eventIdBits() - 1, itt));
        }
        List<Arm64TablesReport.Collection> collections = new ArrayList<>();
        its.collections().forEach((icid, cpu) -> collections.add(new Arm64TablesReport.Collection(icid, cpu, cpus.mpidr(cpu))));
        return new Arm64TablesReport.ItsTables(kernel, its.name(), its.enabled(), its.model().deviceIdBits(),
                its.model().eventIdBits(), devices, collections);
    }
}
