package dev.irqtopo.runtime;

import dev.irqtopo.runtime.delivery.Trace;
import dev.irqtopo.runtime.message.Message;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.model.StorageKind.MSI;
import static dev.irqtopo.model.StorageKind.MSIX;
import static dev.irqtopo.testing.PlatformBuilder.amdViUnit;
import static dev.irqtopo.testing.PlatformBuilder.device;
import static dev.irqtopo.testing.PlatformBuilder.hypervisorWith;
import static dev.irqtopo.testing.PlatformBuilder.msix;
import static dev.irqtopo.testing.PlatformBuilder.platform;
import static dev.irqtopo.testing.PlatformBuilder.remapStack;
import static dev.irqtopo.testing.PlatformBuilder.stack;
import static dev.irqtopo.testing.PlatformBuilder.vtdUnit;
import static dev.irqtopo.testing.PlatformBuilder.withCompatAllowed;
import static dev.irqtopo.testing.PlatformBuilder.withEntries;
import static dev.irqtopo.truth.IrqtopoTruth.assertThat;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.RequesterId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Hardware#trace}: every way a message can end, each with the steps it takes in words, as
 * {@code verify} prints them under a finding.
 */
class TraceStepsTest {

    /** No IOMMU; CPUs 0 and 1 have APIC IDs 0 and 2; the host's nic has irq 24 at CPU 0 vector 0x21. */
    private static Platform bare() {
        Platform platform = Platform.create(platform("Bare")
                .apicIds(ApicMode.XAPIC, 0, 2)
                .bus("pci0", device("nic", "03:00.0", msix(8)))
                .host(stack("nic", MSIX, 1))
                .build());
        platform.boot();
        return platform;
    }

    /** VT-d with 256 entries: nic has entry 0, ssd entry 1. */
    private static Platform remapped(ApicMode apic, boolean compatAllowed) {
        var unit = withEntries(vtdUnit("dmar0"), 256);
        Platform platform = Platform.create(platform("Remapped")
                .cpus(2, apic)
                .iommu(compatAllowed ? withCompatAllowed(unit) : unit)
                .bus("pci0", device("nic", "03:00.0", msix(8)), device("ssd", "03:00.1", msix(8)))
                .host(remapStack("nic", MSIX, "dmar0", 1), remapStack("ssd", MSIX, "dmar0", 1))
                .build());
        platform.boot();
        return platform;
    }

    private static List<String> steps(Platform platform, String device, Message message) {
        return platform.hardware().trace(device, message).steps();
    }

    @Test
    void aWriteOutsideTheInterruptRangeIsAMemoryWrite() {
        Trace trace = bare().hardware().trace("nic", Message.of(0x1000L, 0));
        assertThat(trace.delivery()).isMemoryWrite();
        assertThat(trace.steps()).containsExactly(
                "0x0000000000001000 is outside the interrupt range 0xfee00000..0xfeefffff: a memory write");
    }

    @Test
    void withoutRemappingTheCpusDecodeTheCompatibilityFormat() {
        Platform platform = bare();
        assertThat(steps(platform, "nic", Message.compatibility(0, 0x21))).containsExactly(
                "no interrupt remapping: compatibility format",
                "destination APIC ID 0x00 (address bits 19:12), vector 0x21 (data bits 7:0), delivery mode fixed (data bits 10:8)",
                "delivered to host CPU 0 vector 0x21, owned by host irq 24 (nic msix slot 0)").inOrder();
        assertThat(steps(platform, "nic", Message.compatibility(0, 0x0F))).contains(
                "delivered to host CPU 0 vector 0x0f, an illegal vector: the APIC raises its error interrupt, the host's");
        assertThat(steps(platform, "nic", Message.compatibility(0, 0x10))).contains(
                "delivered to host CPU 0 vector 0x10, which no handler owns: spurious");
        assertThat(platform.hardware().emit("nic", Message.compatibility(0, 0x10))).isSpuriousOn(0, 0x10);
    }

    @Test
    void aDestinationNoCpuHasReachesNobodyInAnyMode() {
        Platform platform = bare();
        Trace fixed = platform.hardware().trace("nic", Message.compatibility(1, 0x21));
        assertThat(fixed.delivery()).reachesNoCpu();
        assertThat(fixed.steps()).contains("no host CPU has APIC ID 0x01: nobody receives it");
        Trace nmi = platform.hardware().trace("nic", Message.of(0xFEE0_1000L, 0x400));
        assertThat(nmi.delivery()).reachesNoCpu();
        assertThat(nmi.delivery()).hasDeliveryMode("nmi");
        assertThat(nmi.steps()).contains("destination APIC ID 0x01 (address bits 19:12), NMI, delivery mode nmi (data bits 10:8)");
    }

    @Test
    void aSpecialModeIsTakenByTheCpuItself() {
        Trace nmi = bare().hardware().trace("nic", Message.of(0xFEE0_2000L, 0x400));
        assertThat(nmi.delivery()).isSpecialOn(1, "nmi");
        assertThat(nmi.steps()).contains("host CPU 1 takes the NMI");
    }

    @Test
    void theBroadcastDestinationReachesEveryHostCpu() {
        Platform platform = bare();
        Trace smi = platform.hardware().trace("nic", Message.of(0xFEEF_F000L, 0x200));
        assertThat(smi.delivery()).isBroadcast();
        assertThat(smi.delivery()).hasDeliveryMode("smi");
        assertThat(smi.steps()).containsExactly(
                "no interrupt remapping: compatibility format",
                "destination APIC ID 0xff (broadcast) (address bits 19:12), SMI, delivery mode smi (data bits 10:8)",
                "every host CPU takes the SMI").inOrder();

        Trace lowest = platform.hardware().trace("nic", Message.of(0xFEEF_F000L, 0x100 | 0x21));
        assertThat(lowest.delivery()).isDeliveredTo("host", 0, 0x21, 24);
        assertThat(lowest.steps()).containsExactly(
                "no interrupt remapping: compatibility format",
                "destination APIC ID 0xff (broadcast) (address bits 19:12), vector 0x21 (data bits 7:0), delivery mode lowest priority (data bits 10:8)",
                "lowest priority to every CPU: the platform picks the lowest-numbered, host CPU 0",
                "delivered to host CPU 0 vector 0x21, owned by host irq 24 (nic msix slot 0)").inOrder();

        Trace fixed = platform.hardware().trace("nic", Message.of(0xFEEF_F000L, 0x30));
        assertThat(fixed.delivery()).isBroadcast(0x30);
        assertThat(fixed.steps()).contains("vector 0x30 on every host CPU, whose owners' handlers all run");
    }

    @Test
    void aTrappedGuestVectorIsInjectedByTheHostsForwardingHandler() {
        Platform platform = Platform.create(platform("Trapped")
                .cpus(2, ApicMode.XAPIC)
                .hypervisor(hypervisorWith(true, false, false, MSI, MSIX))
                .bus("pci0", device("vf", "03:00.1", msix(4)))
                .guest("vm0", 2, List.of("vf"), stack("vf", MSIX, 1))
                .build());
        platform.boot();
        Message stored = platform.hardware().read("vf", BusDomainKind.MSIX, 0).orElseThrow();
        Trace trace = platform.hardware().trace("vf", stored);
        assertThat(trace.delivery()).isDeliveredTo("vm0", 0, 0x21);
        assertThat(trace.steps().get(trace.steps().size() - 1))
                .containsMatch("^delivered to host CPU \\d vector 0x[0-9a-f]{2}: host irq \\d+ \\(.*\\) injects vm0 vCPU 0 "
                        + "vector 0x21, owned by vm0 irq 24 \\(vf msix slot 0\\)$");
    }

    @Test
    void vtdFaultsSayWhichCheckFailed() {
        Platform x2apic = remapped(ApicMode.X2APIC, false);
        assertThat(steps(x2apic, "nic", Message.compatibility(0, 0x21))).containsExactly(
                "dmar0: compatibility format in x2APIC mode (EIME = 1), always blocked: fault 0x25");
        assertThat(steps(x2apic, "nic", Message.of(Message.remappable(0, 0).address(), 0x1_0000))).containsExactly(
                "dmar0: sub-handle valid with data bits 31:16 set: fault 0x20");
        assertThat(steps(x2apic, "nic", Message.remappable(300, 0))).containsExactly(
                "dmar0: remappable, handle 300, sub-handle 0, index 300",
                "index 300 is beyond the table's 256 entries: fault 0x21").inOrder();
        assertThat(steps(x2apic, "nic", Message.remappableWithoutSubHandle(5, 7))).containsExactly(
                "dmar0: remappable, handle 5, index 5 (data ignored)",
                "entry 5 is not present: fault 0x22").inOrder();
        assertThat(steps(x2apic, "ssd", Message.remappable(0, 0))).containsExactly(
                "dmar0: remappable, handle 0, sub-handle 0, index 0",
                "entry 0: SVT 01 SID 03:00.0 does not match 03:00.1: fault 0x26").inOrder();

        assertThat(steps(remapped(ApicMode.XAPIC, false), "nic", Message.compatibility(0, 0x21))).containsExactly(
                "dmar0: compatibility format, blocked (CFI clear): fault 0x25");
        assertThat(steps(remapped(ApicMode.XAPIC, true), "nic", Message.compatibility(0, 0x21))).containsExactly(
                "dmar0: compatibility format, allowed (CFI set, xAPIC mode): passes untranslated",
                "destination APIC ID 0x00 (address bits 19:12), vector 0x21 (data bits 7:0), delivery mode fixed (data bits 10:8)",
                "delivered to host CPU 0 vector 0x21, owned by host irq 24 (nic msix slot 0)").inOrder();
    }

    /** AMD-Vi with {@code entries} entries per table: nic has entry 0 of its table. */
    private static Platform amdVi(int entries) {
        Platform platform = Platform.create(platform("AmdVi")
                .cpus(2, ApicMode.X2APIC)
                .iommu(amdViUnit("ivhd0", entries))
                .bus("pci0", device("nic", "03:00.0", msix(8)), device("ssd", "03:00.1", msix(8)))
                .host(remapStack("nic", MSIX, "ivhd0", 1))
                .build());
        platform.boot();
        return platform;
    }

    @Test
    void amdViFaultsSayWhichCheckFailed() {
        Platform typed = amdVi(512);
        Trace smi = typed.hardware().trace("nic", Message.of(0xFEE0_0000L, 0x200));
        assertThat(smi.delivery()).isFault("INVALID_DEVICE_REQUEST");
        assertThat(smi.steps()).containsExactly("ivhd0: message type 010 (data bits 10:8) is not remapped and its pass bit "
                + "is clear: INVALID_DEVICE_REQUEST");
        assertThat(steps(typed, "nic", Message.amdVi(0, false))).containsExactly(
                "ivhd0: table of 03:00.0, index 0 (data bits 10:0)",
                "entry 0: remap-enabled",
                "remapped to host CPU 0 vector 0x21, owned by host irq 24 (nic msix slot 0)").inOrder();
        assertThat(steps(typed, "nic", Message.amdVi(0x1FF, false))).containsExactly(
                "ivhd0: table of 03:00.0, index 511 (data bits 10:0)",
                "entry 511 is not remap-enabled: IO_PAGE_FAULT").inOrder();
        // a device without a table of its own
        assertThat(steps(typed, "ssd", Message.amdVi(0, false))).containsExactly(
                "ivhd0: table of 03:00.1, index 0 (data bits 10:0)",
                "entry 0 is not remap-enabled: IO_PAGE_FAULT").inOrder();

        // a table of more than 512 entries has no type field: data bits 10:0 are all index
        Platform untyped = amdVi(1024);
        assertThat(untyped.hardware().emit("nic", Message.of(0xFEE0_0000L, 0x200))).isFault("IO_PAGE_FAULT");
        assertThat(steps(untyped, "nic", Message.amdVi(0x400, true))).containsExactly(
                "ivhd0: table of 03:00.0, index 1024 (data bits 10:0)",
                "index 1024 is beyond the table's 1024 entries: IO_PAGE_FAULT").inOrder();
    }

    @Test
    void amdViEntriesAreLookedUpInsideTheDevicesTable() {
        Platform platform = amdVi(512);
        RequesterId nic = RequesterId.parse("03:00.0");
        assertThat(platform.hardware().amdViEntry("ivhd0", nic, 0)).isPresent();
        assertThat(platform.hardware().amdViEntry("ivhd0", nic, 1)).isEmpty();
        assertThat(platform.hardware().amdViEntry("ivhd0", nic, 511)).isEmpty();
        assertThat(platform.hardware().amdViEntry("ivhd0", nic, 512)).isEmpty();
        assertThat(platform.hardware().amdViEntry("ivhd0", nic, -1)).isEmpty();
        assertThat(platform.hardware().amdViEntry("ivhd0", RequesterId.parse("03:00.1"), 0)).isEmpty();
        assertThat(platform.hardware().vtdEntry("ivhd0", 0)).isEmpty();
    }

    @Test
    void vtdEntriesAreLookedUpInsideTheTable() {
        Platform platform = remapped(ApicMode.X2APIC, false);
        assertThat(platform.hardware().vtdEntry("dmar0", 1)).isPresent();
        assertThat(platform.hardware().vtdEntry("dmar0", 2)).isEmpty();
        assertThat(platform.hardware().vtdEntry("dmar0", 255)).isEmpty();
        assertThat(platform.hardware().vtdEntry("dmar0", 256)).isEmpty();
        assertThat(platform.hardware().vtdEntry("dmar0", -1)).isEmpty();
    }
}
