package dev.irqtopo.runtime.vector;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.DestinationMode;
import org.junit.jupiter.api.Test;

/** Which CPUs a logical destination names, from the logical ids the kernel or the hardware programmed. */
class LogicalDestinationsTest {

    @Test
    void flatModeGivesCpuNTheBit1ShiftedByNWhateverItsApicId() {
        LogicalDestinations flat = LogicalDestinations.of(new int[] {0x40, 0x12, 0x07}, ApicMode.XAPIC, DestinationMode.LOGICAL_FLAT);

        assertThat(flat.flat()).isTrue();
        assertThat(flat.x2apic()).isFalse();
        assertThat(flat.logicalId(2)).isEqualTo(0x04);
        assertThat(flat.named(0x01)).asList().containsExactly(0);
        assertThat(flat.named(0x06)).asList().containsExactly(1, 2).inOrder();
        assertThat(flat.named(0xF8)).isEmpty();
        assertThat(flat.named(0x00)).isEmpty();
        // only the low 8 bits are an xAPIC destination
        assertThat(flat.named(0x102)).asList().containsExactly(1);
        assertThat(flat.lowestCompatibilityDestination(0)).isEqualTo(0x01);
        assertThat(flat.lowestCompatibilityDestination(2)).isEqualTo(0x04);
    }

    @Test
    void physicalXapicModeProgramsNoLogicalIds() {
        LogicalDestinations physical = LogicalDestinations.of(new int[] {0, 1}, ApicMode.XAPIC, DestinationMode.PHYSICAL);

        assertThat(physical.flat()).isFalse();
        assertThat(physical.named(0xFE)).isEmpty();
        assertThat(physical.lowestCompatibilityDestination(0)).isEqualTo(-1);
    }

    @Test
    void flatModeOverMoreThanEightCpusIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class,
                () -> LogicalDestinations.of(new int[9], ApicMode.XAPIC, DestinationMode.LOGICAL_FLAT));
    }

    @Test
    void x2apicLogicalIdsComeFromTheApicIdsWhateverModeTheKernelChose() {
        int[] apicIds = {0x00, 0x03, 0x10, 0x1F, 0x08};
        for (DestinationMode kernel : new DestinationMode[] {DestinationMode.PHYSICAL, DestinationMode.LOGICAL_CLUSTER}) {
            LogicalDestinations x2apic = LogicalDestinations.of(apicIds, ApicMode.X2APIC, kernel);

            assertThat(x2apic.x2apic()).isTrue();
            assertThat(x2apic.logicalId(3)).isEqualTo(0x0001_8000);
            // cluster 0, bits 0 and 3: APIC IDs 0 and 3
            assertThat(x2apic.named(0x0000_0009)).asList().containsExactly(0, 1).inOrder();
            // cluster 1, bits 0 and 15: APIC IDs 0x10 and 0x1F
            assertThat(x2apic.named(0x0001_8001)).asList().containsExactly(2, 3).inOrder();
            assertThat(x2apic.named(0x0002_FFFF)).isEmpty();
            assertThat(x2apic.named(0x0001_0000)).isEmpty();
            // an 8-bit compatibility destination is cluster 0: APIC IDs 0..7 only
            assertThat(x2apic.lowestCompatibilityDestination(1)).isEqualTo(0x08);
            assertThat(x2apic.lowestCompatibilityDestination(4)).isEqualTo(-1);
            assertThat(x2apic.lowestCompatibilityDestination(2)).isEqualTo(-1);
        }
    }

    @Test
    void apicIdsThatDifferOnlyAboveBit19ShareALogicalId() {
        LogicalDestinations x2apic = LogicalDestinations.of(new int[] {0x0010_0001, 0x01}, ApicMode.X2APIC,
                DestinationMode.LOGICAL_CLUSTER);

        assertThat(x2apic.named(0x02)).asList().containsExactly(0, 1).inOrder();
    }
}
