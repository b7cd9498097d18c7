package dev.irqtopo.runtime;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.irqtopo.model.StorageKind.IMS_QUEUE;
import static dev.irqtopo.model.StorageKind.MSIX;
import static dev.irqtopo.testing.PlatformBuilder.covering;
import static dev.irqtopo.testing.PlatformBuilder.device;
import static dev.irqtopo.testing.PlatformBuilder.hcallStack;
import static dev.irqtopo.testing.PlatformBuilder.hypervisorWith;
import static dev.irqtopo.testing.PlatformBuilder.imsQueue;
import static dev.irqtopo.testing.PlatformBuilder.msix;
import static dev.irqtopo.testing.PlatformBuilder.platform;
import static dev.irqtopo.testing.PlatformBuilder.remapStack;
import static dev.irqtopo.testing.PlatformBuilder.stack;
import static dev.irqtopo.testing.PlatformBuilder.vtdUnit;
import static dev.irqtopo.truth.IrqtopoTruth.assertThat;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.StackModel;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.runtime.isolation.IsolationAnalysis;
import dev.irqtopo.runtime.isolation.IsolationReport;
import dev.irqtopo.testing.Growth;
import dev.irqtopo.testing.PlatformBuilder;
import dev.irqtopo.testing.PlatformBuilder.DeviceSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Platforms of thousands of devices: creating one and analysing its isolation must cost time in
 * proportion to its size. Each lookup by name (a device's owner, the unit covering its bus, a kernel's
 * stack for a device, a guest's devices) once walked a list, which made both quadratic.
 */
class PlatformScaleTest {

    private static final int SMALL = 500;
    private static final int LARGE = 16_000;
    /** Linear growth gives about 1, quadratic about LARGE / SMALL = 32 (less the linear part's share). */
    private static final double BOUND = 4;

    /**
     * {@code devices} devices on buses of 100, a VT-d unit per bus, a guest per 10 devices: the host keeps
     * six of every ten (MSI-X through remapping), the guest gets four (IMS in queue memory by hypercall,
     * which it can write at will, so the analysis looks at each).
     */
    static PlatformModel platformOf(int devices) {
        PlatformBuilder platform = platform("Scale").cpus(256, ApicMode.X2APIC)
                .hypervisor(hypervisorWith(true, true, false, StorageKind.MSI, MSIX));
        List<StackModel> host = new ArrayList<>();
        for (int bus = 0; bus * 100 < devices; bus++) {
            platform.iommu(covering(vtdUnit("dmar" + bus), "pci" + bus));
            List<DeviceSpec> specs = new ArrayList<>();
            for (int d = bus * 100; d < Math.min(devices, bus * 100 + 100); d++) {
                int local = d % 100;
                String rid = String.format("%04x:01:%02x.%x", bus, local / 8, local % 8);
                specs.add(device("d" + d, rid, d % 10 < 6 ? msix(4) : imsQueue(4)));
                if (d % 10 < 6) {
                    host.add(remapStack("d" + d, MSIX, "dmar" + bus, 2));
                }
            }
            platform.bus("pci" + bus, specs.toArray(DeviceSpec[]::new));
        }
        platform.host(host.toArray(StackModel[]::new));
        for (int guest = 0; guest * 10 < devices; guest++) {
            List<String> assigned = new ArrayList<>();
            List<StackModel> stacks = new ArrayList<>();
            for (int d = guest * 10 + 6; d < Math.min(devices, guest * 10 + 10); d++) {
                assigned.add("d" + d);
                stacks.add(hcallStack("d" + d, IMS_QUEUE, 2));
            }
            platform.guest("vm" + guest, 2, assigned, stacks.toArray(StackModel[]::new));
        }
        return platform.build();
    }

    @Test
    void aLargePlatformIsBuiltAsDeclared() {
        PlatformModel model = platformOf(8_000);
        Platform created = Platform.create(model);
        assertThat(created.stacks()).hasSize(8_000);
        List<StackResult> booted = created.boot();
        assertThat(booted.stream().filter(r -> !r.allocation().succeeded()).count()).isEqualTo(0);
        // each stack where it belongs: the host's through its bus's unit, each guest's in that guest
        assertThat(created.host().stack("d7990", BusDomainKind.MSIX).orElseThrow().chain())
                .containsExactly("vector", "remap dmar79", "msix").inOrder();
        assertThat(created.host().stack("d7996", BusDomainKind.IMS)).isEmpty();
        assertThat(created.guest("vm799").orElseThrow().stack("d7996", BusDomainKind.IMS)).isPresent();
        assertThat(created.guest("vm799").orElseThrow().stack("d7986", BusDomainKind.IMS)).isEmpty();
        // vm799's eight interrupts alternate between its two vCPUs, vectors 0x21 to 0x24 on each
        assertThat(created.hardware().fire("d7999", BusDomainKind.IMS, 1)).isDeliveredTo("vm799", 1, 0x24);
        assertThat(IsolationAnalysis.analyze(created)).isIsolated();
    }

    @Test
    void creatingAPlatformGrowsLinearly() {
        double growth = Growth.againstLinear(SMALL, LARGE, devices -> {
            PlatformModel model = platformOf(devices);
            return () -> Platform.create(model);
        });
        assertWithMessage("time to create %s devices over %s, against linear", LARGE, SMALL).that(growth).isLessThan(BOUND);
    }

    @Test
    void theIsolationAnalysisGrowsLinearly() {
        double growth = Growth.againstLinear(SMALL, LARGE, devices -> {
            Platform booted = Platform.create(platformOf(devices));
            booted.boot();
            return () -> IsolationAnalysis.analyze(booted);
        });
        assertWithMessage("time to analyse %s devices over %s, against linear", LARGE, SMALL).that(growth).isLessThan(BOUND);
    }

    @Test
    void aKernelListsItsInterruptsByIrqNumberThroughFreesAndReuse() {
        Platform platform = Platform.create(platform("Reuse").cpus(4)
                .bus("pci0", device("a", "01:00.0", msix(64)), device("b", "01:00.1", msix(64)))
                .host(stack("a", MSIX, 40), stack("b", MSIX, 40))
                .build());
        platform.boot();
        Kernel host = platform.host();
        Stack a = host.stack("a", BusDomainKind.MSIX).orElseThrow();
        for (int virq = 30; virq < 64; virq += 3) {
            assertThat(a.free(virq)).isEmpty();
        }
        Allocation again = host.stack("b", BusDomainKind.MSIX).orElseThrow().allocate(5);
        // the lowest numbers freed come back first
        assertThat(again.interrupts().stream().map(AllocatedInterrupt::virq).toList())
                .containsExactly(30, 33, 36, 39, 42).inOrder();
        List<Integer> listed = host.interrupts().stream().map(AllocatedInterrupt::virq).toList();
        assertThat(listed).isInOrder();
        assertThat(listed).hasSize(80 - 12 + 5);
        assertThat(listed).containsNoneOf(45, 48, 51, 54, 57, 60, 63);
        assertThat(platform.host().interrupts().get(listed.size() - 1).virq()).isEqualTo(103);
    }

    @Test
    void findingsFollowTheDeclarationOrderOfDevicesWhateverTheAssignOrder() {
        PlatformModel model = platform("Order").cpus(2, ApicMode.X2APIC)
                .hypervisor(hypervisorWith(true, true, false, StorageKind.MSI, MSIX))
                .bus("pci0", device("a", "01:00.0", imsQueue(1)), device("b", "01:00.1", imsQueue(1)),
                        device("host", "01:00.2", msix(1)))
                .host(stack("host", MSIX, 1))
                .guest("vm0", 1, List.of("b", "a"))
                .build();
        Platform booted = Platform.create(model);
        booted.boot();
        IsolationReport report = IsolationAnalysis.analyze(booted);
        assertThat(report.findings().stream().map(f -> f.guest() + " " + f.device() + " " + f.victim()).toList())
                .containsExactly("vm0 a host", "vm0 b host").inOrder();
    }
}
