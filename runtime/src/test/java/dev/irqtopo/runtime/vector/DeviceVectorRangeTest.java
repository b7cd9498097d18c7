package dev.irqtopo.runtime.vector;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.irqtopo.model.KernelProfile;
import org.junit.jupiter.api.Test;

/** Each profile's device vectors, and a matrix that hands out exactly those. */
class DeviceVectorRangeTest {

    @Test
    void eachProfileHasTheRangeOfItsVectorMatrix() {
        assertThat(DeviceVectorRange.of(KernelProfile.DESIGN)).isEqualTo(DeviceVectorRange.DESIGN);
        assertThat(DeviceVectorRange.of(KernelProfile.LINUX_6_1)).isEqualTo(new DeviceVectorRange(0x21, 0xEB));
        assertThat(DeviceVectorRange.of(KernelProfile.LINUX_6_6)).isEqualTo(new DeviceVectorRange(0x20, 0xEB));
        assertThat(DeviceVectorRange.of(KernelProfile.LINUX_6_12)).isEqualTo(new DeviceVectorRange(0x20, 0xEA));
        assertThat(DeviceVectorRange.of(KernelProfile.LINUX_6_19)).isEqualTo(new DeviceVectorRange(0x20, 0xEA));
        assertThat(DeviceVectorRange.DESIGN.perCpu()).isEqualTo(202);
        assertThat(DeviceVectorRange.of(KernelProfile.LINUX_6_6).perCpu()).isEqualTo(203);
        assertThat(DeviceVectorRange.of(KernelProfile.LINUX_6_12).perCpu()).isEqualTo(202);
        assertThat(new DeviceVectorRange(0x90, 0xA0).perCpu()).isEqualTo(17);
    }

    @Test
    void theSystemCallVectorIsNeverADevicesAndTheRangeIsInclusive() {
        DeviceVectorRange range = new DeviceVectorRange(0x20, 0xEA);

        assertThat(range.contains(0x20)).isTrue();
        assertThat(range.contains(0xEA)).isTrue();
        assertThat(range.contains(0x1F)).isFalse();
        assertThat(range.contains(0xEB)).isFalse();
        assertThat(range.contains(0x80)).isFalse();
        assertThrows(IllegalArgumentException.class, () -> new DeviceVectorRange(0x1F, 0xEB));
        assertThrows(IllegalArgumentException.class, () -> new DeviceVectorRange(0x30, 0x2F));
        assertThrows(IllegalArgumentException.class, () -> new DeviceVectorRange(0x20, 0xFF));
    }

    @Test
    void aMatrixHandsOutItsRangeLowestFirstAndNothingElse() {
        VectorMatrix matrix = new VectorMatrix(1, DeviceVectorRange.of(KernelProfile.LINUX_6_12));
        CpuSet all = CpuSet.all(1);

        assertThat(matrix.deviceVectorsPerCpu()).isEqualTo(202);
        assertThat(matrix.allocate(all) & 0xFF).isEqualTo(0x20);
        int last = -1;
        for (int i = 1; i < 202; i++) {
            last = matrix.allocate(all) & 0xFF;
        }
        assertThat(last).isEqualTo(0xEA);
        assertThat(matrix.allocate(all)).isEqualTo(-1);
        assertThat(matrix.isAllocated(0, 0xEB)).isFalse();
        assertThrows(IllegalArgumentException.class, () -> matrix.free(0, 0xEB));
        matrix.free(0, 0x20);
        assertThat(matrix.freeVectors(0)).isEqualTo(1);
    }
}
