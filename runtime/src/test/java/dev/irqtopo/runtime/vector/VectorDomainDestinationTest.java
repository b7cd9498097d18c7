package dev.irqtopo.runtime.vector;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.irqtopo.model.DestinationMode;
import dev.irqtopo.runtime.message.Message;
import org.junit.jupiter.api.Test;

/** How a vector domain names its CPUs in the messages it composes, per destination mode. */
class VectorDomainDestinationTest {

    @Test
    void physicalModeNamesTheApicIdAsEver() {
        VectorDomain<String> domain = new VectorDomain<>("host", new int[] {4, 0x100}, false, DestinationMode.PHYSICAL,
                DeviceVectorRange.DESIGN);

        assertThat(domain.destinationId(0)).isEqualTo(4);
        assertThat(domain.compatibilityCpus().contains(1)).isFalse();
        VectorAllocation irq = domain.allocate(domain.compatibilityCpus(), "nic");
        assertThat(domain.compose(irq)).isEqualTo(Message.compatibility(4, 0x21));
    }

    @Test
    void flatModeNamesCpuNByTheBit1ShiftedByN() {
        VectorDomain<String> domain = new VectorDomain<>("host", new int[] {0x40, 0x41, 0x42}, false,
                DestinationMode.LOGICAL_FLAT, DeviceVectorRange.DESIGN);
        CpuSet third = new CpuSet(3);
        third.add(2);

        assertThat(domain.destinationId(2)).isEqualTo(0x04);
        VectorAllocation irq = domain.allocate(third, "nic");
        assertThat(domain.compose(irq)).isEqualTo(Message.of(0xFEE0_4004L, 0x21));
        assertThrows(IllegalArgumentException.class, () -> new VectorDomain<>("host", new int[9], false,
                DestinationMode.LOGICAL_FLAT, DeviceVectorRange.DESIGN));
    }

    @Test
    void clusterModeNamesTheX2apicLogicalIdAndCompatibilityFormatCarriesOnlyClusterZerosLowByte() {
        VectorDomain<String> domain = new VectorDomain<>("host", new int[] {0x07, 0x08, 0x10}, false,
                DestinationMode.LOGICAL_CLUSTER, new DeviceVectorRange(0x20, 0xEA));

        assertThat(domain.destinationId(0)).isEqualTo(0x80);
        assertThat(domain.destinationId(1)).isEqualTo(0x100);
        assertThat(domain.destinationId(2)).isEqualTo(0x0001_0001);
        assertThat(domain.compatibilityCpus().toString()).isEqualTo("{0}");
        VectorAllocation irq = domain.allocate(domain.compatibilityCpus(), "nic");
        assertThat(domain.compose(irq)).isEqualTo(Message.of(0xFEE8_0004L, 0x20));
        assertThat(domain.deviceVectors()).isEqualTo(new DeviceVectorRange(0x20, 0xEA));
    }
}
