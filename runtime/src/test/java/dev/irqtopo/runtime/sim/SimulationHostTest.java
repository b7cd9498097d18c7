package dev.irqtopo.runtime.sim;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.model.StorageKind.MSI;
import static dev.irqtopo.model.StorageKind.MSIX;
import static dev.irqtopo.testing.PlatformBuilder.device;
import static dev.irqtopo.testing.PlatformBuilder.hypervisorWith;
import static dev.irqtopo.testing.PlatformBuilder.msix;
import static dev.irqtopo.testing.PlatformBuilder.platform;
import static dev.irqtopo.testing.PlatformBuilder.remapStack;
import static dev.irqtopo.testing.PlatformBuilder.stack;
import static dev.irqtopo.testing.PlatformBuilder.vtdUnit;
import static dev.irqtopo.testing.PlatformBuilder.withEntries;
import static dev.irqtopo.testing.PlatformBuilder.withPosted;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.runtime.DeviceStorage;
import dev.irqtopo.runtime.Platform;
import dev.irqtopo.runtime.Stack;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * What {@code simulate} adds to each interrupt beyond the kernel's view: the host interrupt behind it
 * (host CPU, its APIC ID, host vector), whether its entry posts, and why a slot sent nothing.
 */
class SimulationHostTest {

    /**
     * CPUs 0 and 1 with APIC IDs 0 and 2; the host's nic has entry 0 of dmar0, the guest's vf a trapped
     * MSI-X table.
     */
    private static PlatformModel trapped(IommuModel dmar0) {
        return platform("Trapped")
                .apicIds(ApicMode.XAPIC, 0, 2)
                .iommu(dmar0)
                .hypervisor(hypervisorWith(true, false, false, MSI, MSIX))
                .bus("pci0", device("nic", "03:00.0", msix(4)), device("vf", "03:00.1", msix(4)))
                .host(remapStack("nic", MSIX, "dmar0", 1))
                .guest("vm0", 2, List.of("vf"), stack("vf", MSIX, 1))
                .build();
    }

    private static InterruptReport first(SimulationReport report, int stack) {
        return report.stacks().get(stack).interrupts().get(0);
    }

    @Test
    void aHostInterruptIsItsOwnHostSideAndAGuestOnesIsTheOneTheHostAllocatedForIt() {
        SimulationReport report = Simulation.run(trapped(vtdUnit("dmar0")));

        InterruptReport nic = first(report, 0);
        assertThat(nic.host()).hasValue(new HostInterrupt(24, 0, 0x00, 0x21, false));
        assertThat(nic.notSentReason()).isEmpty();

        // the host took CPU 1 (APIC ID 2), the one with more free vectors, and entry 1 for vm0's vCPU 0
        InterruptReport vf = first(report, 1);
        assertThat(vf.cpu()).isEqualTo(0);
        assertThat(vf.remapIndex()).isEqualTo(OptionalInt.of(1));
        assertThat(vf.host()).hasValue(new HostInterrupt(25, 1, 0x02, 0x21, false));
    }

    @Test
    void aPostedEntryKeepsItsHostVectorAndSaysItPosts() {
        InterruptReport vf = first(Simulation.run(trapped(withPosted(vtdUnit("dmar0")))), 1);
        assertThat(vf.host()).hasValue(new HostInterrupt(25, 1, 0x02, 0x21, true));
        assertThat(vf.delivery().outcome()).isEqualTo("delivered");
    }

    @Test
    void aTrappedStoreTheHostCannotServeIsDroppedAndSaysSo() {
        // one entry only, which the host's nic takes: the host's allocation for vf fails
        InterruptReport vf = first(Simulation.run(trapped(withEntries(vtdUnit("dmar0"), 1))), 1);
        assertThat(vf.delivery().outcome()).isEqualTo("not_sent");
        assertThat(vf.notSentReason()).hasValue(NotSentReason.TRAPPED_STORE_DROPPED);
        assertThat(vf.host()).isEmpty();
        assertThat(vf.stored()).isEmpty();
    }

    @Test
    void aGuestStoreThatReachesTheDeviceUntranslatedHasNoHostSide() {
        PlatformModel model = platform("Untrapped")
                .cpus(2, ApicMode.XAPIC)
                .hypervisor(hypervisorWith(true, false, false))
                .bus("pci0", device("vf", "03:00.1", msix(4)))
                .guest("vm0", 2, List.of("vf"), stack("vf", MSIX, 1))
                .build();
        InterruptReport vf = first(Simulation.run(model), 0);
        assertThat(vf.host()).isEmpty();
        assertThat(vf.notSentReason()).isEmpty();
        assertThat(vf.delivery().outcome()).isEqualTo("spurious");
    }

    @Test
    void aSlotNeverWrittenSaysSo() {
        Platform platform = Platform.create(trapped(vtdUnit("dmar0")));
        platform.boot();
        Stack nic = platform.host().stack("nic", BusDomainKind.MSIX).orElseThrow();
        DeviceStorage storage = platform.hardware().storage("nic", BusDomainKind.MSIX);

        assertThat(Simulation.notSent(nic, storage, 3, false)).isEqualTo(NotSentReason.NEVER_WRITTEN);
        assertThat(nic.hostInterrupt(3)).isEqualTo(Optional.empty());
    }
}
