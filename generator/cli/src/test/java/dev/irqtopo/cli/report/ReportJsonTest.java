package dev.irqtopo.cli.report;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.ExpectedVerdict;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.runtime.AllocatedInterrupt;
import dev.irqtopo.runtime.Allocation;
import dev.irqtopo.runtime.StackResult;
import dev.irqtopo.runtime.delivery.Delivery;
import dev.irqtopo.runtime.isolation.Assignment;
import dev.irqtopo.runtime.isolation.Finding;
import dev.irqtopo.runtime.isolation.FindingClass;
import dev.irqtopo.runtime.isolation.IsolationReport;
import dev.irqtopo.runtime.isolation.Means;
import dev.irqtopo.runtime.message.DeliveryMode;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.remap.FaultReason;
import dev.irqtopo.runtime.sim.InterruptReport;
import dev.irqtopo.runtime.sim.SimulationReport;
import dev.irqtopo.runtime.sim.StackReport;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The JSON of semantics §8 for every delivery outcome and for findings and assignments, from result
 * values built by hand: the documented keys in the documented order, absent values as null.
 */
class ReportJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The {@code delivery} object that {@code simulate --json} prints for one interrupt with this outcome. */
    private static JsonNode delivery(Delivery delivery) {
        AllocatedInterrupt allocated = new AllocatedInterrupt(0, 24, 0, 0x21, OptionalInt.empty(), Message.compatibility(0, 0x21));
        InterruptReport irq = new InterruptReport(allocated, Optional.of(Message.compatibility(0, 0x21)), delivery);
        StackReport stack = new StackReport(new StackResult("vm0", "vf", BusDomainKind.MSIX, List.of("vector", "msix"), true,
                Allocation.of(List.of(allocated))), List.of(irq));
        JsonNode printed = reparse(ReportJson.simulation(List.of(new SimulationReport("P", List.of(stack)))));
        return printed.get(0).get("stacks").get(0).get("interrupts").get(0).get("delivery");
    }

    private static JsonNode reparse(JsonNode node) {
        try {
            return JSON.readTree(ReportJson.write(node));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys;
    }

    @Test
    void everyDeliveryHasTheSameKeysInTheDocumentedOrder() {
        List<Delivery> outcomes = List.of(Delivery.notSent(), Delivery.memoryWrite(),
                new Delivery.Fault(FaultReason.VTD_SOURCE_VALIDATION), new Delivery.Delivered("host", 0, 0x21, 24),
                new Delivery.Special(1, DeliveryMode.NMI), new Delivery.Spurious(OptionalInt.of(1), 0x40),
                new Delivery.Broadcast(OptionalInt.of(0x21), DeliveryMode.FIXED));
        for (Delivery outcome : outcomes) {
            assertThat(keys(delivery(outcome))).containsExactly("outcome", "kernel", "cpu", "vector", "virq",
                    "fault_reason", "delivery_mode").inOrder();
        }
    }

    @Test
    void nothingReachedACpuHasNoDeliveryMode() throws Exception {
        assertThat(delivery(Delivery.notSent())).isEqualTo(json("{'outcome': 'not_sent', 'kernel': null, 'cpu': null,"
                + " 'vector': null, 'virq': null, 'fault_reason': null, 'delivery_mode': null}"));
        assertThat(delivery(Delivery.memoryWrite())).isEqualTo(json("{'outcome': 'memory_write', 'kernel': null,"
                + " 'cpu': null, 'vector': null, 'virq': null, 'fault_reason': null, 'delivery_mode': null}"));
        assertThat(delivery(new Delivery.Fault(FaultReason.VTD_COMPAT_BLOCKED))).isEqualTo(json("{'outcome': 'fault',"
                + " 'kernel': null, 'cpu': null, 'vector': null, 'virq': null, 'fault_reason': '0x25',"
                + " 'delivery_mode': null}"));
        assertThat(delivery(new Delivery.Fault(FaultReason.AMDVI_IO_PAGE_FAULT)).get("fault_reason").asText())
                .isEqualTo("IO_PAGE_FAULT");
    }

    @Test
    void aDeliveredInterruptNamesItsHandlerInFixedMode() throws Exception {
        assertThat(delivery(new Delivery.Delivered("vm0", 0, 0x21, 24))).isEqualTo(json("{'outcome': 'delivered',"
                + " 'kernel': 'vm0', 'cpu': 0, 'vector': 33, 'virq': 24, 'fault_reason': null, 'delivery_mode': 'fixed'}"));
    }

    @Test
    void aSpecialModeIsDeliveredToAHostCpuWithoutVectorOrVirq() throws Exception {
        assertThat(delivery(new Delivery.Special(1, DeliveryMode.NMI))).isEqualTo(json("{'outcome': 'delivered',"
                + " 'kernel': 'host', 'cpu': 1, 'vector': null, 'virq': null, 'fault_reason': null,"
                + " 'delivery_mode': 'nmi'}"));
        for (DeliveryMode mode : DeliveryMode.SPECIAL) {
            assertThat(delivery(new Delivery.Special(0, mode)).get("delivery_mode").asText()).isEqualTo(mode.keyword());
        }
    }

    @Test
    void aSpuriousHitNamesTheCpuAndVectorItHadOrNull() throws Exception {
        assertThat(delivery(new Delivery.Spurious(OptionalInt.of(1), 0x05))).isEqualTo(json("{'outcome': 'spurious',"
                + " 'kernel': null, 'cpu': 1, 'vector': 5, 'virq': null, 'fault_reason': null, 'delivery_mode': 'fixed'}"));
        assertThat(delivery(new Delivery.Spurious(OptionalInt.empty(), 0x21))).isEqualTo(json("{'outcome': 'spurious',"
                + " 'kernel': null, 'cpu': null, 'vector': 33, 'virq': null, 'fault_reason': null,"
                + " 'delivery_mode': 'fixed'}"));
        assertThat(delivery(new Delivery.Spurious(OptionalInt.empty(), OptionalInt.empty(), DeliveryMode.INIT)))
                .isEqualTo(json("{'outcome': 'spurious', 'kernel': null, 'cpu': null, 'vector': null, 'virq': null,"
                        + " 'fault_reason': null, 'delivery_mode': 'init'}"));
    }

    @Test
    void aBroadcastNamesNoCpuAndOnlyASpecialOneNamesTheHost() throws Exception {
        assertThat(delivery(new Delivery.Broadcast(OptionalInt.of(0x21), DeliveryMode.FIXED))).isEqualTo(json(
                "{'outcome': 'broadcast', 'kernel': null, 'cpu': null, 'vector': 33, 'virq': null,"
                        + " 'fault_reason': null, 'delivery_mode': 'fixed'}"));
        assertThat(delivery(new Delivery.Broadcast(OptionalInt.empty(), DeliveryMode.SMI))).isEqualTo(json(
                "{'outcome': 'broadcast', 'kernel': 'host', 'cpu': null, 'vector': null, 'virq': null,"
                        + " 'fault_reason': null, 'delivery_mode': 'smi'}"));
    }

    private static final Finding NO_REMAPPING = new Finding("vm0", "vf", Means.DMA, "host", FindingClass.NO_REMAPPING,
            DeliveryMode.SPECIAL, Message.of(0xFEE0_0000L, 0), RequesterId.parse("03:00.1"),
            List.of("vm0 programs the DMA of vf", "no remapping: host CPU 0, vector 0x00"));
    private static final Finding SHARED = new Finding("vm1", "adi2", Means.IMS, "vm0", FindingClass.SHARED_REQUESTER_ID,
            List.of(), Message.of(0xFEE0_0018L, 1), RequesterId.parse("0001:03:00.0"), List.of("one step"));

    @Test
    void findingsNameMeansClassSpecialModesAndTheRequesterId() throws Exception {
        IsolationReport report = new IsolationReport("P", ExpectedVerdict.BREACH, List.of(NO_REMAPPING, SHARED),
                List.of());
        JsonNode platform = reparse(ReportJson.verification(List.of(report))).get(0);

        assertThat(keys(platform)).containsExactly("platform", "isolated", "findings", "assignments").inOrder();
        assertThat(platform.get("isolated").asBoolean()).isFalse();
        JsonNode first = platform.get("findings").get(0);
        assertThat(keys(first)).containsExactly("guest", "device", "means", "victim", "class", "special", "message",
                "requester_id", "path").inOrder();
        assertThat(first).isEqualTo(json("{'guest': 'vm0', 'device': 'vf', 'means': 'dma', 'victim': 'host',"
                + " 'class': 'no-remapping', 'special': ['smi', 'nmi', 'init', 'extint'],"
                + " 'message': {'address': '0x00000000fee00000', 'data': '0x00000000'}, 'requester_id': '03:00.1',"
                + " 'path': ['vm0 programs the DMA of vf', 'no remapping: host CPU 0, vector 0x00']}"));
        assertThat(platform.get("findings").get(1)).isEqualTo(json("{'guest': 'vm1', 'device': 'adi2', 'means': 'ims',"
                + " 'victim': 'vm0', 'class': 'shared-requester-id', 'special': [],"
                + " 'message': {'address': '0x00000000fee00018', 'data': '0x00000001'},"
                + " 'requester_id': '0001:03:00.0', 'path': ['one step']}"));
    }

    @Test
    void everyFindingClassHasItsWord() {
        List<String> words = new ArrayList<>();
        for (FindingClass findingClass : FindingClass.values()) {
            Finding finding = new Finding("vm0", "vf", Means.DMA, "host", findingClass, List.of(),
                    Message.of(0xFEE0_0000L, 0), RequesterId.parse("03:00.1"), List.of());
            JsonNode platform = ReportJson.verification(List.of(
                    new IsolationReport("P", ExpectedVerdict.BREACH, List.of(finding), List.of()))).get(0);
            words.add(platform.get("findings").get(0).get("class").asText());
        }
        assertThat(words).containsExactly("no-remapping", "compatibility-format", "source-check-off",
                "source-check-bus", "shared-requester-id").inOrder();
    }

    @Test
    void assignmentsCarryLinuxsVerdictBesideTheExactOne() throws Exception {
        Assignment bridged = new Assignment("vm0", "fw", RequesterId.parse("05:00.0"), Optional.of("dmar0"), true,
                false, false);
        Assignment trapped = new Assignment("vm1", "adi", RequesterId.parse("03:00.0"), Optional.empty(), false, true,
                true);
        IsolationReport report = new IsolationReport("P", ExpectedVerdict.ISOLATED, List.of(),
                List.of(bridged, trapped));
        JsonNode platform = reparse(ReportJson.verification(List.of(report))).get(0);

        assertThat(platform.get("isolated").asBoolean()).isTrue();
        assertThat(platform.get("findings").size()).isEqualTo(0);
        assertThat(keys(platform.get("assignments").get(0))).containsExactly("guest", "device", "linux_isolated_msi",
                "vfio_group_viable", "isolated").inOrder();
        assertThat(platform.get("assignments")).isEqualTo(json("[{'guest': 'vm0', 'device': 'fw',"
                + " 'linux_isolated_msi': true, 'vfio_group_viable': false, 'isolated': false},"
                + " {'guest': 'vm1', 'device': 'adi', 'linux_isolated_msi': false, 'vfio_group_viable': true,"
                + " 'isolated': true}]"));
    }

    @Test
    void aPlatformWithoutAssignmentsHasAnEmptyList() {
        JsonNode platform = ReportJson.verification(List.of(
                new IsolationReport("P", ExpectedVerdict.ISOLATED, List.of(), List.of()))).get(0);
        assertThat(platform.get("assignments").isArray()).isTrue();
        assertThat(platform.get("assignments").size()).isEqualTo(0);
    }

    @Test
    void bootTimeInterruptsAreAnAddedKeyAfterTheStacksAndAbsentWithoutThem() throws Exception {
        var fault = new dev.irqtopo.runtime.sim.BootInterrupt("dmar0 fault event", 24, 0, 0, 0x21, OptionalInt.empty(),
                Message.of(0xFEE0_1004L, 0x21));
        var pin = new dev.irqtopo.runtime.sim.BootInterrupt("ioapic0 pin 2", 0, 0, 0, 0x30, OptionalInt.of(1),
                Message.remappableWithoutSubHandle(1, 2));
        JsonNode printed = reparse(ReportJson.simulation(List.of(new SimulationReport("P", List.of(), List.of(fault, pin)))));
        assertThat(printed.get(0)).isEqualTo(json("{'platform': 'P', 'stacks': [], 'boot': ["
                + "{'source': 'dmar0 fault event', 'virq': 24, 'cpu': 0, 'apic_id': 0, 'vector': 33, 'remap_index': null,"
                + " 'composed': {'address': '0x00000000fee01004', 'data': '0x00000021'}},"
                + "{'source': 'ioapic0 pin 2', 'virq': 0, 'cpu': 0, 'apic_id': 0, 'vector': 48, 'remap_index': 1,"
                + " 'composed': {'address': '0x00000000fee00030', 'data': '0x00000002'}}]}"));
        assertThat(reparse(ReportJson.simulation(List.of(new SimulationReport("P", List.of())))).get(0).has("boot"))
                .isFalse();
    }
}
