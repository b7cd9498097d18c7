package dev.irqtopo.runtime;

import dev.irqtopo.runtime.delivery.Delivery;
import dev.irqtopo.runtime.delivery.Victims;
import dev.irqtopo.runtime.message.DeliveryMode;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.remap.FaultReason;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.irqtopo.model.BusDomainKind;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The values the engine hands out (messages, deliveries, allocation results, victims' numbers, errno
 * values): the fields they expose and the combinations they refuse.
 */
class EngineValuesTest {

    @Test
    void messageFactoriesRefuseFieldsThatDoNotFit() {
        assertThat(Message.compatibility(0, 0xFF).vector()).isEqualTo(0xFF);
        assertThat(Message.compatibility(0, 0).vector()).isEqualTo(0);
        assertThrows(IllegalArgumentException.class, () -> Message.compatibility(0, 0x100));
        assertThrows(IllegalArgumentException.class, () -> Message.compatibility(0, -1));
        assertThrows(IllegalArgumentException.class, () -> Message.compatibility(0x100, 0x21));
        assertThat(Message.compatibility(0x7FFF, 0x21, true).extendedDestination()).isEqualTo(0x7F);
        assertThrows(IllegalArgumentException.class, () -> Message.compatibility(0x8000, 0x21, true));

        assertThat(Message.remappable(0xFFFF, 0xFFFF).handle()).isEqualTo(0xFFFF);
        assertThat(Message.remappable(0, 0).subHandle()).isEqualTo(0);
        assertThrows(IllegalArgumentException.class, () -> Message.remappable(0x10000, 0));
        assertThrows(IllegalArgumentException.class, () -> Message.remappable(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> Message.remappable(0, 0x10000));
        assertThrows(IllegalArgumentException.class, () -> Message.remappable(0, -1));
        assertThrows(IllegalArgumentException.class, () -> Message.remappableWithoutSubHandle(0x10000, 0));

        assertThat(Message.amdVi(0x7FF, true)).isEqualTo(Message.of(0xFEE0_0004L, 0x7FF));
        assertThat(Message.amdVi(0, false)).isEqualTo(Message.of(0xFEE0_0000L, 0));
        assertThrows(IllegalArgumentException.class, () -> Message.amdVi(0x800, true));
        assertThrows(IllegalArgumentException.class, () -> Message.amdVi(-1, false));
    }

    @Test
    void aMessageSplitsItsAddressAndReadsItsDeliveryMode() {
        Message high = Message.of(0x0000_0001_FEE0_0000L, 0x0400 | 0x21);
        assertThat(high.addressHi()).isEqualTo(1);
        assertThat(high.addressLo()).isEqualTo(0xFEE0_0000);
        assertThat(high.isInterrupt()).isFalse();
        assertThat(high.deliveryMode()).isEqualTo(DeliveryMode.NMI);
        assertThat(Message.compatibility(1, 0x21).deliveryMode()).isEqualTo(DeliveryMode.FIXED);
    }

    @Test
    void eachDeliveryModeSetsItsDataBits() {
        assertThat(DeliveryMode.FIXED.dataBits()).isEqualTo(0);
        assertThat(DeliveryMode.SMI.dataBits()).isEqualTo(0x200);
        assertThat(DeliveryMode.NMI.dataBits()).isEqualTo(0x400);
        assertThat(DeliveryMode.INIT.dataBits()).isEqualTo(0x500);
        assertThat(DeliveryMode.EXTINT.dataBits()).isEqualTo(0x700);
        for (DeliveryMode mode : DeliveryMode.values()) {
            assertThat(DeliveryMode.of(mode.dataBits() | 0x21)).isEqualTo(mode);
        }
    }

    @Test
    void errnoValuesAreLinuxs() {
        assertThat(Errno.EPERM.number()).isEqualTo(1);
        assertThat(Errno.ENOENT.number()).isEqualTo(2);
        assertThat(Errno.ENOSPC.number()).isEqualTo(28);
        assertThat(Errno.EOPNOTSUPP.number()).isEqualTo(95);
    }

    @Test
    void deliveriesNameTheirOutcomeAndRefuseAVectorWithASpecialMode() {
        assertThat(Delivery.notSent().outcome()).isEqualTo("not_sent");
        assertThat(Delivery.memoryWrite().outcome()).isEqualTo("memory_write");
        assertThat(new Delivery.Spurious(OptionalInt.of(0), 0x40).outcome()).isEqualTo("spurious");
        assertThat(new Delivery.Special(0, DeliveryMode.SMI).kernel()).isEqualTo("host");
        assertThat(new Delivery.Broadcast(OptionalInt.empty(), DeliveryMode.NMI).kernel()).hasValue("host");
        assertThat(new Delivery.Broadcast(OptionalInt.of(0x21), DeliveryMode.FIXED).kernel()).isEmpty();

        assertThrows(IllegalArgumentException.class, () -> new Delivery.Special(0, DeliveryMode.FIXED));
        assertThrows(IllegalArgumentException.class,
                () -> new Delivery.Spurious(OptionalInt.of(0), OptionalInt.of(0x21), DeliveryMode.NMI));
        assertThrows(IllegalArgumentException.class,
                () -> new Delivery.Spurious(OptionalInt.of(0), OptionalInt.empty(), DeliveryMode.FIXED));
        assertThrows(IllegalArgumentException.class, () -> new Delivery.Broadcast(OptionalInt.of(0x21), DeliveryMode.SMI));
        assertThrows(IllegalArgumentException.class, () -> new Delivery.Broadcast(OptionalInt.empty(), DeliveryMode.FIXED));
    }

    @Test
    void aFailedAllocationHoldsNothingAndAStackNotCreatedAllocatedNothing() {
        AllocatedInterrupt irq = new AllocatedInterrupt(0, 24, 0, 0x21, OptionalInt.empty(), Message.compatibility(0, 0x21));
        assertThrows(IllegalArgumentException.class, () -> new Allocation(Optional.of(Errno.ENOSPC), List.of(irq)));
        assertThat(Allocation.of(List.of(irq)).succeeded()).isTrue();

        StackResult refused = new StackResult("host", "nic", BusDomainKind.MSIX, List.of("vector", "msix"), false,
                Allocation.failed(Errno.ENODEV));
        assertThat(refused.errno()).hasValue(Errno.ENODEV);
        assertThat(new StackResult("host", "nic", BusDomainKind.MSIX, List.of("vector", "msix"), true,
                Allocation.of(List.of(irq))).errno()).isEmpty();
        assertThrows(IllegalArgumentException.class, () -> new StackResult("host", "nic", BusDomainKind.MSIX,
                List.of("vector", "msix"), false, Allocation.of(List.of(irq))));
    }

    @Test
    void victimsNumberTheHostFirstAndEachKernelOnce() {
        Victims victims = new Victims(List.of("host", "vm0", "vm1"));
        assertThat(victims.count()).isEqualTo(3);
        assertThat(victims.name(2)).isEqualTo("vm1");
        assertThat(victims.number("vm1")).isEqualTo(2);
        assertThrows(IllegalArgumentException.class, () -> victims.number("vm2"));
        assertThrows(IllegalArgumentException.class, () -> new Victims(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Victims(List.of("vm0", "host")));
        assertThrows(IllegalArgumentException.class, () -> new Victims(List.of("host", "vm0", "vm0")));

        assertThat(victims.of(new Delivery.Delivered("vm1", 0, 0x21, 24))).isEqualTo(2);
        assertThat(victims.of(new Delivery.Delivered("host", 0, 0x21, 24))).isEqualTo(Victims.HOST);
        assertThat(victims.of(new Delivery.Special(0, DeliveryMode.SMI))).isEqualTo(Victims.HOST);
        assertThat(victims.of(new Delivery.Broadcast(OptionalInt.of(0x21), DeliveryMode.FIXED))).isEqualTo(Victims.HOST);
        assertThat(victims.of(new Delivery.Spurious(OptionalInt.of(1), 0x40))).isEqualTo(Victims.HOST);
        assertThat(victims.of(new Delivery.Spurious(OptionalInt.empty(), 0x40))).isEqualTo(Victims.NOBODY);
        assertThat(victims.of(Delivery.memoryWrite())).isEqualTo(Victims.NOBODY);
        assertThat(victims.of(Delivery.notSent())).isEqualTo(Victims.NOBODY);
        assertThat(victims.of(new Delivery.Fault(FaultReason.VTD_SOURCE_VALIDATION))).isEqualTo(Victims.NOBODY);
    }
}
