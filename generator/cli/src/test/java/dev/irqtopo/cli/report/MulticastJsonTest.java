package dev.irqtopo.cli.report;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.runtime.AllocatedInterrupt;
import dev.irqtopo.runtime.Allocation;
import dev.irqtopo.runtime.StackResult;
import dev.irqtopo.runtime.delivery.Delivery;
import dev.irqtopo.runtime.message.DeliveryMode;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.sim.InterruptReport;
import dev.irqtopo.runtime.sim.SimulationReport;
import dev.irqtopo.runtime.sim.StackReport;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The one addition to the JSON of semantics §8: a logical destination that names several host CPUs is
 * the outcome {@code multicast}, with the usual keys and, after them, {@code deliveries}, what each CPU
 * did, in CPU order, each with the usual keys.
 */
class MulticastJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode delivery(Delivery delivery) throws Exception {
        Message logical = Message.compatibility(0x03, 0x21, true, false);
        AllocatedInterrupt allocated = new AllocatedInterrupt(0, 24, 0, 0x21, OptionalInt.empty(), logical);
        InterruptReport irq = new InterruptReport(allocated, Optional.of(logical), delivery);
        StackReport stack = new StackReport(new StackResult("host", "nic", BusDomainKind.MSIX, List.of("vector", "msix"), true,
                Allocation.of(List.of(allocated))), List.of(irq));
        JsonNode printed = JSON.readTree(ReportJson.write(ReportJson.simulation(List.of(new SimulationReport("P", List.of(stack))))));
        return printed.get(0).get("stacks").get(0).get("interrupts").get(0).get("delivery");
    }

    @Test
    void aFixedMulticastListsEachCpusDelivery() throws Exception {
        JsonNode node = delivery(new Delivery.Multicast(OptionalInt.of(0x21), DeliveryMode.FIXED, List.of(
                new Delivery.Delivered("host", 0, 0x21, 24), new Delivery.Delivered("vm0", 1, 0x30, 25))));

        assertThat(node).isEqualTo(JSON.readTree(("{'outcome': 'multicast', 'kernel': null, 'cpu': null, 'vector': 33, 'virq': null,"
                + " 'fault_reason': null, 'delivery_mode': 'fixed', 'deliveries': ["
                + "{'outcome': 'delivered', 'kernel': 'host', 'cpu': 0, 'vector': 33, 'virq': 24, 'fault_reason': null, 'delivery_mode': 'fixed'},"
                + "{'outcome': 'delivered', 'kernel': 'vm0', 'cpu': 1, 'vector': 48, 'virq': 25, 'fault_reason': null, 'delivery_mode': 'fixed'}"
                + "]}").replace('\'', '"')));
    }

    @Test
    void aSpecialMulticastIsTheHostsOnEachCpu() throws Exception {
        JsonNode node = delivery(new Delivery.Multicast(OptionalInt.empty(), DeliveryMode.NMI, List.of(
                new Delivery.Special(0, DeliveryMode.NMI), new Delivery.Special(1, DeliveryMode.NMI))));

        assertThat(node.get("outcome").asText()).isEqualTo("multicast");
        assertThat(node.get("kernel").asText()).isEqualTo("host");
        assertThat(node.get("vector").isNull()).isTrue();
        assertThat(node.get("delivery_mode").asText()).isEqualTo("nmi");
        assertThat(node.get("deliveries").size()).isEqualTo(2);
        assertThat(node.get("deliveries").get(1).get("cpu").asInt()).isEqualTo(1);
        assertThat(node.get("deliveries").get(1).get("kernel").asText()).isEqualTo("host");
    }

    @Test
    void noOtherOutcomeHasDeliveries() throws Exception {
        assertThat(delivery(new Delivery.Broadcast(OptionalInt.of(0x21), DeliveryMode.FIXED)).has("deliveries")).isFalse();
        assertThat(delivery(new Delivery.Delivered("host", 0, 0x21, 24)).has("deliveries")).isFalse();
    }
}
