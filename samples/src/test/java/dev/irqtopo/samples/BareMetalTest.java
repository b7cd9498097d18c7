package dev.irqtopo.samples;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.truth.IrqtopoTruth.assertThat;

import dev.irqtopo.runtime.AllocatedInterrupt;
import dev.irqtopo.runtime.Allocation;
import dev.irqtopo.runtime.StackResult;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * bare-metal: no IOMMU, no hypervisor. The host's vector domain chooses a CPU and a vector and composes
 * a compatibility-format message (0xFEE00000 | APIC ID << 12, data = vector); the bus domain stores it;
 * the device's write reaches the CPU with that APIC ID. Four CPUs, xAPIC, APIC ID = CPU number.
 */
class BareMetalTest {

    private final BareMetal platform = BareMetal.boot();

    /** The compatibility-format message for an APIC ID and vector, as the spec lays it out. */
    private static Message compatibility(int apicId, int vector) {
        return Message.of(0xFEE0_0000L | (long) apicId << 12, vector);
    }

    @Test
    void bootAllocatesEveryStackInDeclarationOrder() {
        List<StackResult> boot = platform.bootResults();
        assertThat(boot.stream().map(r -> r.device() + "." + r.storage().keyword()).toList())
                .containsExactly("nvme.msix", "dsa.ims", "ahci.msi").inOrder();
        for (StackResult result : boot) {
            assertThat(result.kernel()).isEqualTo("host");
            assertThat(result.created()).isTrue();
        }
        assertThat(boot.get(0).allocation()).succeededWith(4);
        assertThat(boot.get(1).allocation()).succeededWith(2);
        assertThat(boot.get(2).allocation()).succeededWith(1);
    }

    @Test
    void msixSpreadsOverTheCpusWithTheMostFreeVectors() {
        // all four CPUs start with 202 free device vectors: ties go to the lowest CPU, which then has
        // one fewer, so the four MSI-X interrupts land on CPUs 0..3, each at the lowest vector 0x21
        List<AllocatedInterrupt> nvme = platform.host().nvme().msix().interrupts();
        assertThat(nvme).containsExactly(
                new AllocatedInterrupt(0, 24, 0, 0x21, OptionalInt.empty(), compatibility(0, 0x21)),
                new AllocatedInterrupt(1, 25, 1, 0x21, OptionalInt.empty(), compatibility(1, 0x21)),
                new AllocatedInterrupt(2, 26, 2, 0x21, OptionalInt.empty(), compatibility(2, 0x21)),
                new AllocatedInterrupt(3, 27, 3, 0x21, OptionalInt.empty(), compatibility(3, 0x21))).inOrder();
        for (AllocatedInterrupt irq : nvme) {
            assertThat(irq.composed()).isCompatibilityFormat();
            assertThat(irq.composed()).hasDestination(irq.cpu());
            assertThat(irq.composed()).hasVector(0x21);
            assertThat(irq.composed()).hasAddress(0xFEE0_0000L + 0x1000L * irq.cpu());
        }
    }

    @Test
    void imsInDeviceMemoryAndMsiContinueTheRoundRobin() {
        // every CPU has one vector taken: CPUs 0 and 1 get 0x22 for IMS, then CPU 2 for the MSI message
        assertThat(platform.host().dsa().ims().interrupts()).containsExactly(
                new AllocatedInterrupt(0, 28, 0, 0x22, OptionalInt.empty(), compatibility(0, 0x22)),
                new AllocatedInterrupt(1, 29, 1, 0x22, OptionalInt.empty(), compatibility(1, 0x22))).inOrder();
        assertThat(platform.host().ahci().msi().interrupts()).containsExactly(
                new AllocatedInterrupt(0, 30, 2, 0x22, OptionalInt.empty(), compatibility(2, 0x22)));
    }

    @Test
    void eachDeviceStoresWhatWasComposedAndFiringDeliversToItsOwner() {
        BareMetal.Hardware hardware = platform.hardware();
        for (AllocatedInterrupt irq : platform.host().nvme().msix().interrupts()) {
            assertThat(hardware.nvme().msix().read(irq.slot())).isEqualTo(Optional.of(irq.composed()));
            assertThat(hardware.nvme().msix().isMasked(irq.slot())).isFalse();
            assertThat(hardware.nvme().msix().fire(irq.slot())).isDeliveredTo("host", irq.cpu(), 0x21, irq.virq());
        }
        assertThat(hardware.dsa().ims().fire(0)).isDeliveredTo("host", 0, 0x22, 28);
        assertThat(hardware.dsa().ims().fire(1)).isDeliveredTo("host", 1, 0x22, 29);
        assertThat(hardware.ahci().msi().read(0)).hasValue(compatibility(2, 0x22));
        assertThat(hardware.ahci().msi().fire(0)).isDeliveredTo("host", 2, 0x22, 30);
    }

    @Test
    void slotsNeverWrittenSendNothing() {
        BareMetal.Hardware hardware = platform.hardware();
        for (int slot = 4; slot < BareMetal.Sizes.NVME_MSIX; slot++) {
            assertThat(hardware.nvme().msix().read(slot)).isEmpty();
            assertThat(hardware.nvme().msix().isMasked(slot)).isTrue();
            assertThat(hardware.nvme().msix().fire(slot)).isNotSent();
        }
        assertThat(hardware.dsa().ims().fire(BareMetal.Sizes.DSA_IMS - 1)).isNotSent();
    }

    @Test
    void withoutRemappingTheHardwareDecodesWhateverADeviceEmits() {
        BareMetal.Hardware hardware = platform.hardware();
        // any device can hit any vector: dsa raises nvme's interrupt on CPU 3
        assertThat(hardware.dsa().emit(compatibility(3, 0x21))).isDeliveredTo("host", 3, 0x21, 27);
        // a vector nobody owns, on a CPU that exists
        assertThat(hardware.nvme().emit(compatibility(1, 0x40))).isSpuriousOn(1, 0x40);
        // APIC ID 4: no such CPU
        assertThat(hardware.nvme().emit(compatibility(4, 0x21))).reachesNoCpu();
        // address bits 11:5 are ignored by the hardware: this still targets APIC ID 0
        assertThat(hardware.ahci().emit(Message.of(0xFEE0_0FE0L, 0x21))).isDeliveredTo("host", 0, 0x21, 24);
        // outside 0xFEE00000..0xFEEFFFFF it is a DMA write
        assertThat(hardware.nvme().emit(Message.of(0xFEF0_0000L, 0x21))).isMemoryWrite();
        assertThat(hardware.nvme().emit(Message.of(0x1_FEE0_0000L, 0x21))).isMemoryWrite();
    }

    @Test
    void allocateAndFreeRoundTrip() {
        BareMetal.BusDomain msix = platform.host().nvme().msix();
        // after boot CPUs 0..2 have two vectors each taken, CPU 3 one: CPU 3 first, then the tie to CPU 0
        Allocation more = msix.allocate(2);
        assertThat(more).succeededWith(2);
        assertThat(more.interrupts()).containsExactly(
                new AllocatedInterrupt(4, 31, 3, 0x22, OptionalInt.empty(), compatibility(3, 0x22)),
                new AllocatedInterrupt(5, 32, 0, 0x23, OptionalInt.empty(), compatibility(0, 0x23))).inOrder();
        assertThat(platform.hardware().nvme().msix().fire(5)).isDeliveredTo("host", 0, 0x23, 32);

        assertThat(msix.free(31)).isEmpty();
        assertThat(msix.interrupts()).hasSize(5);
        assertThat(platform.hardware().nvme().msix().fire(4)).isNotSent();
        assertThat(platform.hardware().nvme().emit(compatibility(3, 0x22))).isSpuriousOn(3, 0x22);
        assertThat(msix.free(31)).hasValue(Errno.ENOENT);
        // a virq of another stack is not this stack's to free
        assertThat(msix.free(28)).hasValue(Errno.ENOENT);

        // the lowest free slot, vector and irq number come back
        Allocation again = msix.allocate(1);
        assertThat(again.interrupts()).containsExactly(
                new AllocatedInterrupt(4, 31, 3, 0x22, OptionalInt.empty(), compatibility(3, 0x22)));
    }

    @Test
    void requestsThatCannotBeMetChangeNothing() {
        BareMetal.BusDomain msix = platform.host().nvme().msix();
        // 16 entries, 4 taken
        assertThat(msix.allocate(13)).failedWith(Errno.ENOSPC);
        assertThat(msix.allocate(0)).failedWith(Errno.EINVAL);
        assertThat(msix.interrupts()).hasSize(4);
        // the MSI capability is enabled already
        assertThat(platform.host().ahci().msi().allocate(1)).failedWith(Errno.EBUSY);
        assertThat(platform.host().ahci().msi().free(30)).isEmpty();
        // two messages from a one-message capability
        assertThat(platform.host().ahci().msi().allocate(2)).failedWith(Errno.ENOSPC);
        assertThat(platform.host().ahci().msi().allocate(1)).succeededWith(1);
    }

    @Test
    void constantsNameEachDevice() {
        assertThat(BareMetal.RequesterIds.NVME).isEqualTo("01:00.0");
        assertThat(BareMetal.RequesterIds.DSA).isEqualTo("00:04.0");
        assertThat(BareMetal.RequesterIds.AHCI).isEqualTo("00:1f.2");
        assertThat(platform.hardware().ahci().requesterId().toString()).isEqualTo(BareMetal.RequesterIds.AHCI);
        assertThat(BareMetal.Sizes.NVME_MSIX).isEqualTo(16);
        assertThat(BareMetal.Sizes.DSA_IMS).isEqualTo(8);
        assertThat(BareMetal.Sizes.AHCI_MSI).isEqualTo(1);
    }

    @Test
    void aPlatformWithoutGuestsIsTriviallyIsolated() {
        assertThat(platform.verifyIsolation()).isIsolated();
        assertThat(platform.verifyIsolation().platform()).isEqualTo("BareMetal");
    }
}
