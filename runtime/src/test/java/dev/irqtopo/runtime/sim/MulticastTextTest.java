package dev.irqtopo.runtime.sim;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.irqtopo.runtime.delivery.Delivery;
import dev.irqtopo.runtime.message.DeliveryMode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** A multicast in {@code simulate}'s delivery column and in the flat fields reports print. */
class MulticastTextTest {

    private static final Delivery FIXED = new Delivery.Multicast(OptionalInt.of(0x21), DeliveryMode.FIXED, List.of(
            new Delivery.Delivered("host", 0, 0x21, 24), new Delivery.Spurious(OptionalInt.of(2), 0x21)));
    private static final Delivery NMI = new Delivery.Multicast(OptionalInt.empty(), DeliveryMode.NMI, List.of(
            new Delivery.Special(0, DeliveryMode.NMI), new Delivery.Special(1, DeliveryMode.NMI)));

    @Test
    void theColumnNamesWhatEachCpuDid() {
        assertThat(SimulationText.delivery(FIXED))
                .isEqualTo("multicast vector 0x21 to 2 host cpus: delivered host cpu 0 vector 0x21 virq 24; spurious cpu 2 vector 0x21");
        assertThat(SimulationText.delivery(NMI)).isEqualTo("multicast nmi to 2 host cpus: nmi to host cpu 0; nmi to host cpu 1");
    }

    @Test
    void theFlatFieldsNameNoCpu() {
        assertThat(DeliveryFields.of(FIXED)).isEqualTo(new DeliveryFields(Optional.empty(), OptionalInt.empty(), OptionalInt.of(0x21),
                OptionalInt.empty(), Optional.empty(), Optional.of(DeliveryMode.FIXED)));
        assertThat(DeliveryFields.of(NMI)).isEqualTo(new DeliveryFields(Optional.of("host"), OptionalInt.empty(), OptionalInt.empty(),
                OptionalInt.empty(), Optional.empty(), Optional.of(DeliveryMode.NMI)));
    }

    @Test
    void aMulticastReachesAtLeastTwoCpusEachOfWhichTakesItOrFindsNoOwner() {
        assertThrows(IllegalArgumentException.class, () -> new Delivery.Multicast(OptionalInt.of(0x21), DeliveryMode.FIXED,
                List.of(new Delivery.Delivered("host", 0, 0x21, 24))));
        assertThrows(IllegalArgumentException.class, () -> new Delivery.Multicast(OptionalInt.of(0x21), DeliveryMode.FIXED,
                List.of(Delivery.memoryWrite(), Delivery.memoryWrite())));
        assertThrows(IllegalArgumentException.class, () -> new Delivery.Multicast(OptionalInt.empty(), DeliveryMode.FIXED,
                List.of(new Delivery.Special(0, DeliveryMode.NMI), new Delivery.Special(1, DeliveryMode.NMI))));
    }
}
