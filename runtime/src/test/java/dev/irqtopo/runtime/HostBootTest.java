package dev.irqtopo.runtime;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.testing.PlatformBuilder.device;
import static dev.irqtopo.testing.PlatformBuilder.msi;
import static dev.irqtopo.testing.PlatformBuilder.msix;
import static dev.irqtopo.testing.PlatformBuilder.platform;
import static dev.irqtopo.testing.PlatformBuilder.remapStack;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.IoApicModel;
import dev.irqtopo.model.KernelProfile;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.runtime.delivery.Delivery;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.remap.FaultReason;
import dev.irqtopo.runtime.remap.VtdRemapEntry;
import dev.irqtopo.runtime.stack.HostBoot;
import dev.irqtopo.runtime.stack.Interrupt;
import dev.irqtopo.testing.PlatformBuilder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a Linux host takes before any device probes ({@link HostBoot}): the machine of the recorded q35
 * boots, whose indices and irq numbers the kernel's are.
 */
class HostBootTest {

    private static final IoApicModel IOAPIC =
            new IoApicModel("ioapic0", RequesterId.of(0xff, 0, 0), List.of(1, 2, 4, 8, 9, 12));

    private static PlatformModel q35(KernelProfile kernel, Optional<IoApicModel> ioapic, String... units) {
        PlatformBuilder b = platform("Q35").cpus(4, ApicMode.XAPIC);
        b.iommu(PlatformBuilder.covering(PlatformBuilder.vtdUnit(units[0]), "pci0"));
        for (int i = 1; i < units.length; i++) {
            b.iommu(PlatformBuilder.vtdUnit(units[i]));
        }
        PlatformModel m = b.bus("pci0",
                        device("virtio", "00:01.0", msix(4)),
                        device("e1000e", "00:02.0", msi(1), msix(5)),
                        device("edu", "00:03.0", msi(1)),
                        device("ahci", "00:1f.2", msi(1)))
                .host(remapStack("virtio", StorageKind.MSIX, units[0], 3),
                        remapStack("e1000e", StorageKind.MSIX, units[0], 3),
                        remapStack("ahci", StorageKind.MSI, units[0], 1))
                .build();
        return new PlatformModel(m.javaPackage(), m.name(), m.description(), m.cpu(), m.iommus(), m.hypervisor(),
                m.buses(), m.hostStacks(), m.guests(), m.expect(), kernel, ioapic);
    }

    private static Platform booted(PlatformModel model) {
        Platform platform = Platform.create(model);
        platform.boot();
        return platform;
    }

    private static List<Integer> deviceVirqs(Platform p) {
        return p.stacks().stream().flatMap(s -> s.interrupts().stream()).map(AllocatedInterrupt::virq).toList();
    }

    private static List<Integer> deviceEntries(Platform p) {
        return p.stacks().stream().flatMap(s -> s.interrupts().stream())
                .map(i -> i.remapIndex().orElseThrow()).toList();
    }

    @Test
    void underDesignTheHostTakesNothingAtBoot() {
        Platform p = booted(q35(KernelProfile.DESIGN, Optional.of(IOAPIC), "dmar0"));
        assertThat(p.hostBoot().interrupts()).isEmpty();
        assertThat(p.hostBoot().entries()).isEmpty();
        assertThat(deviceVirqs(p)).containsExactly(24, 25, 26, 27, 28, 29, 30).inOrder();
        assertThat(deviceEntries(p)).containsExactly(0, 1, 2, 3, 4, 5, 6).inOrder();
    }

    @Test
    void linuxTakesTheFaultEventFirstAndTheIoapicPinsAndEachFunctionsIntx() {
        Platform p = booted(q35(KernelProfile.LINUX_6_1, Optional.of(IOAPIC), "dmar0"));
        assertThat(deviceVirqs(p)).containsExactly(25, 26, 27, 28, 29, 30, 31).inOrder();
        assertThat(deviceEntries(p)).containsExactly(16, 17, 18, 20, 21, 22, 24).inOrder();
        List<HostBoot.BootEntry> entries = p.hostBoot().entries();
        assertThat(entries).hasSize(18);
        for (int pin = 1; pin <= 15; pin++) {
            HostBoot.BootEntry entry = entries.get(pin - 1);
            assertThat(entry.index()).isEqualTo(pin - 1);
            assertThat(entry.owner()).isEqualTo("ioapic0 pin " + pin);
            assertThat(entry.present()).isEqualTo(IOAPIC.started(pin));
        }
        assertThat(entries.subList(15, 18)).containsExactly(
                new HostBoot.BootEntry("dmar0", 15, "virtio INTx", false),
                new HostBoot.BootEntry("dmar0", 19, "e1000e INTx", false),
                new HostBoot.BootEntry("dmar0", 23, "ahci INTx", false)).inOrder();
        // allocated, never present
        assertThat(p.hardware().vtdEntry("dmar0", 15)).isEmpty();
        assertThat(p.hardware().vtdEntry("dmar0", 2)).isEmpty();
    }

    @Test
    void theFaultEventIsCompatibilityFormatOnCpu0WithTheFirstVector() {
        Platform p = booted(q35(KernelProfile.LINUX_6_1, Optional.empty(), "dmar0"));
        Interrupt fault = p.hostBoot().interrupts().get(0);
        assertThat(fault.describe()).isEqualTo("host irq 24 (dmar0 fault event)");
        assertThat(fault.cpu()).isEqualTo(0);
        assertThat(fault.vector()).isEqualTo(0x21);
        assertThat(fault.remapIndex()).isEmpty();
        // 6.1 on 4 xAPIC CPUs: flat logical, CPU 0 is 1 << 0
        assertThat(fault.composed()).isEqualTo(new Message(0xfee01004L, 0x21));
        // no I/O APIC: no entries, and the devices' entries start at 0
        assertThat(deviceEntries(p)).containsExactly(0, 1, 2, 3, 4, 5, 6).inOrder();
        assertThat(deviceVirqs(p).get(0)).isEqualTo(25);

        Interrupt later = booted(q35(KernelProfile.LINUX_6_12, Optional.empty(), "dmar0")).hostBoot().interrupts().get(0);
        assertThat(later.vector()).isEqualTo(0x20);
        assertThat(later.composed()).isEqualTo(new Message(0xfee00000L, 0x20)); // 6.12: physical, APIC ID 0
    }

    @Test
    void eachRemappingUnitHasItsFaultEventInUnitOrderAndTheFirstRemapsTheIoapic() {
        PlatformModel model = q35(KernelProfile.LINUX_6_6, Optional.of(IOAPIC), "dmar0", "dmar1");
        Platform p = booted(model);
        assertThat(p.hostBoot().interrupts().subList(0, 2).stream().map(Interrupt::describe).toList())
                .containsExactly("host irq 24 (dmar0 fault event)", "host irq 25 (dmar1 fault event)").inOrder();
        assertThat(p.hostBoot().entries().stream().map(HostBoot.BootEntry::unit).distinct().toList())
                .containsExactly("dmar0");
        assertThat(deviceVirqs(p).get(0)).isEqualTo(26);
    }

    @Test
    void theStartedPinsAreRemappedWithTheIoapicsSourceIdAndTheTimerKeeps0x30OnCpu0() {
        Platform p = booted(q35(KernelProfile.LINUX_6_1, Optional.of(IOAPIC), "dmar0"));
        List<Interrupt> pins = p.hostBoot().interrupts().subList(1, 7);
        assertThat(pins.stream().map(Interrupt::virq).toList()).containsExactly(1, 0, 4, 8, 9, 12).inOrder();
        Interrupt timer = pins.get(1);
        assertThat(timer.describe()).isEqualTo("host irq 0 (ioapic0 pin 2)");
        assertThat(timer.cpu()).isEqualTo(0);
        assertThat(timer.vector()).isEqualTo(0x30);
        assertThat(timer.remapIndex().getAsInt()).isEqualTo(1);
        // the redirection entry: handle 1, SHV 0, the pin in the vector field
        assertThat(timer.composed()).isEqualTo(Message.remappableWithoutSubHandle(1, 2));
        for (Interrupt pin : pins) {
            VtdRemapEntry entry = p.hardware().vtdEntry("dmar0", pin.remapIndex().getAsInt()).orElseThrow();
            assertThat(entry.present()).isTrue();
            assertThat(entry.sid()).isEqualTo(0xff00);
            assertThat(entry.sq()).isEqualTo(0);
            assertThat(entry.svt().svt()).isEqualTo(1);
            assertThat(entry.logical()).isTrue();
            assertThat(entry.redirectionHint()).isTrue();
            assertThat(entry.vector()).isEqualTo(pin.vector());
            assertThat(p.host().vectors().owner(pin.cpu(), pin.vector())).isSameInstanceAs(pin);
        }
    }

    @Test
    void aWriteThroughAnIoapicEntryFromADeviceFaultsOnItsSourceId() {
        Platform p = booted(q35(KernelProfile.LINUX_6_1, Optional.of(IOAPIC), "dmar0"));
        Delivery d = p.hardware().emit("edu", Message.remappable(0, 0));
        assertThat(d).isEqualTo(new Delivery.Fault(FaultReason.VTD_SOURCE_VALIDATION));
    }

    @Test
    void simulateListsTheBootTimeInterruptsBeforeTheStacksAndOnlyUnderLinux() {
        var report = dev.irqtopo.runtime.sim.Simulation.run(q35(KernelProfile.LINUX_6_1, Optional.of(IOAPIC), "dmar0"));
        assertThat(report.boot().stream().map(b -> b.virq() + " " + b.source()).toList()).containsExactly(
                "24 dmar0 fault event", "1 ioapic0 pin 1", "0 ioapic0 pin 2", "4 ioapic0 pin 4", "8 ioapic0 pin 8",
                "9 ioapic0 pin 9", "12 ioapic0 pin 12").inOrder();
        String text = dev.irqtopo.runtime.sim.SimulationText.render(List.of(report));
        assertThat(text).contains("  host: at boot, before any device\n");
        assertThat(text).containsMatch("24 +dmar0 fault event +0 +0x00 +0x21 +- +0x00000000fee01004 0x00000021");
        assertThat(dev.irqtopo.runtime.sim.Simulation.run(q35(KernelProfile.DESIGN, Optional.of(IOAPIC), "dmar0")).boot())
                .isEmpty();
    }

    private static List<String> cpuAndVector(List<Interrupt> irqs) {
        return irqs.stream().map(i -> i.describe() + " CPU " + i.cpu() + " 0x" + Integer.toHexString(i.vector()))
                .toList();
    }

    @Test
    void theSciComesFirstThenTheI8042sAuxAndKeyboardTheRtcAndTheConsoleThenAnyOtherPin() {
        IoApicModel more = new IoApicModel("ioapic0", RequesterId.of(0xff, 0, 0), List.of(1, 2, 3, 4, 8, 9, 12, 14));
        assertThat(HostBoot.Plan.pinRequestOrder(more)).containsExactly(9, 12, 1, 8, 4, 3, 14).inOrder();
        IoApicModel noSci = new IoApicModel("ioapic0", RequesterId.of(0xff, 0, 0), List.of(2, 5, 12));
        assertThat(HostBoot.Plan.pinRequestOrder(noSci)).containsExactly(12, 5).inOrder();
    }

    /**
     * 6.1: the fault event takes 0x21 on CPU 0 while it is the only CPU online; the timer keeps 0x30 there.
     * CPU 0 then has two vectors fewer than CPUs 1 to 3, so the pins, requested in Linux's order with every
     * CPU online, go to the CPU with the most free vectors, the lowest on a tie: 9 on CPU 1, 12 on 2, 1 on 3
     * (each 0x21), 8 on CPU 1 (0x22, CPUs 1 to 3 tied), 4 on CPU 2 (0x22).
     */
    @Test
    void linux61RequestsTheFaultEventOnCpu0AndThePinsWithEveryCpuOnline() {
        HostBoot boot = booted(q35(KernelProfile.LINUX_6_1, Optional.of(IOAPIC), "dmar0")).hostBoot();
        assertThat(cpuAndVector(boot.requestOrder())).containsExactly(
                "host irq 24 (dmar0 fault event) CPU 0 0x21",
                "host irq 0 (ioapic0 pin 2) CPU 0 0x30",
                "host irq 9 (ioapic0 pin 9) CPU 1 0x21",
                "host irq 12 (ioapic0 pin 12) CPU 2 0x21",
                "host irq 1 (ioapic0 pin 1) CPU 3 0x21",
                "host irq 8 (ioapic0 pin 8) CPU 1 0x22",
                "host irq 4 (ioapic0 pin 4) CPU 2 0x22").inOrder();
        // the list of boot interrupts keeps unit order, then pin order
        assertThat(boot.interrupts().stream().map(Interrupt::virq).toList())
                .containsExactly(24, 1, 0, 4, 8, 9, 12).inOrder();
    }

    /**
     * 6.12: only the timer (0x30 on CPU 0) holds a vector when every CPU comes online. The SCI goes to CPU 1
     * (0x20), then the fault event, requested when DMA remapping starts, to CPU 2 (0x20: physical, APIC ID 2,
     * 0xfee02000), pin 12 to CPU 3, pin 1 to CPU 0 (all tied at one vector each: 0x20), 8 to CPU 1 and 4 to
     * CPU 2 (0x21). The fault event's irq is still 24: the pins' irqs are their own.
     */
    @Test
    void linux612RequestsTheFaultEventAfterTheSciWithEveryCpuOnline() {
        HostBoot boot = booted(q35(KernelProfile.LINUX_6_12, Optional.of(IOAPIC), "dmar0")).hostBoot();
        assertThat(cpuAndVector(boot.requestOrder())).containsExactly(
                "host irq 0 (ioapic0 pin 2) CPU 0 0x30",
                "host irq 9 (ioapic0 pin 9) CPU 1 0x20",
                "host irq 24 (dmar0 fault event) CPU 2 0x20",
                "host irq 12 (ioapic0 pin 12) CPU 3 0x20",
                "host irq 1 (ioapic0 pin 1) CPU 0 0x20",
                "host irq 8 (ioapic0 pin 8) CPU 1 0x21",
                "host irq 4 (ioapic0 pin 4) CPU 2 0x21").inOrder();
        assertThat(boot.interrupts().get(0).composed()).isEqualTo(new Message(0xfee02000L, 0x20));
    }

    /** 6.6 still requests the fault events first, on CPU 0: 0x20, its first device vector. */
    @Test
    void linux66StillRequestsTheFaultEventsOnCpu0() {
        HostBoot boot = booted(q35(KernelProfile.LINUX_6_6, Optional.of(IOAPIC), "dmar0", "dmar1")).hostBoot();
        assertThat(cpuAndVector(boot.requestOrder().subList(0, 3))).containsExactly(
                "host irq 24 (dmar0 fault event) CPU 0 0x20",
                "host irq 25 (dmar1 fault event) CPU 0 0x21",
                "host irq 0 (ioapic0 pin 2) CPU 0 0x30").inOrder();
    }
}
