package dev.irqtopo.runtime.delivery;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.DestinationMode;
import dev.irqtopo.runtime.message.DeliveryMode;
import dev.irqtopo.runtime.remap.AmdViRemapEntry;
import dev.irqtopo.runtime.remap.SourceValidation;
import dev.irqtopo.runtime.remap.VtdRemapEntry;
import dev.irqtopo.runtime.stack.Interrupt;
import dev.irqtopo.runtime.vector.DeviceVectorRange;
import dev.irqtopo.runtime.vector.LogicalDestinations;
import dev.irqtopo.runtime.vector.VectorDomain;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Remap entries whose DM bit is set, as the hardware delivers them where logical destinations are
 * decoded: the CPUs their logical id names, every host CPU for the broadcast id, nobody for an id no
 * CPU holds. No interrupt owns a vector here, so each CPU reached shows as spurious on it.
 */
class LogicalEntryRoutingTest {

    private static Router router(ApicMode apic, DestinationMode mode, int... apicIds) {
        VectorDomain<Interrupt> host = new VectorDomain<>("host", apicIds, false, mode, DeviceVectorRange.DESIGN);
        return new Router(host, Map.of("host", host), Optional.of(LogicalDestinations.of(apicIds, apic, mode)));
    }

    private static VtdRemapEntry vtd(ApicMode apic, int destination, boolean logical) {
        return new VtdRemapEntry(true, 0x30, destination, apic, SourceValidation.NONE, 0, 0, 0, Optional.empty(), logical, true);
    }

    private static Delivery.Spurious on(int cpu) {
        return new Delivery.Spurious(OptionalInt.of(cpu), 0x30);
    }

    @Test
    void aVtdEntryInXapicModeNamesTheCpusOfItsEightBitLogicalId() {
        Router flat = router(ApicMode.XAPIC, DestinationMode.LOGICAL_FLAT, 0x10, 0x20, 0x30);

        assertThat(flat.throughEntry(vtd(ApicMode.XAPIC, 0x04 << 8, true))).isEqualTo(on(2));
        assertThat(flat.throughEntry(vtd(ApicMode.XAPIC, 0x03 << 8, true)))
                .isEqualTo(new Delivery.Multicast(OptionalInt.of(0x30), DeliveryMode.FIXED, List.of(on(0), on(1))));
        assertThat(flat.throughEntry(vtd(ApicMode.XAPIC, 0xFF << 8, true)))
                .isEqualTo(new Delivery.Broadcast(OptionalInt.of(0x30), DeliveryMode.FIXED));
        assertThat(flat.throughEntry(vtd(ApicMode.XAPIC, 0x08 << 8, true))).isEqualTo(new Delivery.Spurious(OptionalInt.empty(), 0x30));
        // with DM clear the destination is an APIC ID, as ever
        assertThat(flat.throughEntry(vtd(ApicMode.XAPIC, 0x20 << 8, false))).isEqualTo(on(1));
    }

    @Test
    void aVtdEntryInX2apicModeNamesTheCpusOfItsClusterAndMask() {
        Router cluster = router(ApicMode.X2APIC, DestinationMode.LOGICAL_CLUSTER, 0x00, 0x11, 0x12);

        assertThat(cluster.throughEntry(vtd(ApicMode.X2APIC, 0x0001_0006, true)))
                .isEqualTo(new Delivery.Multicast(OptionalInt.of(0x30), DeliveryMode.FIXED, List.of(on(1), on(2))));
        assertThat(cluster.throughEntry(vtd(ApicMode.X2APIC, 0x0000_0001, true))).isEqualTo(on(0));
        // an 8-bit 0xFF is no broadcast in x2APIC mode: cluster 0, bits 7:0
        assertThat(cluster.throughEntry(vtd(ApicMode.X2APIC, 0x0000_00FF, true))).isEqualTo(on(0));
        assertThat(cluster.throughEntry(vtd(ApicMode.X2APIC, 0xFFFF_FFFF, true)))
                .isEqualTo(new Delivery.Broadcast(OptionalInt.of(0x30), DeliveryMode.FIXED));
        assertThat(cluster.throughEntry(vtd(ApicMode.X2APIC, 0x0002_0001, true))).isEqualTo(new Delivery.Spurious(OptionalInt.empty(), 0x30));
    }

    @Test
    void anAmdViEntryWithDmSetNamesCpusLikewise() {
        Router flat = router(ApicMode.XAPIC, DestinationMode.LOGICAL_FLAT, 5, 6, 7);

        assertThat(flat.throughEntry(AmdViRemapEntry.enabled(0x30, 0x06, true)))
                .isEqualTo(new Delivery.Multicast(OptionalInt.of(0x30), DeliveryMode.FIXED, List.of(on(1), on(2))));
        assertThat(flat.throughEntry(AmdViRemapEntry.enabled(0x30, 6, false))).isEqualTo(on(1));
    }

    @Test
    void withoutLogicalDecodingTheDmBitIsIgnored() {
        VectorDomain<Interrupt> host = new VectorDomain<>("host", new int[] {0, 1, 2, 3}, false);
        Router design = new Router(host, Map.of("host", host));

        assertThat(design.logicalDestinations()).isEmpty();
        assertThat(design.throughEntry(vtd(ApicMode.XAPIC, 0x03 << 8, true))).isEqualTo(on(3));
    }

    @Test
    void aMulticastHitsWhomEachOfItsCpusDeliveriesHit() {
        Victims victims = new Victims(List.of("host", "vm0", "vm1"));
        Delivery multicast = new Delivery.Multicast(OptionalInt.of(0x21), DeliveryMode.FIXED, List.of(
                new Delivery.Delivered("vm1", 0, 0x21, 24), new Delivery.Spurious(OptionalInt.of(1), 0x21),
                new Delivery.Delivered("vm1", 1, 0x22, 25)));

        assertThat(victims.all(multicast)).asList().containsExactly(0, 2).inOrder();
        assertThat(victims.of(multicast)).isEqualTo(Victims.HOST);
        assertThat(victims.all(new Delivery.Delivered("vm0", 0, 0x21, 24))).asList().containsExactly(1);
        assertThat(victims.all(Delivery.memoryWrite())).isEmpty();
        assertThat(multicast.outcome()).isEqualTo("multicast");
        assertThat(multicast.deliveryMode()).hasValue(DeliveryMode.FIXED);
    }
}
