package dev.irqtopo.scale;

import dev.irqtopo.model.PlatformDesign;
import dev.irqtopo.model.RiscvPlatformModel;
import dev.irqtopo.runtime.riscv64.RiscvOutcome;
import dev.irqtopo.runtime.riscv64.isolation.RiscvIsolationReport;
import dev.irqtopo.runtime.riscv64.isolation.RiscvVerification;
import dev.irqtopo.runtime.riscv64.sim.RiscvInterruptReport;
import dev.irqtopo.runtime.riscv64.sim.RiscvSimulation;
import dev.irqtopo.runtime.riscv64.sim.RiscvSimulationReport;
import dev.irqtopo.runtime.riscv64.sim.RiscvStackReport;
import java.util.ArrayList;
import java.util.List;

/**
 * The riscv64 counterpart of {@link ScalePlatform}, every dimension growing with the device count but the
 * harts: four vectors per device, an MSI-X table of four; a bus block per 250 devices; a RISC-V IOMMU with
 * flat MSI page tables per eight bus blocks; a guest of four vCPUs per 100 devices. 64 harts with IMSICs
 * of 2 047 identities and 8 guest files each (512 guest files for the 400 vCPUs at 10 000 devices).
 *
 * <p>Of every ten devices, six belong to the host (MSI-X in the harts' supervisor-level files) and four
 * are assigned to the guest of their hundred (MSI-X trapped, the guest's own messages kept, its MSI page
 * table mapping its vCPUs' pages to their guest files).
 */
record RiscvScalePlatform(int devices) implements ScaleDesign<RiscvSimulationReport, RiscvIsolationReport> {

    static final int INTERRUPTS_PER_DEVICE = 4;
    static final int DEVICES_PER_BUS = 250;
    static final int BUSES_PER_IOMMU = 8;
    static final int DEVICES_PER_GUEST = 100;
    static final int HARTS = 64;
    static final int GUEST_CPUS = 4;

    RiscvScalePlatform {
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

    @Override
    public String className() {
        return "RiscvScale" + devices;
    }

    @Override
    public String fileName() {
        return "riscv64-scale-" + devices + ".irqtopo";
    }

    /** The platform's text: about 90 bytes per device. */
    @Override
    public String text() {
        StringBuilder text = new StringBuilder(devices * 100 + 4096)
                .append("package dev.example.scale;\n\n")
                .append("platform ").append(className()).append(" \"").append(devices).append(" devices, ")
                .append(interrupts()).append(" vectors\" {\n")
                .append("    cpu riscv64 { cpus ").append(HARTS).append("; }\n")
                .append("    imsic { identities 2047; guest_files 8; }\n");
        for (int iommu = 0; iommu < iommus(); iommu++) {
            text.append("    iommu riscv iommu").append(iommu).append(" { covers ");
            int first = iommu * BUSES_PER_IOMMU;
            for (int bus = first; bus < Math.min(first + BUSES_PER_IOMMU, buses()); bus++) {
                text.append(bus == first ? "" : ", ").append("pci").append(bus);
            }
            text.append("; msi flat; }\n");
        }
        text.append("    hypervisor kvm { traps msix; }\n");
        for (int bus = 0; bus < buses(); bus++) {
            text.append("    bus pci").append(bus).append(" {\n");
            for (int d = bus * DEVICES_PER_BUS; d < Math.min((bus + 1) * DEVICES_PER_BUS, devices); d++) {
                int local = d % DEVICES_PER_BUS;
                text.append(String.format("        device d%d %02x:%02x.%x { msix %d; }%n", d, bus + 1, local / 8,
                        local % 8, INTERRUPTS_PER_DEVICE));
            }
            text.append("    }\n");
        }
        text.append("    host {\n");
        for (int d = 0; d < devices; d++) {
            if (!ScaleDesign.assigned(d)) {
                text.append("        stack d").append(d).append(".msix: imsic -> msix alloc ")
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
                    stacks.append("        stack d").append(d).append(".msix: imsic -> msix alloc ")
                            .append(INTERRUPTS_PER_DEVICE).append(";\n");
                }
            }
            text.append("        assign ").append(assign).append(";\n").append(stacks).append("    }\n");
        }
        return text.append("}\n").toString();
    }

    @Override
    public RiscvSimulationReport simulate(PlatformDesign model) {
        return RiscvSimulation.run((RiscvPlatformModel) model);
    }

    @Override
    public void checkSimulation(RiscvSimulationReport report) {
        int interrupts = 0;
        List<String> wrong = new ArrayList<>();
        for (RiscvStackReport stack : report.stacks()) {
            String kernel = stack.stack().kernel();
            stack.stack().errno().ifPresent(errno -> wrong.add(kernel + " " + stack.stack().device() + ": " + errno));
            for (RiscvInterruptReport irq : stack.interrupts()) {
                interrupts++;
                boolean delivered = irq.outcome() instanceof RiscvOutcome.Written written && written.taken()
                        .filter(t -> t.kernel().equals(kernel) && t.virq().orElse(-1) == irq.interrupt().virq())
                        .isPresent();
                if (!delivered) {
                    wrong.add(kernel + " " + stack.stack().device() + " slot " + irq.interrupt().slot() + ": "
                            + irq.outcome());
                }
            }
        }
        if (!wrong.isEmpty() || interrupts != interrupts()) {
            throw new IllegalStateException(className() + ": " + interrupts + " of " + interrupts() + " interrupts; "
                    + wrong.size() + " wrong, first " + wrong.stream().limit(3).toList());
        }
    }

    @Override
    public RiscvIsolationReport verify(PlatformDesign model) {
        return RiscvVerification.run((RiscvPlatformModel) model);
    }

    @Override
    public void checkVerification(RiscvIsolationReport report) {
        if (!report.isolated()) {
            throw new IllegalStateException(className() + " is not isolated: " + report.findings().get(0));
        }
    }
}
