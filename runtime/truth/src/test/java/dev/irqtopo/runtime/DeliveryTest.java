package dev.irqtopo.runtime;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.model.StorageKind.MSIX;
import static dev.irqtopo.testing.PlatformBuilder.amdViUnit;
import static dev.irqtopo.testing.PlatformBuilder.device;
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
import dev.irqtopo.runtime.delivery.Delivery;
import dev.irqtopo.runtime.delivery.Trace;
import dev.irqtopo.runtime.message.DeliveryMode;
import dev.irqtopo.runtime.message.Message;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** What happens to a message a device emits: every outcome, every fault reason. */
class DeliveryTest {

    /** nic (03:00.0) and ssd (03:00.1) each with one remapped MSI-X interrupt: entries 0 and 1 of 256. */
    private static Platform remapped(boolean compatAllowed) {
        var unit = withEntries(vtdUnit("dmar0"), 256);
        // compatibility format can pass only in xAPIC mode: in x2APIC mode VT-d blocks it whatever CFI says
        Platform platform = Platform.create(platform("Remapped")
                .cpus(2, compatAllowed ? ApicMode.XAPIC : ApicMode.X2APIC)
                .iommu(compatAllowed ? withCompatAllowed(unit) : unit)
                .bus("pci0", device("nic", "03:00.0", msix(8)), device("ssd", "03:00.1", msix(8)))
                .host(remapStack("nic", MSIX, "dmar0", 1), remapStack("ssd", MSIX, "dmar0", 1))
                .build());
        platform.boot();
        return platform;
    }

    /** No IOMMU: the host composes compatibility format; CPUs 0 and 1 have APIC IDs 0 and 2. */
    private static Platform bare() {
        Platform platform = Platform.create(platform("Bare")
                .apicIds(ApicMode.XAPIC, 0, 2)
                .bus("pci0", device("nic", "03:00.0", msix(8)))
                .host(stack("nic", MSIX, 1))
                .build());
        platform.boot();
        return platform;
    }

    @Test
    void aRemappableMessageThroughAPresentMatchingEntryReachesItsOwner() {
        Hardware hw = remapped(false).hardware();

        assertThat(hw.fire("nic", BusDomainKind.MSIX, 0)).isDeliveredTo("host", 0, 0x21, 24);
        assertThat(hw.fire("ssd", BusDomainKind.MSIX, 0)).isDeliveredTo("host", 1, 0x21, 25);
        // the same entry selected by handle alone, data ignored
        assertThat(hw.emit("nic", Message.of(0xFEE0_0010L, 0xDEAD_BEEF))).isDeliveredTo("host", 0, 0x21, 24);
    }

    @Test
    void vtdFaultReasons() {
        Hardware hw = remapped(false).hardware();

        assertThat(hw.emit("nic", Message.of(0xFEE0_0018L, 0x0001_0000))).isFault("0x20");
        assertThat(hw.emit("nic", Message.remappable(300, 0))).isFault("0x21");
        assertThat(hw.emit("nic", Message.remappable(0, 5))).isFault("0x22");
        assertThat(hw.emit("nic", Message.compatibility(0, 0x21))).isFault("0x25");
        // entry 1 belongs to ssd: source validation refuses nic
        assertThat(hw.emit("nic", Message.remappable(1, 0))).isFault("0x26");
    }

    @Test
    void compatibilityFormatPassesWhenAllowedAndIsDecodedByTheCpus() {
        Hardware hw = remapped(true).hardware();

        assertThat(hw.emit("nic", Message.compatibility(1, 0x21))).isDeliveredTo("host", 1, 0x21, 25);
        assertThat(hw.emit("nic", Message.compatibility(1, 0x40))).isSpuriousOn(1, 0x40);
    }

    @Test
    void addressesOutsideTheInterruptRangeAreMemoryWrites() {
        Hardware hw = remapped(false).hardware();

        assertThat(hw.emit("nic", Message.of(0x1000L, 0x21))).isMemoryWrite();
        assertThat(hw.emit("nic", Message.of(0xFEF0_0000L, 0))).isMemoryWrite();
        assertThat(hw.emit("nic", Message.of(0x1_FEE0_0018L, 0))).isMemoryWrite();
    }

    @Test
    void withoutRemappingTheDestinationIsAddressBits19To12AndTheVectorDataBits7To0() {
        Hardware hw = bare().hardware();

        // CPU 1 has APIC ID 2; bits 11:5 (an extended destination) are ignored by the hardware
        assertThat(hw.emit("nic", Message.of(0xFEE0_2000L | 0x7F << 5, 0x40))).isSpuriousOn(1, 0x40);
        // data bits 31:11 mean nothing to the CPUs; bits 10:8 clear are fixed delivery
        assertThat(hw.emit("nic", Message.of(0xFEE0_0000L, 0xFFFF_F021))).isDeliveredTo("host", 0, 0x21, 24);
        // no CPU has APIC ID 1: nobody receives it
        assertThat(hw.emit("nic", Message.compatibility(1, 0x21))).reachesNoCpu();
        // illegal vectors and system vectors nobody owns are spurious on the CPU they hit
        assertThat(hw.emit("nic", Message.compatibility(0, 0x05))).isSpuriousOn(0, 0x05);
    }

    @Test
    void compatibilityFormatCarriesTheDeliveryModeInDataBits10To8() {
        Hardware hw = bare().hardware();

        // lowest priority and the reserved encodings 011 and 110 are delivered as fixed
        for (int bits : new int[] {0b001, 0b011, 0b110}) {
            Delivery delivery = hw.emit("nic", Message.of(0xFEE0_0000L, bits << 8 | 0x21));
            assertThat(delivery).isDeliveredTo("host", 0, 0x21, 24);
            assertThat(delivery.deliveryMode()).hasValue(DeliveryMode.FIXED);
        }
        // SMI, NMI, INIT and ExtINT ignore the vector: the CPU itself takes them
        DeliveryMode[] special = {DeliveryMode.SMI, DeliveryMode.NMI, DeliveryMode.INIT, DeliveryMode.EXTINT};
        int[] bits = {0b010, 0b100, 0b101, 0b111};
        for (int i = 0; i < special.length; i++) {
            assertThat(hw.emit("nic", Message.of(0xFEE0_2000L, bits[i] << 8 | 0x21))).isEqualTo(new Delivery.Special(1, special[i]));
            // to an APIC ID no CPU has, nobody takes it
            assertThat(hw.emit("nic", Message.of(0xFEE0_1000L, bits[i] << 8))).isEqualTo(
                    new Delivery.Spurious(OptionalInt.empty(), OptionalInt.empty(), special[i]));
        }
    }

    @Test
    void destination0xffIsABroadcastToEveryHostCpu() {
        Hardware hw = bare().hardware();

        assertThat(hw.emit("nic", Message.of(0xFEEF_F000L, 0x21))).isEqualTo(new Delivery.Broadcast(OptionalInt.of(0x21), DeliveryMode.FIXED));
        assertThat(hw.emit("nic", Message.of(0xFEEF_F000L, 0x421))).isEqualTo(new Delivery.Broadcast(OptionalInt.empty(), DeliveryMode.NMI));
        // a lowest-priority broadcast reaches one CPU, the lowest-numbered
        assertThat(hw.emit("nic", Message.of(0xFEEF_F000L, 0x121))).isDeliveredTo("host", 0, 0x21, 24);
        assertThat(hw.emit("nic", Message.of(0xFEEF_F000L, 0x21)).outcome()).isEqualTo("broadcast");
    }

    @Test
    void amdViOnlyRemapsFixedAndArbitratedMessagesInTheInterruptRangeAndItsHyperTransportWindow() {
        Platform platform = Platform.create(platform("AmdTypes")
                .cpus(1, ApicMode.X2APIC)
                .iommu(amdViUnit("ivhd0", 512))
                .bus("pci0", device("nic", "03:00.0", msix(8)))
                .host(remapStack("nic", MSIX, "ivhd0", 1))
                .build());
        platform.boot();
        Hardware hw = platform.hardware();

        assertThat(hw.emit("nic", Message.of(0xFEE0_0000L, 0x000))).isDeliveredTo("host", 0, 0x21, 24);
        assertThat(hw.emit("nic", Message.of(0xFD_F800_0000L, 0x000))).isDeliveredTo("host", 0, 0x21, 24);
        assertThat(hw.emit("nic", Message.of(0xFD_F900_0000L, 0x000))).isMemoryWrite();
        assertThat(hw.emit("nic", Message.of(0xFEE0_0000L, 0x100))).isFault("IO_PAGE_FAULT");  // arbitrated, entry 256 absent
        for (int type = 2; type < 8; type++) {
            assertThat(hw.emit("nic", Message.of(0xFEE0_0000L, type << 8))).isFault("INVALID_DEVICE_REQUEST");
        }
    }

    @Test
    void slotsNeverWrittenOrMaskedSendNothing() {
        Platform platform = bare();
        DeviceStorage msixTable = platform.hardware().storage("nic", BusDomainKind.MSIX);

        assertThat(msixTable.fire(1)).isNotSent();
        assertThat(msixTable.read(1)).isEmpty();
        assertThat(msixTable.isMasked(1)).isTrue();
        assertThat(msixTable.isMasked(0)).isFalse();
    }

    @Test
    void amdViFaultsIndicesBeyondTheTableAndEntriesNotEnabled() {
        Platform platform = Platform.create(platform("Amd")
                .cpus(1, ApicMode.X2APIC)
                .iommu(amdViUnit("ivhd0", 4))
                .bus("pci0", device("nic", "03:00.0", msix(8)), device("ssd", "03:00.1", msix(8)))
                .host(remapStack("nic", MSIX, "ivhd0", 1))
                .build());
        platform.boot();
        Hardware hw = platform.hardware();

        assertThat(hw.emit("nic", Message.of(0xFEE0_0000L, 0))).isDeliveredTo("host", 0, 0x21, 24);
        assertThat(hw.emit("nic", Message.of(0xFEE0_0000L, 1))).isFault("IO_PAGE_FAULT");
        assertThat(hw.emit("nic", Message.of(0xFEE0_0000L, 4))).isFault("IO_PAGE_FAULT");
        // ssd has a table of its own, still empty; even compatibility-looking messages index it
        assertThat(hw.emit("ssd", Message.of(0xFEE0_0000L, 0))).isFault("IO_PAGE_FAULT");
        assertThat(hw.emit("nic", Message.compatibility(0, 0x21))).isFault("IO_PAGE_FAULT");
    }

    @Test
    void firingAnUnchangedSlotReturnsTheSameDeliveryAndAChangeIsSeenAtOnce() {
        Platform platform = bare();
        DeviceStorage msixTable = platform.hardware().storage("nic", BusDomainKind.MSIX);
        Delivery first = msixTable.fire(0);

        assertThat(msixTable.fire(0)).isSameInstanceAs(first);
        assertThat(platform.host().write("nic", BusDomainKind.MSIX, 0, Message.of(0x1000L, 0))).isEmpty();
        assertThat(msixTable.fire(0)).isMemoryWrite();
        assertThat(msixTable.read(0)).hasValue(Message.of(0x1000L, 0));
    }

    @Test
    void tracesEveryStepInWords() {
        Trace trace = remapped(false).hardware().trace("ssd", Message.remappable(1, 0));

        assertThat(trace.delivery()).isDeliveredTo("host", 1, 0x21, 25);
        assertThat(trace.steps()).containsExactly(
                "dmar0: remappable, handle 1, sub-handle 0, index 1",
                "entry 1: SVT 01 SID 03:00.1 matches 03:00.1",
                "remapped to host CPU 1 vector 0x21, owned by host irq 25 (ssd msix slot 0)").inOrder();
    }
}
