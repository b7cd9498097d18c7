package dev.irqtopo.cli.report;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.IommuKind;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.model.SourceCheck;
import dev.irqtopo.runtime.AllocatedInterrupt;
import dev.irqtopo.runtime.Allocation;
import dev.irqtopo.runtime.StackResult;
import dev.irqtopo.runtime.delivery.Delivery;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.remap.AmdViIrte;
import dev.irqtopo.runtime.remap.AmdViRemapEntry;
import dev.irqtopo.runtime.remap.FaultReason;
import dev.irqtopo.runtime.remap.PostedDescriptors;
import dev.irqtopo.runtime.remap.PostedTarget;
import dev.irqtopo.runtime.remap.VtdRemapEntry;
import dev.irqtopo.runtime.sim.HostInterrupt;
import dev.irqtopo.runtime.sim.InterruptReport;
import dev.irqtopo.runtime.sim.NotSentReason;
import dev.irqtopo.runtime.sim.RemapTable;
import dev.irqtopo.runtime.sim.SimulationReport;
import dev.irqtopo.runtime.sim.StackReport;
import dev.irqtopo.runtime.sim.TablesReport;
import dev.irqtopo.runtime.sim.TraceReport;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The JSON that {@code trace} and {@code tables} print, and what {@code simulate} adds to §8's interrupt
 * object, from values built by hand: keys in the documented order, absent values as null.
 */
class TraceAndTablesJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode reparse(JsonNode node) throws Exception {
        return JSON.readTree(ReportJson.write(node));
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys;
    }

    private static JsonNode simulatedInterrupt(InterruptReport irq) throws Exception {
        StackReport stack = new StackReport(new StackResult("vm0", "vf", BusDomainKind.MSIX, List.of("vector", "msix"), true,
                Allocation.of(List.of(irq.interrupt()))), List.of(irq));
        return reparse(ReportJson.simulation(List.of(new SimulationReport("P", List.of(stack)))))
                .get(0).get("stacks").get(0).get("interrupts").get(0);
    }

    @Test
    void simulateAddsTheHostInterruptAndWhyNothingWasSentAfterTheSpecifiedKeys() throws Exception {
        AllocatedInterrupt allocated = new AllocatedInterrupt(0, 24, 0, 0x21, OptionalInt.of(4), Message.compatibility(0, 0x21));
        JsonNode sent = simulatedInterrupt(new InterruptReport(allocated, Optional.of(Message.remappable(4, 0)),
                new Delivery.Delivered("vm0", 0, 0x21, 24), Optional.of(new HostInterrupt(28, 4, 6, 0x22, true)),
                Optional.empty()));
        assertThat(keys(sent)).containsExactly("slot", "virq", "cpu", "vector", "remap_index", "composed", "stored",
                "delivery", "host", "not_sent_reason").inOrder();
        assertThat(sent.get("host")).isEqualTo(JSON.readTree(
                "{\"virq\": 28, \"cpu\": 4, \"apic_id\": 6, \"vector\": 34, \"posted\": true}"));
        assertThat(sent.get("not_sent_reason").isNull()).isTrue();

        JsonNode dropped = simulatedInterrupt(new InterruptReport(allocated, Optional.empty(), Delivery.notSent(),
                Optional.empty(), Optional.of(NotSentReason.TRAPPED_STORE_DROPPED)));
        assertThat(dropped.get("host").isNull()).isTrue();
        assertThat(dropped.get("not_sent_reason").asText()).isEqualTo("trapped_store_dropped");
    }

    @Test
    void aTraceCarriesItsStepsAndSimulatesDeliveryObject() throws Exception {
        TraceReport trace = new TraceReport("P", "adi", RequesterId.parse("03:00.0"), Message.of(0xFEE0_0018L, 1),
                List.of("adi emits it", "entry 1: fault"), new Delivery.Fault(FaultReason.VTD_SOURCE_VALIDATION));
        JsonNode node = reparse(TraceJson.traces(List.of(trace))).get(0);

        assertThat(keys(node)).containsExactly("platform", "device", "requester_id", "message", "steps", "delivery")
                .inOrder();
        assertThat(node.get("requester_id").asText()).isEqualTo("03:00.0");
        assertThat(node.get("message")).isEqualTo(JSON.readTree(
                "{\"address\": \"0x00000000fee00018\", \"data\": \"0x00000001\"}"));
        assertThat(node.get("steps").size()).isEqualTo(2);
        assertThat(node.get("delivery")).isEqualTo(reparse(ReportJson.delivery(trace.delivery())));
        assertThat(keys(node.get("delivery"))).containsExactly("outcome", "kernel", "cpu", "vector", "virq",
                "fault_reason", "delivery_mode").inOrder();
    }

    @Test
    void vtdEntriesHaveEveryFieldWithNullForTheOtherFormatsOnes() throws Exception {
        PostedDescriptors descriptors = PostedDescriptors.of(List.of("vm0"));
        VtdRemapEntry remapped = VtdRemapEntry.remapped(0x21, 0x100, ApicMode.X2APIC, SourceCheck.FULL,
                RequesterId.parse("03:00.0"));
        VtdRemapEntry posted = remapped.postedTo(new PostedTarget("vm0", 1, 0x30));
        RemapTable table = new RemapTable("dmar0", IommuKind.VTD, 256, ApicMode.X2APIC, true, List.of(
                new RemapTable.VtdRow(0, remapped, remapped.irte(descriptors)),
                new RemapTable.VtdRow(1, posted, posted.irte(descriptors))));
        JsonNode platform = reparse(TablesJson.tables(List.of(new TablesReport("P", List.of(table))))).get(0);

        assertThat(keys(platform)).containsExactly("platform", "iommus").inOrder();
        JsonNode iommu = platform.get("iommus").get(0);
        assertThat(keys(iommu)).containsExactly("name", "kind", "remapping", "entries").inOrder();
        assertThat(iommu.get("kind").asText()).isEqualTo("vtd");
        List<String> fields = List.of("index", "p", "fpd", "im", "dm", "rh", "tm", "dlm", "avail", "v", "dst", "urg", "vv",
                "pda_low", "pda_high", "pda", "sid", "sq", "svt", "raw");
        JsonNode first = iommu.get("entries").get(0);
        assertThat(keys(first)).containsExactlyElementsIn(fields).inOrder();
        assertThat(first.get("v").asInt()).isEqualTo(0x21);
        assertThat(first.get("dst").asLong()).isEqualTo(0x100);
        assertThat(first.get("vv").isNull()).isTrue();
        assertThat(first.get("sid").asInt()).isEqualTo(0x0300);
        assertThat(first.get("raw")).isEqualTo(JSON.readTree(
                "{\"high\": \"0x0000000000040300\", \"low\": \"0x0000010000210001\"}"));

        JsonNode second = iommu.get("entries").get(1);
        assertThat(keys(second)).containsExactlyElementsIn(fields).inOrder();
        assertThat(second.get("im").asInt()).isEqualTo(1);
        assertThat(second.get("v").isNull()).isTrue();
        assertThat(second.get("dst").isNull()).isTrue();
        assertThat(second.get("vv").asInt()).isEqualTo(0x30);
        assertThat(second.get("pda").asText()).isEqualTo("0x0000000100000040");
        assertThat(second.get("pda_low").asInt()).isEqualTo(1);
        assertThat(second.get("pda_high").asInt()).isEqualTo(1);
    }

    @Test
    void amdViEntriesNameTheirTableAndHaveRawOnlyInTheBasicFormat() throws Exception {
        AmdViRemapEntry fits = AmdViRemapEntry.enabled(0x21, 3);
        AmdViRemapEntry wide = AmdViRemapEntry.enabled(0x22, 0x100);
        RemapTable table = new RemapTable("ivhd0", IommuKind.AMDVI, 512, ApicMode.X2APIC, true, List.of(
                new RemapTable.AmdViRow(RequesterId.parse("03:00.0"), 0, fits, Optional.of(AmdViIrte.of(fits))),
                new RemapTable.AmdViRow(RequesterId.parse("03:00.0"), 1, wide, Optional.empty())));
        JsonNode entries = reparse(TablesJson.tables(List.of(new TablesReport("P", List.of(table)))))
                .get(0).get("iommus").get(0).get("entries");

        List<String> fields = List.of("table", "index", "remap_en", "sup_iopf", "int_type", "rq_eoi", "dm", "guest_mode",
                "destination", "vector", "raw");
        assertThat(keys(entries.get(0))).containsExactlyElementsIn(fields).inOrder();
        assertThat(entries.get(0).get("raw").asText()).isEqualTo("0x00210301");
        assertThat(entries.get(0).get("destination").asInt()).isEqualTo(3);
        assertThat(keys(entries.get(1))).containsExactlyElementsIn(fields).inOrder();
        assertThat(entries.get(1).get("raw").isNull()).isTrue();
        assertThat(entries.get(1).get("int_type").isNull()).isTrue();
        assertThat(entries.get(1).get("destination").asInt()).isEqualTo(0x100);
    }
}
