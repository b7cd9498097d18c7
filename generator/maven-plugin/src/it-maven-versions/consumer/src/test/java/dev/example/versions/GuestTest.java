package dev.example.versions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.example.versions.fixture.Rabbit;
import dev.irqtopo.runtime.delivery.Delivery;
import dev.irqtopo.runtime.message.Message;
import org.junit.jupiter.api.Test;

/** The generated classes of both goals, used as a project's tests would. */
class GuestTest {

    @Test
    void theGuestsInterruptsReachItAndNothingElse() {
        Guest platform = Guest.boot();
        assertEquals(4, platform.vm0().nicvf().ims().interrupts().size());
        Delivery fired = platform.hardware().nicvf().ims().fire(0);
        assertEquals("vm0", assertInstanceOf(Delivery.Delivered.class, fired).kernel());
        // the host's entry 0, emitted by the guest's function: bound to 03:00.0, refused for 03:00.1
        assertInstanceOf(Delivery.Fault.class, platform.hardware().nicvf().emit(Message.of(0xFEE0_0018L, 0)));
        assertTrue(platform.verifyIsolation().isolated());
    }

    @Test
    void theFixtureBreachesAsItExpects() {
        assertFalse(Rabbit.boot().verifyIsolation().isolated());
    }
}
