package dev.irqtopo.scale;

import dev.irqtopo.model.Arm64PlatformModel;
import dev.irqtopo.model.PlatformDesign;
import dev.irqtopo.runtime.arm64.Arm64Outcome;
import dev.irqtopo.runtime.arm64.isolation.Arm64IsolationReport;
import dev.irqtopo.runtime.arm64.isolation.Arm64Verification;
import dev.irqtopo.runtime.arm64.sim.Arm64InterruptReport;
import dev.irqtopo.runtime.arm64.sim.Arm64Simulation;
import dev.irqtopo.runtime.arm64.sim.Arm64SimulationReport;
import dev.irqtopo.runtime.arm64.sim.Arm64StackReport;
import java.util.ArrayList;
import java.util.List;

/**
 * The arm64 counterpart of {@link ScalePlatform}, every dimension growing with the device count: four
 * LPIs per device, an MSI-X table of four (Linux sizes a device's ITT, and takes its LPIs, by the table:
 * 40 000 at 10 000 devices, within the 57 344 of 16 ID bits); a bus block per 250 devices, each
 * its own bus number with one {@code msi_map} line giving its requester ids as DeviceIDs; an ITS and an
 * SMMU per eight bus blocks; a guest per 100 devices. The 64 CPUs are fixed.
 *
 * <p>Of every ten devices, six belong to the host (MSI-X through their bus's ITS) and four are assigned
 * to the guest of their hundred (MSI-X allocated through KVM's virtual ITS, trapped, each vector backed
 * by a host LPI).
 */
record Arm64ScalePlatform(int devices) implements ScaleDesign<Arm64SimulationReport, Arm64IsolationReport> {

    static final int INTERRUPTS_PER_DEVICE = 4;
    static final int DEVICES_PER_BUS = 250;
    static final int BUSES_PER_ITS = 8;
    static final int DEVICES_PER_GUEST = 100;
    static final int CPUS = 64;
    static final int GUEST_CPUS = 4;

    Arm64ScalePlatform {
        ScaleDesign.checkedSize(devices);
    }

    @Override
    public int interrupts() {
        return devices * INTERRUPTS_PER_DEVICE;
    }

    int buses() {
        return ScaleDesign.ceil(devices, DEVICES_PER_BUS);
    }

    int itsUnits() {
        return ScaleDesign.ceil(buses(), BUSES_PER_ITS);
    }

    int guests() {
        return ScaleDesign.ceil(devices, DEVICES_PER_GUEST);
    }

    @Override
    public String className() {
        return "Arm64Scale" + devices;
    }

    @Override
    public String fileName() {
        return "arm64-scale-" + devices + ".irqtopo";
    }

    /** The platform's text: about 90 bytes per device. */
    @Override
    public String text() {
        StringBuilder text = new StringBuilder(devices * 100 + 4096)
                .append("package dev.example.scale;\n\n")
                .append("platform ").append(className()).append(" \"").append(devices).append(" devices, ")
                .append(interrupts()).append(" LPIs\" {\n")
                .append("    cpu arm64 { cpus ").append(CPUS).append("; }\n")
                .append("    gic v3 {\n");
        for (int its = 0; its < itsUnits(); its++) {
            // each ITS's two 64 KiB frames, GITS_TRANSLATER 0x10040 above the first
            text.append(String.format("        its its%d { doorbell 0x%x; }%n", its, 0x0808_0000L + its * 0x2_0000L + 0x1_0040L));
        }
        text.append("    }\n");
        for (int its = 0; its < itsUnits(); its++) {
            text.append("    smmu smmu").append(its).append(" { covers ");
            int first = its * BUSES_PER_ITS;
            for (int bus = first; bus < Math.min(first + BUSES_PER_ITS, buses()); bus++) {
                text.append(bus == first ? "" : ", ").append("pci").append(bus);
            }
            text.append("; }\n");
        }
        text.append("    hypervisor kvm { traps msix; }\n");
        for (int bus = 0; bus < buses(); bus++) {
            int number = bus + 1;
            text.append("    bus pci").append(bus).append(" {\n")
                    .append(String.format("        msi_map %02x:00.0 its%d 0x%x 0x100;%n", number, bus / BUSES_PER_ITS,
                            number << 8));
            for (int d = bus * DEVICES_PER_BUS; d < Math.min((bus + 1) * DEVICES_PER_BUS, devices); d++) {
                int local = d % DEVICES_PER_BUS;
                text.append(String.format("        device d%d %02x:%02x.%x { msix %d; }%n", d, number, local / 8, local % 8,
                        INTERRUPTS_PER_DEVICE));
            }
            text.append("    }\n");
        }
        text.append("    host {\n");
        for (int d = 0; d < devices; d++) {
            if (!ScaleDesign.assigned(d)) {
                text.append("        stack d").append(d).append(".msix: gic -> its its")
                        .append(d / DEVICES_PER_BUS / BUSES_PER_ITS).append(" -> msix alloc ")
                        .append(INTERRUPTS_PER_DEVICE).append(";\n");
            }
        }
        text.append("    }\n");
        for (int guest = 0; guest < guests(); guest++) {
            text.append("    guest vm").append(guest).append(" {\n        cpus ").append(GUEST_CPUS).append(";\n");
            int first = guest * DEVICES_PER_GUEST;
            int last = Math.min(first + DEVICES_PER_GUEST, devices);
            StringBuilder assign = new StringBuilder();
            StringBuilder stacks = new StringBuilder();
            for (int d = first; d < last; d++) {
                if (ScaleDesign.assigned(d)) {
                    assign.append(assign.length() == 0 ? "" : ", ").append('d').append(d);
                    stacks.append("        stack d").append(d).append(".msix: gic -> its -> msix alloc ")
                            .append(INTERRUPTS_PER_DEVICE).append(";\n");
                }
            }
            text.append("        assign ").append(assign).append(";\n").append(stacks).append("    }\n");
        }
        return text.append("}\n").toString();
    }

    @Override
    public Arm64SimulationReport simulate(PlatformDesign model) {
        return Arm64Simulation.run((Arm64PlatformModel) model);
    }

    @Override
    public void checkSimulation(Arm64SimulationReport report) {
        int interrupts = 0;
        List<String> wrong = new ArrayList<>();
        for (Arm64StackReport stack : report.stacks()) {
            String kernel = stack.stack().kernel();
            stack.stack().errno().ifPresent(errno -> wrong.add(kernel + " " + stack.stack().device() + ": " + errno));
            for (Arm64InterruptReport irq : stack.interrupts()) {
                interrupts++;
                if (!(irq.outcome() instanceof Arm64Outcome.Delivered delivered) || !delivered.kernel().equals(kernel)
                        || delivered.virq() != irq.interrupt().virq()) {
                    wrong.add(kernel + " " + stack.stack().device() + " slot " + irq.interrupt().slot() + ": " + irq.outcome());
                }
            }
        }
        if (!wrong.isEmpty() || interrupts != interrupts()) {
            throw new IllegalStateException(className() + ": " + interrupts + " of " + interrupts() + " interrupts; "
                    + wrong.size() + " wrong, first " + wrong.stream().limit(3).toList());
        }
    }

    @Override
    public Arm64IsolationReport verify(PlatformDesign model) {
        return Arm64Verification.run((Arm64PlatformModel) model);
    }

    @Override
    public void checkVerification(Arm64IsolationReport report) {
        if (!report.isolated()) {
            throw new IllegalStateException(className() + " is not isolated: " + report.findings().get(0));
        }
    }
}
