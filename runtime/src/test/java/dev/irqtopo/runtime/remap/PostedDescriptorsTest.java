package dev.irqtopo.runtime.remap;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule that places each guest's posted-interrupt descriptors: one array per guest, 64 bytes per vCPU. */
class PostedDescriptorsTest {

    @Test
    void eachGuestHasAnArrayOf64ByteDescriptorsAbove4GiB() {
        PostedDescriptors descriptors = PostedDescriptors.of(List.of("vm0", "vm1"));

        assertThat(descriptors.address(new PostedTarget("vm0", 0, 0x21))).isEqualTo(0x1_0000_0000L);
        assertThat(descriptors.address(new PostedTarget("vm0", 1, 0x22))).isEqualTo(0x1_0000_0040L);
        assertThat(descriptors.address(new PostedTarget("vm0", 4095, 0x21))).isEqualTo(0x1_0003_ffc0L);
        assertThat(descriptors.address(new PostedTarget("vm1", 0, 0x21))).isEqualTo(0x1_0004_0000L);
        // the vector does not move the descriptor: it is the vCPU's
        assertThat(descriptors.address(new PostedTarget("vm1", 2, 0x40))).isEqualTo(0x1_0004_0080L);
    }

    @Test
    void unknownGuestsAndVcpusBeyondAnyGuestAreRefused() {
        PostedDescriptors descriptors = PostedDescriptors.of(List.of("vm0"));

        assertThrows(IllegalArgumentException.class, () -> descriptors.address(new PostedTarget("vm9", 0, 0x21)));
        assertThrows(IllegalArgumentException.class, () -> descriptors.address(new PostedTarget("vm0", 4096, 0x21)));
        assertThrows(IllegalArgumentException.class, () -> PostedDescriptors.of(List.of("vm0", "vm0")));
    }
}
