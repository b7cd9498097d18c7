package dev.irqtopo.scale;

import dev.irqtopo.model.PlatformDesign;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.runtime.delivery.Delivery;
import dev.irqtopo.runtime.isolation.IsolationReport;
import dev.irqtopo.runtime.isolation.Verification;
import dev.irqtopo.runtime.sim.InterruptReport;
import dev.irqtopo.runtime.sim.Simulation;
import dev.irqtopo.runtime.sim.SimulationReport;
import dev.irqtopo.runtime.sim.StackReport;
import java.util.ArrayList;
import java.util.List;

/**
 * A large platform whose every dimension grows with its device count, so that the cost of each stage
 * should grow linearly with it: ten interrupts per device; a bus block per 250 devices; a VT-d unit
 * per two bus blocks, which make up its own PCI segment (a unit serves one segment), each table
 * holding 5 000 entries of its 65 536, every other unit posting guest interrupts; a guest per 100
 * devices. Only the host's CPU count is fixed (1 024,
 * x2APIC), enough vectors for the 100 000 interrupts of 10 000 devices.
 *
 * <p>Of every ten devices, six belong to the host (MSI-X through remapping; two-message MSI plus MSI-X;
 * IMS in device memory) and four are assigned to the guest of their hundred (MSI-X and IMS in device
 * memory, trapped and translated by the hypervisor; IMS in queue memory, composed by hypercall).
 */
record ScalePlatform(int devices) implements ScaleDesign<SimulationReport, IsolationReport> {

    static final int INTERRUPTS_PER_DEVICE = 10;
    static final int DEVICES_PER_BUS = 250;
    static final int BUSES_PER_IOMMU = 2;
    static final int DEVICES_PER_GUEST = 100;
    static final int HOST_CPUS = 1024;
    static final int GUEST_CPUS = 4;

    ScalePlatform {
        ScaleDesign.checkedSize(devices);
    }

    @Override
    public int interrupts() {
        return devices * INTERRUPTS_PER_DEVICE;
    }

    int buses() {
        return ScaleDesign.ceil(devices, DEVICES_PER_BUS);
    }

    int iommus() {
        return ScaleDesign.ceil(buses(), BUSES_PER_IOMMU);
    }

    int guests() {
        return ScaleDesign.ceil(devices, DEVICES_PER_GUEST);
    }

    /** Devices whose interrupts a guest allocates: four of every ten. */
    int guestDevices() {
        return devices / 10 * 4;
    }

    @Override
    public String className() {
        return "Scale" + devices;
    }

    /** The platform's text: about 100 bytes per device. */
    @Override
    public String text() {
        StringBuilder text = new StringBuilder(devices * 110 + 4096)
                .append("package dev.example.scale;\n\n")
                .append("platform ").append(className()).append(" \"").append(devices).append(" devices, ")
                .append(interrupts()).append(" interrupts\" {\n")
                .append("    cpu x86 { cpus ").append(HOST_CPUS).append("; apic x2apic; }\n");
        for (int unit = 0; unit < iommus(); unit++) {
            text.append("    iommu vtd dmar").append(unit).append(" { posted ").append(unit % 2 == 1 ? "on" : "off")
                    .append("; covers ");
            int first = unit * BUSES_PER_IOMMU;
            for (int bus = first; bus < Math.min(first + BUSES_PER_IOMMU, buses()); bus++) {
                text.append(bus == first ? "" : ", ").append("seg").append(bus);
            }
            text.append("; }\n");
        }
        text.append("    hypervisor kvm { traps msi, msix, ims device; hypercall compose; }\n");
        for (int bus = 0; bus < buses(); bus++) {
            text.append("    bus seg").append(bus).append(" {\n");
            for (int d = bus * DEVICES_PER_BUS; d < Math.min((bus + 1) * DEVICES_PER_BUS, devices); d++) {
                int local = d % DEVICES_PER_BUS;
                text.append("        device d").append(d).append(' ')
                        .append(String.format("%04x:%02x:%02x.%x", bus / BUSES_PER_IOMMU, 1 + bus % BUSES_PER_IOMMU,
                                local / 8 % 32, local % 8))
                        .append(" { ").append(storages(d)).append(" }\n");
            }
            text.append("    }\n");
        }
        text.append("    host {\n");
        for (int d = 0; d < devices; d++) {
            if (!ScaleDesign.assigned(d)) {
                hostStacks(text, d);
            }
        }
        text.append("    }\n");
        for (int guest = 0; guest < guests(); guest++) {
            text.append("    guest vm").append(guest).append(" {\n        cpus ").append(GUEST_CPUS).append(";\n");
            int first = guest * DEVICES_PER_GUEST;
            int last = Math.min(first + DEVICES_PER_GUEST, devices);
            StringBuilder assign = new StringBuilder();
            for (int d = first; d < last; d++) {
                if (ScaleDesign.assigned(d)) {
                    assign.append(assign.length() == 0 ? "" : ", ").append('d').append(d);
                }
            }
            text.append("        assign ").append(assign).append(";\n");
            for (int d = first; d < last; d++) {
                if (ScaleDesign.assigned(d)) {
                    guestStack(text, d);
                }
            }
            text.append("    }\n");
        }
        return text.append("}\n").toString();
    }

    private static String storages(int device) {
        return switch (device % 10) {
            case 4 -> "msi 2; msix 8;";
            case 5, 9 -> "ims device 16;";
            case 8 -> "ims queue 16;";
            default -> "msix 16;";
        };
    }

    private void hostStacks(StringBuilder text, int device) {
        String remap = "vector -> remap dmar" + device / DEVICES_PER_BUS / BUSES_PER_IOMMU + " -> ";
        String name = "        stack d" + device;
        switch (device % 10) {
            case 4 -> text.append(name).append(".msi: ").append(remap).append("msi alloc 2;\n")
                    .append(name).append(".msix: ").append(remap).append("msix alloc 8;\n");
            case 5 -> text.append(name).append(".ims: ").append(remap).append("ims alloc 10;\n");
            default -> text.append(name).append(".msix: ").append(remap).append("msix alloc 10;\n");
        }
    }

    private static void guestStack(StringBuilder text, int device) {
        String name = "        stack d" + device;
        switch (device % 10) {
            case 8 -> text.append(name).append(".ims: vector -> hcall -> ims alloc 10;\n");
            case 9 -> text.append(name).append(".ims: vector -> ims alloc 10;\n");
            default -> text.append(name).append(".msix: vector -> msix alloc 10;\n");
        }
    }

    @Override
    public SimulationReport simulate(PlatformDesign model) {
        return Simulation.run((PlatformModel) model);
    }

    @Override
    public void checkSimulation(SimulationReport report) {
        int interrupts = 0;
        List<String> wrong = new ArrayList<>();
        for (StackReport stack : report.stacks()) {
            if (stack.errno().isPresent()) {
                wrong.add(stack.kernel() + " " + stack.device() + ": " + stack.errno().get());
            }
            for (InterruptReport irq : stack.interrupts()) {
                interrupts++;
                if (!(irq.delivery() instanceof Delivery.Delivered delivered) || !delivered.kernel().equals(stack.kernel())
                        || delivered.virq() != irq.virq()) {
                    wrong.add(stack.kernel() + " " + stack.device() + " slot " + irq.slot() + ": " + irq.delivery());
                }
            }
        }
        if (!wrong.isEmpty() || interrupts != interrupts()) {
            throw new IllegalStateException(className() + ": " + interrupts + " of " + interrupts()
                    + " interrupts; " + wrong.size() + " wrong, first " + wrong.stream().limit(3).toList());
        }
    }

    @Override
    public IsolationReport verify(PlatformDesign model) {
        return Verification.run((PlatformModel) model);
    }

    @Override
    public void checkVerification(IsolationReport report) {
        if (!report.isolated()) {
            throw new IllegalStateException(className() + " is not isolated: " + report.findings().get(0));
        }
    }
}
