package dev.irqtopo.runtime;

import dev.irqtopo.runtime.bus.Storage;
import dev.irqtopo.runtime.message.Message;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.model.StorageKind.MSI;
import static dev.irqtopo.model.StorageKind.MSIX;
import static dev.irqtopo.testing.PlatformBuilder.covering;
import static dev.irqtopo.testing.PlatformBuilder.device;
import static dev.irqtopo.testing.PlatformBuilder.msi;
import static dev.irqtopo.testing.PlatformBuilder.msix;
import static dev.irqtopo.testing.PlatformBuilder.platform;
import static dev.irqtopo.testing.PlatformBuilder.remapStack;
import static dev.irqtopo.testing.PlatformBuilder.stack;
import static dev.irqtopo.testing.PlatformBuilder.vtdUnit;
import static dev.irqtopo.truth.IrqtopoTruth.assertThat;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.BusDomainKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a device's storage holds, as the snapshot shows it and as the device fires it: each slot's
 * message, mask and claimant, and MSI's one message register shared by a block of messages.
 */
class StorageStateTest {

    /** Two CPUs: nic (MSI-X 8, two allocated at boot), ahci (MSI 8 through VT-d, the one allocated at boot freed). */
    private static Platform booted() {
        Platform platform = Platform.create(platform("Storage")
                .cpus(2, ApicMode.X2APIC)
                .iommu(covering(vtdUnit("dmar0"), "pci1"))
                .bus("pci0", device("nic", "03:00.0", msix(8)))
                .bus("pci1", device("ahci", "00:1f.2", msi(8)))
                .host(stack("nic", MSIX, 2), remapStack("ahci", MSI, "dmar0", 1))
                .build());
        platform.boot();
        platform.host().stack("ahci", BusDomainKind.MSI).orElseThrow().free(26);
        return platform;
    }

    private static PlatformSnapshot.StorageState storage(Platform platform, String device) {
        return platform.snapshot().storages().stream().filter(s -> s.device().equals(device)).findFirst().orElseThrow();
    }

    @Test
    void theSnapshotListsEachSlotInUseWithItsMessageMaskAndClaimant() {
        Platform platform = booted();
        List<AllocatedInterrupt> irqs = platform.host().stack("nic", BusDomainKind.MSIX).orElseThrow().interrupts();
        assertThat(irqs).hasSize(2);

        PlatformSnapshot.StorageState nic = storage(platform, "nic");
        assertThat(nic.storage()).isEqualTo(BusDomainKind.MSIX);
        assertThat(nic.enabled()).isEqualTo(0);
        assertThat(nic.slots()).containsExactly(
                new PlatformSnapshot.SlotState(0, Optional.of(irqs.get(0).composed()), false, Optional.of("host irq 24")),
                new PlatformSnapshot.SlotState(1, Optional.of(irqs.get(1).composed()), false, Optional.of("host irq 25")))
                .inOrder();

        // a raw store fills and unmasks a slot no interrupt claims
        Message raw = Message.of(0x1000L, 7);
        assertThat(platform.host().write("nic", BusDomainKind.MSIX, 5, raw)).isEmpty();
        assertThat(storage(platform, "nic").slots()).contains(
                new PlatformSnapshot.SlotState(5, Optional.of(raw), false, Optional.empty()));
        // the ahci's freed MSI leaves nothing behind
        assertThat(platform.snapshot().storages().stream().map(PlatformSnapshot.StorageState::device).toList())
                .containsExactly("nic");
    }

    @Test
    void eachMessageOfAnMsiBlockCarriesItsNumberInDatasLowBits() {
        Platform platform = booted();
        Stack ahci = platform.host().stack("ahci", BusDomainKind.MSI).orElseThrow();
        Allocation block = ahci.allocate(4);
        assertThat(block).succeededWith(4);

        PlatformSnapshot.StorageState state = storage(platform, "ahci");
        assertThat(state.enabled()).isEqualTo(4);
        for (AllocatedInterrupt irq : block.interrupts()) {
            assertThat(platform.hardware().fire("ahci", BusDomainKind.MSI, irq.slot()))
                    .isDeliveredTo("host", irq.cpu(), irq.vector(), irq.virq());
        }
        // one remappable message for the block: message n selects entry (handle + n)
        assertThat(platform.hardware().read("ahci", BusDomainKind.MSI, 3).orElseThrow().data() & 3).isEqualTo(3);
        assertThat(platform.hardware().read("ahci", BusDomainKind.MSI, 1).orElseThrow().data() & 3).isEqualTo(1);
        // slots past the enabled block send nothing
        assertThat(platform.hardware().fire("ahci", BusDomainKind.MSI, 4)).isNotSent();
        assertThat(platform.hardware().read("ahci", BusDomainKind.MSI, 4)).isEmpty();
        assertThat(platform.hardware().read("ahci", BusDomainKind.MSI, 3)).isPresent();
    }
}
