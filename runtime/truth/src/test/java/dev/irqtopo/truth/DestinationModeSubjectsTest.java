package dev.irqtopo.truth;

import static com.google.common.truth.ExpectFailure.expectFailureAbout;
import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.truth.IrqtopoTruth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.truth.ExpectFailure;
import dev.irqtopo.runtime.delivery.Delivery;
import dev.irqtopo.runtime.message.DeliveryMode;
import dev.irqtopo.runtime.message.Message;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The claims about destination modes and multicasts: each passes on what it describes and fails on what differs. */
class DestinationModeSubjectsTest {

    private static final Message LOGICAL = Message.compatibility(0x04, 0x21, true, false);
    private static final Message PHYSICAL = Message.compatibility(0x04, 0x21);
    private static final Delivery MULTICAST = new Delivery.Multicast(OptionalInt.of(0x21), DeliveryMode.FIXED, List.of(
            new Delivery.Delivered("host", 0, 0x21, 24), new Delivery.Delivered("vm0", 1, 0x30, 26)));

    private static AssertionError messageFailure(ExpectFailure.SimpleSubjectBuilderCallback<MessageSubject, Message> claim) {
        return expectFailureAbout(MessageSubject.messages(), claim);
    }

    private static AssertionError deliveryFailure(ExpectFailure.SimpleSubjectBuilderCallback<DeliverySubject, Delivery> claim) {
        return expectFailureAbout(DeliverySubject.deliveries(), claim);
    }

    @Test
    void messagesByDestinationMode() {
        assertThat(LOGICAL).isLogical();
        assertThat(LOGICAL).hasDestinationMode("logical");
        assertThat(LOGICAL).hasDestination(0x04);
        assertThat(PHYSICAL).isPhysical();
        assertThat(PHYSICAL).hasDestinationMode("physical");

        assertThat(messageFailure(t -> t.that(PHYSICAL).isLogical())).hasMessageThat().contains("but address bit 2 was");
        assertThat(messageFailure(t -> t.that(LOGICAL).hasDestinationMode("physical"))).hasMessageThat()
                .contains("set (logical)");
        assertThat(messageFailure(t -> t.that(null).isLogical())).hasMessageThat().contains("expected a message");
        assertThrows(IllegalArgumentException.class, () -> assertThat(LOGICAL).hasDestinationMode("cluster"));
    }

    @Test
    void multicasts() {
        assertThat(MULTICAST).isMulticast();
        assertThat(MULTICAST).isMulticast(0x21);
        assertThat(MULTICAST).isMulticastTo(2);
        assertThat(MULTICAST).hasDeliveryMode("fixed");
        assertThat(MULTICAST).multicastDelivery(0).isDeliveredTo("host", 0, 0x21, 24);
        assertThat(MULTICAST).multicastDelivery(1).isDeliveredTo("vm0", 1, 0x30);

        assertThat(deliveryFailure(t -> t.that(MULTICAST).isMulticast(0x22))).hasMessageThat().contains("vector()");
        assertThat(deliveryFailure(t -> t.that(MULTICAST).isMulticastTo(3))).hasMessageThat().contains("deliveries().size()");
        assertThat(deliveryFailure(t -> t.that(MULTICAST).multicastDelivery(2))).hasMessageThat()
                .contains("expected a delivery on the CPU of index");
        assertThat(deliveryFailure(t -> t.that(MULTICAST).multicastDelivery(1).isDeliveredTo("vm0", 0, 0x30))).hasMessageThat()
                .contains("deliveries().get(1)");
        assertThat(deliveryFailure(t -> t.that(new Delivery.Broadcast(OptionalInt.of(0x21), DeliveryMode.FIXED)).isMulticast()))
                .hasMessageThat().contains("expected outcome: multicast");
        assertThat(deliveryFailure(t -> t.that(MULTICAST).isBroadcast())).hasMessageThat().contains("but was multicast (fixed)");
        assertThat(deliveryFailure(t -> t.that(null).isMulticast())).hasMessageThat().contains("no delivery");
    }
}
