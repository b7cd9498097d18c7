package dev.irqtopo.runtime.scenarios;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.model.StorageKind.IMS_DEVICE;
import static dev.irqtopo.model.StorageKind.IMS_QUEUE;
import static dev.irqtopo.model.StorageKind.MSI;
import static dev.irqtopo.model.StorageKind.MSIX;
import static dev.irqtopo.testing.PlatformBuilder.amdViUnit;
import static dev.irqtopo.testing.PlatformBuilder.device;
import static dev.irqtopo.testing.PlatformBuilder.hcallStack;
import static dev.irqtopo.testing.PlatformBuilder.hypervisorWith;
import static dev.irqtopo.testing.PlatformBuilder.imsDevice;
import static dev.irqtopo.testing.PlatformBuilder.imsQueue;
import static dev.irqtopo.testing.PlatformBuilder.msi;
import static dev.irqtopo.testing.PlatformBuilder.msix;
import static dev.irqtopo.testing.PlatformBuilder.platform;
import static dev.irqtopo.testing.PlatformBuilder.remapStack;
import static dev.irqtopo.testing.PlatformBuilder.stack;
import static dev.irqtopo.testing.PlatformBuilder.subDevice;
import static dev.irqtopo.testing.PlatformBuilder.vtdUnit;
import static dev.irqtopo.testing.PlatformBuilder.withPosted;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.runtime.isolation.IsolationReport;
import dev.irqtopo.runtime.isolation.Verification;
import dev.irqtopo.runtime.sim.Simulation;
import dev.irqtopo.testing.PlatformBuilder.DeviceSpec;
import dev.irqtopo.testing.Render;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The conformance scenarios of the shared suite, each platform written here by hand from its
 * {@code .irqtopo} file, checked against the numbers of its {@code .expect.json}: every stack,
 * interrupt and delivery of {@code simulate}, and the verdict and findings of {@code verify}.
 */
class ConformanceScenariosTest {

    private static void assertSimulates(PlatformModel model, String... expected) {
        assertThat(Render.lines(Simulation.run(model))).containsExactlyElementsIn(expected).inOrder();
    }

    private static void assertIsolated(PlatformModel model) {
        IsolationReport report = Verification.run(model);
        assertThat(report.platform()).isEqualTo(model.name());
        assertThat(Render.lines(report)).isEmpty();
        assertThat(report.isolated()).isTrue();
    }

    private static void assertBreaches(PlatformModel model, String... expected) {
        IsolationReport report = Verification.run(model);
        assertThat(Render.lines(report)).containsExactlyElementsIn(expected).inOrder();
        assertThat(report.isolated()).isFalse();
    }

    @Test
    void bareMetal() {
        PlatformModel model = platform("BareMetal")
                .cpus(4)
                .bus("pci0", device("nvme", "01:00.0", msix(16)), device("dsa", "00:04.0", imsDevice(8)))
                .host(stack("nvme", MSIX, 4), stack("dsa", IMS_DEVICE, 2))
                .build();

        assertSimulates(model,
                "host nvme.msix [vector, msix] created=true errno=null",
                "  slot 0 virq 24 cpu 0 vector 33 remap null composed 0x00000000fee00000/0x00000021 stored 0x00000000fee00000/0x00000021 delivered host cpu 0 vector 33 virq 24",
                "  slot 1 virq 25 cpu 1 vector 33 remap null composed 0x00000000fee01000/0x00000021 stored 0x00000000fee01000/0x00000021 delivered host cpu 1 vector 33 virq 25",
                "  slot 2 virq 26 cpu 2 vector 33 remap null composed 0x00000000fee02000/0x00000021 stored 0x00000000fee02000/0x00000021 delivered host cpu 2 vector 33 virq 26",
                "  slot 3 virq 27 cpu 3 vector 33 remap null composed 0x00000000fee03000/0x00000021 stored 0x00000000fee03000/0x00000021 delivered host cpu 3 vector 33 virq 27",
                "host dsa.ims [vector, ims] created=true errno=null",
                "  slot 0 virq 28 cpu 0 vector 34 remap null composed 0x00000000fee00000/0x00000022 stored 0x00000000fee00000/0x00000022 delivered host cpu 0 vector 34 virq 28",
                "  slot 1 virq 29 cpu 1 vector 34 remap null composed 0x00000000fee01000/0x00000022 stored 0x00000000fee01000/0x00000022 delivered host cpu 1 vector 34 virq 29");
        assertIsolated(model);
    }

    @Test
    void iommuRemapping() {
        PlatformModel model = platform("WithRemapping")
                .cpus(2, ApicMode.X2APIC)
                .vtd("dmar0")
                .bus("pci0", device("nic", "03:00.0", msix(8)), device("ahci", "00:1f.2", msi(4)))
                .host(remapStack("nic", MSIX, "dmar0", 2), remapStack("ahci", MSI, "dmar0", 4))
                .build();

        assertSimulates(model,
                "host nic.msix [vector, remap dmar0, msix] created=true errno=null",
                "  slot 0 virq 24 cpu 0 vector 33 remap 0 composed 0x00000000fee00018/0x00000000 stored 0x00000000fee00018/0x00000000 delivered host cpu 0 vector 33 virq 24",
                "  slot 1 virq 25 cpu 1 vector 33 remap 1 composed 0x00000000fee00038/0x00000000 stored 0x00000000fee00038/0x00000000 delivered host cpu 1 vector 33 virq 25",
                "host ahci.msi [vector, remap dmar0, msi] created=true errno=null",
                "  slot 0 virq 26 cpu 0 vector 34 remap 4 composed 0x00000000fee00098/0x00000000 stored 0x00000000fee00098/0x00000000 delivered host cpu 0 vector 34 virq 26",
                "  slot 1 virq 27 cpu 1 vector 34 remap 5 composed 0x00000000fee00098/0x00000001 stored 0x00000000fee00098/0x00000001 delivered host cpu 1 vector 34 virq 27",
                "  slot 2 virq 28 cpu 0 vector 35 remap 6 composed 0x00000000fee00098/0x00000002 stored 0x00000000fee00098/0x00000002 delivered host cpu 0 vector 35 virq 28",
                "  slot 3 virq 29 cpu 1 vector 35 remap 7 composed 0x00000000fee00098/0x00000003 stored 0x00000000fee00098/0x00000003 delivered host cpu 1 vector 35 virq 29");
        assertIsolated(model);
    }

    @Test
    void guestTrapped() {
        PlatformModel model = platform("GuestTrapped")
                .cpus(4)
                .vtd("dmar0")
                .hypervisor(hypervisorWith(true, false, false, MSI, MSIX, IMS_DEVICE))
                .bus("pci0", device("vf", "03:00.1", msix(4)), device("dsa", "00:04.0", imsDevice(8)))
                .guest("vm0", 2, List.of("vf", "dsa"), stack("vf", MSIX, 2), stack("dsa", IMS_DEVICE, 1))
                .build();

        assertSimulates(model,
                "vm0 vf.msix [vector, msix] created=true errno=null",
                "  slot 0 virq 24 cpu 0 vector 33 remap 0 composed 0x00000000fee00000/0x00000021 stored 0x00000000fee00018/0x00000000 delivered vm0 cpu 0 vector 33 virq 24",
                "  slot 1 virq 25 cpu 1 vector 33 remap 1 composed 0x00000000fee01000/0x00000021 stored 0x00000000fee00038/0x00000000 delivered vm0 cpu 1 vector 33 virq 25",
                "vm0 dsa.ims [vector, ims] created=true errno=null",
                "  slot 0 virq 26 cpu 0 vector 34 remap 2 composed 0x00000000fee00000/0x00000022 stored 0x00000000fee00058/0x00000000 delivered vm0 cpu 0 vector 34 virq 26");
        assertIsolated(model);
    }

    @Test
    void hypercallForMsix() {
        PlatformModel model = platform("HypercallForMsix")
                .cpus(2, ApicMode.X2APIC)
                .vtd("dmar0")
                .hypervisor(hypervisorWith(true, true, false, MSI))
                .bus("pci0", device("nic", "00:02.0", msix(8)), device("ssd", "00:03.0", msix(4)))
                .host(remapStack("ssd", MSIX, "dmar0", 1))
                .guest("vm0", 2, List.of("nic"), hcallStack("nic", MSIX, 2))
                .build();

        assertSimulates(model,
                "host ssd.msix [vector, remap dmar0, msix] created=true errno=null",
                "  slot 0 virq 24 cpu 0 vector 33 remap 0 composed 0x00000000fee00018/0x00000000 stored 0x00000000fee00018/0x00000000 delivered host cpu 0 vector 33 virq 24",
                "vm0 nic.msix [vector, hcall, msix] created=true errno=null",
                "  slot 0 virq 24 cpu 0 vector 33 remap 1 composed 0x00000000fee00038/0x00000000 stored 0x00000000fee00038/0x00000000 delivered vm0 cpu 0 vector 33 virq 24",
                "  slot 1 virq 25 cpu 1 vector 33 remap 2 composed 0x00000000fee00058/0x00000000 stored 0x00000000fee00058/0x00000000 delivered vm0 cpu 1 vector 33 virq 25");
        assertIsolated(model);
    }

    @Test
    void imsQueueHypercall() {
        PlatformModel model = platform("ImsQueueHypercall")
                .cpus(4, ApicMode.X2APIC)
                .vtd("dmar0")
                .hypervisor(hypervisorWith(true, true, false, MSI, MSIX))
                .bus("pci0", device("pf", "03:00.0", msix(8)), device("vf1", "03:00.1", imsQueue(64)),
                        device("vf2", "03:00.2", imsQueue(64)))
                .host(remapStack("pf", MSIX, "dmar0", 1))
                .guest("vm0", 2, List.of("vf1"), hcallStack("vf1", IMS_QUEUE, 2))
                .guest("vm1", 2, List.of("vf2"), hcallStack("vf2", IMS_QUEUE, 2))
                .build();

        assertSimulates(model,
                "host pf.msix [vector, remap dmar0, msix] created=true errno=null",
                "  slot 0 virq 24 cpu 0 vector 33 remap 0 composed 0x00000000fee00018/0x00000000 stored 0x00000000fee00018/0x00000000 delivered host cpu 0 vector 33 virq 24",
                "vm0 vf1.ims [vector, hcall, ims] created=true errno=null",
                "  slot 0 virq 24 cpu 0 vector 33 remap 1 composed 0x00000000fee00038/0x00000000 stored 0x00000000fee00038/0x00000000 delivered vm0 cpu 0 vector 33 virq 24",
                "  slot 1 virq 25 cpu 1 vector 33 remap 2 composed 0x00000000fee00058/0x00000000 stored 0x00000000fee00058/0x00000000 delivered vm0 cpu 1 vector 33 virq 25",
                "vm1 vf2.ims [vector, hcall, ims] created=true errno=null",
                "  slot 0 virq 24 cpu 0 vector 33 remap 3 composed 0x00000000fee00078/0x00000000 stored 0x00000000fee00078/0x00000000 delivered vm1 cpu 0 vector 33 virq 24",
                "  slot 1 virq 25 cpu 1 vector 33 remap 4 composed 0x00000000fee00098/0x00000000 stored 0x00000000fee00098/0x00000000 delivered vm1 cpu 1 vector 33 virq 25");
        assertIsolated(model);
    }

    @Test
    void imsQueueNoHypercall() {
        PlatformModel model = platform("ImsQueueNoHypercall")
                .cpus(2, ApicMode.X2APIC)
                .vtd("dmar0")
                .hypervisor(hypervisorWith(true, true, false, MSI, MSIX))
                .bus("pci0", device("vf1", "03:00.1", imsQueue(64)))
                .guest("vm0", 2, List.of("vf1"), stack("vf1", IMS_QUEUE, 2))
                .build();

        assertSimulates(model, "vm0 vf1.ims [vector, ims] created=false errno=EOPNOTSUPP");
        assertIsolated(model);
    }

    @Test
    void posted() {
        PlatformModel model = platform("Posted")
                .cpus(2, ApicMode.X2APIC)
                .iommu(withPosted(vtdUnit("dmar0")))
                .kvm()
                .bus("pci0", device("vf", "03:00.1", msix(4)), device("nvme", "01:00.0", msix(2)))
                .host(remapStack("nvme", MSIX, "dmar0", 1))
                .guest("vm0", 2, List.of("vf"), stack("vf", MSIX, 2))
                .build();

        assertSimulates(model,
                "host nvme.msix [vector, remap dmar0, msix] created=true errno=null",
                "  slot 0 virq 24 cpu 0 vector 33 remap 0 composed 0x00000000fee00018/0x00000000 stored 0x00000000fee00018/0x00000000 delivered host cpu 0 vector 33 virq 24",
                "vm0 vf.msix [vector, msix] created=true errno=null",
                "  slot 0 virq 24 cpu 0 vector 33 remap 1 composed 0x00000000fee00000/0x00000021 stored 0x00000000fee00038/0x00000000 delivered vm0 cpu 0 vector 33 virq 24",
                "  slot 1 virq 25 cpu 1 vector 33 remap 2 composed 0x00000000fee01000/0x00000021 stored 0x00000000fee00058/0x00000000 delivered vm0 cpu 1 vector 33 virq 25");
        assertIsolated(model);
    }

    @Test
    void sharedRequesterId() {
        DeviceSpec dev = device("dev", "03:00.0", msix(4));
        PlatformModel model = platform("SharedRequesterId")
                .cpus(4, ApicMode.X2APIC)
                .vtd("dmar0")
                .hypervisor(hypervisorWith(true, true, false, MSI, MSIX))
                .bus("pci0", dev, subDevice("adi1", dev, 1, imsQueue(32)), subDevice("adi2", dev, 2, imsQueue(32)))
                .host(remapStack("dev", MSIX, "dmar0", 1))
                .guest("vm0", 1, List.of("adi1"), hcallStack("adi1", IMS_QUEUE, 1))
                .guest("vm1", 1, List.of("adi2"), hcallStack("adi2", IMS_QUEUE, 1))
                .build();

        assertSimulates(model,
                "host dev.msix [vector, remap dmar0, msix] created=true errno=null",
                "  slot 0 virq 24 cpu 0 vector 33 remap 0 composed 0x00000000fee00018/0x00000000 stored 0x00000000fee00018/0x00000000 delivered host cpu 0 vector 33 virq 24",
                "vm0 adi1.ims [vector, hcall, ims] created=true errno=null",
                "  slot 0 virq 24 cpu 0 vector 33 remap 1 composed 0x00000000fee00038/0x00000000 stored 0x00000000fee00038/0x00000000 delivered vm0 cpu 0 vector 33 virq 24",
                "vm1 adi2.ims [vector, hcall, ims] created=true errno=null",
                "  slot 0 virq 24 cpu 0 vector 33 remap 2 composed 0x00000000fee00058/0x00000000 stored 0x00000000fee00058/0x00000000 delivered vm1 cpu 0 vector 33 virq 24");
        assertBreaches(model,
                "vm0 adi1.ims victim host message 0x00000000fee00010/0x00000000 requester 03:00.0",
                "vm0 adi1.ims victim vm1 message 0x00000000fee00018/0x00000002 requester 03:00.0",
                "vm1 adi2.ims victim host message 0x00000000fee00010/0x00000000 requester 03:00.0",
                "vm1 adi2.ims victim vm0 message 0x00000000fee00018/0x00000001 requester 03:00.0");
    }

    @Test
    void amdViTables() {
        DeviceSpec dev = device("dev", "04:00.0", msix(4));
        PlatformModel model = platform("AmdViTables")
                .cpus(2, ApicMode.X2APIC)
                .iommu(amdViUnit("ivhd0", 512))
                .hypervisor(hypervisorWith(true, true, false, MSI, MSIX))
                .bus("pci0", device("vf1", "03:00.1", imsQueue(16)), dev, subDevice("adi1", dev, 1, imsQueue(16)))
                .host(remapStack("dev", MSIX, "ivhd0", 2))
                .guest("vm0", 1, List.of("vf1"), hcallStack("vf1", IMS_QUEUE, 2))
                .guest("vm1", 1, List.of("adi1"), hcallStack("adi1", IMS_QUEUE, 1))
                .build();

        assertSimulates(model,
                "host dev.msix [vector, remap ivhd0, msix] created=true errno=null",
                "  slot 0 virq 24 cpu 0 vector 33 remap 0 composed 0x00000000fee00000/0x00000000 stored 0x00000000fee00000/0x00000000 delivered host cpu 0 vector 33 virq 24",
                "  slot 1 virq 25 cpu 1 vector 33 remap 1 composed 0x00000000fee00000/0x00000001 stored 0x00000000fee00000/0x00000001 delivered host cpu 1 vector 33 virq 25",
                "vm0 vf1.ims [vector, hcall, ims] created=true errno=null",
                "  slot 0 virq 24 cpu 0 vector 33 remap 0 composed 0x00000000fee00000/0x00000000 stored 0x00000000fee00000/0x00000000 delivered vm0 cpu 0 vector 33 virq 24",
                "  slot 1 virq 25 cpu 0 vector 34 remap 1 composed 0x00000000fee00000/0x00000001 stored 0x00000000fee00000/0x00000001 delivered vm0 cpu 0 vector 34 virq 25",
                "vm1 adi1.ims [vector, hcall, ims] created=true errno=null",
                "  slot 0 virq 24 cpu 0 vector 33 remap 2 composed 0x00000000fee00000/0x00000002 stored 0x00000000fee00000/0x00000002 delivered vm1 cpu 0 vector 33 virq 24");
        assertBreaches(model,
                "vm1 adi1.ims victim host message 0x00000000fee00000/0x00000000 requester 04:00.0");
    }
}
