package dev.irqtopo.model;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

class KernelProfileTest {

    @Test
    void linuxChoosesFlatLogicalForAtMostEightXapicCpusUntil610() {
        assertThat(KernelProfile.LINUX_6_1.hostDestinationMode(ApicMode.XAPIC, 8, false)).isEqualTo(DestinationMode.LOGICAL_FLAT);
        assertThat(KernelProfile.LINUX_6_1.hostDestinationMode(ApicMode.XAPIC, 9, false)).isEqualTo(DestinationMode.PHYSICAL);
        assertThat(KernelProfile.LINUX_6_6.hostDestinationMode(ApicMode.XAPIC, 4, true)).isEqualTo(DestinationMode.LOGICAL_FLAT);
        assertThat(KernelProfile.LINUX_6_12.hostDestinationMode(ApicMode.XAPIC, 4, false)).isEqualTo(DestinationMode.PHYSICAL);
        assertThat(KernelProfile.LINUX_6_19.hostDestinationMode(ApicMode.XAPIC, 1, false)).isEqualTo(DestinationMode.PHYSICAL);
    }

    @Test
    void x2apicIsClusterLogicalWithRemappingAndPhysicalWithout() {
        for (KernelProfile linux : new KernelProfile[] {KernelProfile.LINUX_6_1, KernelProfile.LINUX_6_12, KernelProfile.LINUX_6_19}) {
            assertThat(linux.hostDestinationMode(ApicMode.X2APIC, 4, true)).isEqualTo(DestinationMode.LOGICAL_CLUSTER);
            assertThat(linux.hostDestinationMode(ApicMode.X2APIC, 4, false)).isEqualTo(DestinationMode.PHYSICAL);
            assertThat(linux.guestDestinationMode()).isEqualTo(DestinationMode.PHYSICAL);
        }
    }

    @Test
    void theDesignProfileKeepsPhysicalDestinationsAndDecodesLogicalAsPhysical() {
        assertThat(KernelProfile.DESIGN.hostDestinationMode(ApicMode.XAPIC, 2, false)).isEqualTo(DestinationMode.PHYSICAL);
        assertThat(KernelProfile.DESIGN.hostDestinationMode(ApicMode.X2APIC, 2, true)).isEqualTo(DestinationMode.PHYSICAL);
        assertThat(KernelProfile.DESIGN.decodesLogicalDestinations()).isFalse();
        assertThat(KernelProfile.DESIGN.vtdRedirectionHint()).isFalse();
        assertThat(KernelProfile.LINUX_6_1.decodesLogicalDestinations()).isTrue();
        assertThat(KernelProfile.LINUX_6_1.vtdRedirectionHint()).isTrue();
    }

    @Test
    void vectorRangesFollowTheSystemVectorsOfEachRelease() {
        assertThat(KernelProfile.DESIGN.firstDeviceVector()).isEqualTo(0x21);
        assertThat(KernelProfile.LINUX_6_1.firstDeviceVector()).isEqualTo(0x21);
        assertThat(KernelProfile.LINUX_6_6.firstDeviceVector()).isEqualTo(0x20);
        assertThat(KernelProfile.LINUX_6_6.lastDeviceVector()).isEqualTo(0xEB);
        assertThat(KernelProfile.LINUX_6_12.lastDeviceVector()).isEqualTo(0xEA);
        assertThat(KernelProfile.DESIGN.lastDeviceVector()).isEqualTo(0xEB);
    }

    @Test
    void namesReadBothWays() {
        for (KernelProfile profile : KernelProfile.values()) {
            assertThat(KernelProfile.ofWord(profile.word())).hasValue(profile);
            assertThat(KernelProfile.ofWord(profile.words())).hasValue(profile);
        }
        assertThat(KernelProfile.of("linux", "6.6")).hasValue(KernelProfile.LINUX_6_6);
        assertThat(KernelProfile.of("design", "")).hasValue(KernelProfile.DESIGN);
        assertThat(KernelProfile.of("linux", "5.10")).isEmpty();
        assertThat(KernelProfile.LINUX_6_12.word()).isEqualTo("linux-6.12");
        assertThat(KernelProfile.LINUX_6_12.words()).isEqualTo("linux 6.12");
    }

    @Test
    void x2apicLogicalIdsNameTheClusterAndOneBit() {
        assertThat(DestinationMode.x2apicLogicalId(0)).isEqualTo(0x0000_0001);
        assertThat(DestinationMode.x2apicLogicalId(0x13)).isEqualTo(0x0001_0008);
        assertThat(DestinationMode.x2apicLogicalId(0x1F)).isEqualTo(0x0001_8000);
    }

    @Test
    void faultEventsWaitForDmaRemappingIn612And619() {
        assertThat(KernelProfile.DESIGN.requestsFaultEventsWhenDmaRemappingStarts()).isFalse();
        assertThat(KernelProfile.LINUX_6_1.requestsFaultEventsWhenDmaRemappingStarts()).isFalse();
        assertThat(KernelProfile.LINUX_6_6.requestsFaultEventsWhenDmaRemappingStarts()).isFalse();
        assertThat(KernelProfile.LINUX_6_12.requestsFaultEventsWhenDmaRemappingStarts()).isTrue();
        assertThat(KernelProfile.LINUX_6_19.requestsFaultEventsWhenDmaRemappingStarts()).isTrue();
    }
}
