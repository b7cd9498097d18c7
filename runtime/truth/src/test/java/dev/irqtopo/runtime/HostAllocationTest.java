package dev.irqtopo.runtime;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.model.StorageKind.IMS_DEVICE;
import static dev.irqtopo.model.StorageKind.MSI;
import static dev.irqtopo.model.StorageKind.MSIX;
import static dev.irqtopo.testing.PlatformBuilder.amdViUnit;
import static dev.irqtopo.testing.PlatformBuilder.device;
import static dev.irqtopo.testing.PlatformBuilder.imsDevice;
import static dev.irqtopo.testing.PlatformBuilder.msi;
import static dev.irqtopo.testing.PlatformBuilder.msix;
import static dev.irqtopo.testing.PlatformBuilder.platform;
import static dev.irqtopo.testing.PlatformBuilder.remapStack;
import static dev.irqtopo.testing.PlatformBuilder.stack;
import static dev.irqtopo.testing.PlatformBuilder.vtdUnit;
import static dev.irqtopo.testing.PlatformBuilder.withEntries;
import static dev.irqtopo.testing.PlatformBuilder.withSourceCheck;
import static dev.irqtopo.truth.IrqtopoTruth.assertThat;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.model.SourceCheck;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.remap.AmdViRemapEntry;
import dev.irqtopo.runtime.remap.SourceValidation;
import dev.irqtopo.runtime.remap.VtdRemapEntry;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Host stacks: the vector domain's choice, remap entries, composition, and every way they run out. */
class HostAllocationTest {

    private static Stack hostStack(Platform platform, String device, BusDomainKind busDomain) {
        return platform.host().stack(device, busDomain).orElseThrow();
    }

    @Test
    void withoutRemapCpusWhoseApicIdACompatibilityMessageCannotCarryAreLeftOut() {
        // x2APIC IDs 0x100 and 0x101 do not fit address bits 19:12
        Platform platform = Platform.create(platform("Wide")
                .apicIds(ApicMode.X2APIC, 0x100, 0x101, 5)
                .bus("pci0", device("nic", "03:00.0", msix(8)))
                .host(stack("nic", MSIX, 3))
                .build());

        StackResult result = platform.boot().get(0);

        assertThat(result.allocation()).succeededWith(3);
        for (AllocatedInterrupt irq : result.allocation().interrupts()) {
            assertThat(irq.cpu()).isEqualTo(2);
            assertThat(irq.composed()).hasDestination(5);
        }
    }

    @Test
    void withRemapEveryCpuIsChosenAndTheEntryCarriesTheFullX2apicId() {
        Platform platform = Platform.create(platform("Wide")
                .apicIds(ApicMode.X2APIC, 0x100, 0x101, 5)
                .vtd("dmar0")
                .bus("pci0", device("nic", "03:00.0", msix(8)))
                .host(remapStack("nic", MSIX, "dmar0", 1))
                .build());

        AllocatedInterrupt irq = platform.boot().get(0).allocation().interrupts().get(0);

        assertThat(irq.cpu()).isEqualTo(0);
        VtdRemapEntry entry = platform.hardware().vtdEntry("dmar0", 0).orElseThrow();
        assertThat(entry.destination()).isEqualTo(0x100);
        assertThat(platform.hardware().fire("nic", BusDomainKind.MSIX, 0)).isDeliveredTo("host", 0, 0x21, 24);
    }

    @Test
    void noCpuACompatibilityMessageCanReachIsEnospc() {
        Platform platform = Platform.create(platform("TooWide")
                .apicIds(ApicMode.X2APIC, 0x100, 0x101)
                .bus("pci0", device("nic", "03:00.0", msix(8)))
                .host(stack("nic", MSIX, 1))
                .build());

        assertThat(platform.boot().get(0).allocation()).failedWith(Errno.ENOSPC);
    }

    @Test
    void runningOutOfVectorsIsEnospcAndUndoesTheWholeRequest() {
        Platform platform = Platform.create(platform("OneCpu")
                .cpus(1)
                .bus("pci0", device("nic", "03:00.0", msix(2048)), device("ssd", "03:00.1", msix(8)))
                .host(stack("nic", MSIX, 200), stack("ssd", MSIX, 1))
                .build());
        platform.boot();
        PlatformSnapshot before = platform.snapshot();

        Allocation three = hostStack(platform, "nic", BusDomainKind.MSIX).allocate(3);

        assertThat(three).failedWith(Errno.ENOSPC);
        assertThat(platform.snapshot()).isEqualTo(before);
        assertThat(hostStack(platform, "nic", BusDomainKind.MSIX).allocate(1)).succeededWith(1);
    }

    @Test
    void vtdTableExhaustionIsEnomemAndFreesTheVectorsAlreadyTaken() {
        Platform platform = Platform.create(platform("SmallTable")
                .cpus(2, ApicMode.X2APIC)
                .iommu(withEntries(vtdUnit("dmar0"), 4))
                .bus("pci0", device("nic", "03:00.0", msix(8)))
                .host(remapStack("nic", MSIX, "dmar0", 5))
                .build());
        PlatformSnapshot before = platform.snapshot();

        assertThat(platform.boot().get(0).allocation()).failedWith(Errno.ENOMEM);
        assertThat(platform.snapshot()).isEqualTo(before);
        assertThat(hostStack(platform, "nic", BusDomainKind.MSIX).allocate(4)).succeededWith(4);
    }

    @Test
    void amdViTableExhaustionIsEnospcPerRequesterId() {
        Platform platform = Platform.create(platform("SmallTables")
                .cpus(2, ApicMode.X2APIC)
                .iommu(amdViUnit("ivhd0", 2))
                .bus("pci0", device("nic", "03:00.0", msix(8)), device("ssd", "03:00.1", msix(8)))
                .host(remapStack("nic", MSIX, "ivhd0", 3), remapStack("ssd", MSIX, "ivhd0", 2))
                .build());

        var results = platform.boot();

        assertThat(results.get(0).allocation()).failedWith(Errno.ENOSPC);
        assertThat(results.get(1).allocation()).succeededWith(2);
        assertThat(platform.hardware().amdViEntry("ivhd0", RequesterId.parse("03:00.1"), 1))
                .hasValue(AmdViRemapEntry.enabled(0x21, 1));
        assertThat(platform.hardware().amdViEntry("ivhd0", RequesterId.parse("03:00.0"), 0)).isEmpty();
    }

    @Test
    void amdViTablesOf2048EntriesMarkTheirMessagesWithAddressBit2() {
        Platform platform = Platform.create(platform("TwoK")
                .cpus(1, ApicMode.X2APIC)
                .iommu(amdViUnit("ivhd0", 2048))
                .bus("pci0", device("nic", "03:00.0", msix(8)))
                .host(remapStack("nic", MSIX, "ivhd0", 2))
                .build());

        Allocation allocation = platform.boot().get(0).allocation();

        assertThat(allocation.interrupts().get(1).composed()).isEqualTo(Message.of(0xFEE0_0004L, 1));
        assertThat(platform.hardware().fire("nic", BusDomainKind.MSIX, 1)).isDeliveredTo("host", 0, 0x22, 25);
    }

    @Test
    void multiMessageMsiWithoutRemapIsEnospc() {
        Platform platform = Platform.create(platform("NoMultiMsi")
                .cpus(2)
                .bus("pci0", device("ahci", "00:1f.2", msi(4)))
                .host(stack("ahci", MSI, 4))
                .build());

        assertThat(platform.boot().get(0).allocation()).failedWith(Errno.ENOSPC);
        assertThat(hostStack(platform, "ahci", BusDomainKind.MSI).allocate(1)).succeededWith(1);
    }

    @Test
    void multiMessageMsiTakesEveryVectorThenOneAlignedEntryBlockAndStoresOneMessage() {
        Platform platform = Platform.create(platform("MultiMsi")
                .cpus(2, ApicMode.X2APIC)
                .vtd("dmar0")
                .bus("pci0", device("nic", "03:00.0", msix(8)), device("ahci", "00:1f.2", msi(8)))
                .host(remapStack("nic", MSIX, "dmar0", 1), remapStack("ahci", MSI, "dmar0", 8))
                .build());

        Allocation msiBlock = platform.boot().get(1).allocation();

        assertThat(msiBlock).succeededWith(8);
        // entry 0 is nic's: a block of 8 starts at 8; message i carries sub-handle i
        for (AllocatedInterrupt irq : msiBlock.interrupts()) {
            assertThat(irq.remapIndex()).isEqualTo(OptionalInt.of(8 + irq.slot()));
            assertThat(irq.composed()).hasHandle(8);
            assertThat(irq.composed()).hasSubHandle(irq.slot());
            assertThat(platform.hardware().read("ahci", BusDomainKind.MSI, irq.slot())).hasValue(irq.composed());
        }
        assertThat(msiBlock.interrupts().get(7).composed()).isEqualTo(Message.of(0xFEE0_0118L, 7));
        // nic took CPU 0 vector 0x21, so the block alternates from CPU 1: slot 5 is CPU 0's third, 0x24
        assertThat(platform.hardware().fire("ahci", BusDomainKind.MSI, 5)).isDeliveredTo("host", 0, 0x24, 30);
    }

    @Test
    void imsSlotsAndMsixEntriesGoToTheLowestFreeSlot() {
        Platform platform = Platform.create(platform("Ims")
                .cpus(2)
                .bus("pci0", device("dsa", "00:04.0", imsDevice(8)))
                .host(stack("dsa", IMS_DEVICE, 3))
                .build());
        platform.boot();
        Stack ims = hostStack(platform, "dsa", BusDomainKind.IMS);

        assertThat(ims.free(25)).isEmpty();
        Allocation again = ims.allocate(2);

        assertThat(again.interrupts().get(0).slot()).isEqualTo(1);
        assertThat(again.interrupts().get(0).virq()).isEqualTo(25);
        assertThat(again.interrupts().get(1).slot()).isEqualTo(3);
        assertThat(ims.interrupts()).hasSize(4);
    }

    @Test
    void xapicEntriesCarryTheApicIdInBits15To8OfTheDestinationField() {
        Platform platform = Platform.create(platform("XapicRemap")
                .apicIds(ApicMode.XAPIC, 4, 6)
                .iommu(withSourceCheck(vtdUnit("dmar0"), SourceCheck.BUS))
                .bus("pci0", device("nic", "03:00.0", msix(8)))
                .host(remapStack("nic", MSIX, "dmar0", 2))
                .build());
        platform.boot();

        VtdRemapEntry second = platform.hardware().vtdEntry("dmar0", 1).orElseThrow();

        assertThat(second.destination()).isEqualTo(6 << 8);
        assertThat(second.vector()).isEqualTo(0x21);
        assertThat(second.svt()).isEqualTo(SourceValidation.BUS_RANGE);
        assertThat(second.sid()).isEqualTo(0x0303);
        assertThat(platform.hardware().fire("nic", BusDomainKind.MSIX, 1)).isDeliveredTo("host", 1, 0x21, 25);
    }

    @Test
    void compatibilityCompositionUsesTheApicIdNotTheCpuNumber() {
        PlatformModel model = platform("ApicIds")
                .apicIds(ApicMode.XAPIC, 0x10, 0x20)
                .bus("pci0", device("nic", "03:00.0", msix(8)))
                .host(stack("nic", MSIX, 2))
                .build();
        Platform platform = Platform.create(model);

        Allocation allocation = platform.boot().get(0).allocation();

        assertThat(allocation.interrupts().get(1).cpu()).isEqualTo(1);
        assertThat(allocation.interrupts().get(1).composed()).isEqualTo(Message.of(0xFEE2_0000L, 0x21));
        assertThat(platform.hardware().fire("nic", BusDomainKind.MSIX, 1)).isDeliveredTo("host", 1, 0x21, 25);
    }
}
