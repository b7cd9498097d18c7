package dev.irqtopo.runtime.arm64;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.runtime.gic.GicInterrupt;
import dev.irqtopo.runtime.gic.IgnoreReason;
import dev.irqtopo.runtime.gic.ItsCommandError;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * KVM's injection of an MSI into a guest's virtual ITS, as {@code vgic_its_inject_msi} answers it. The
 * platform is {@link Arm64PlatformTest#sriov}: vm0's vITS maps vf0 at DeviceID 8 with an ITT of 4 events
 * (its MSI-X table), events 0 and 1 as LPIs 8192 and 8193 on vCPUs 0 and 1.
 */
class VitsInjectionTest {

    private static final OptionalLong VF0 = OptionalLong.of(8);

    private static GuestIts vm0() {
        Arm64Platform platform = Arm64Platform.create(Arm64PlatformTest.sriov().build());
        platform.boot();
        return platform.guest("vm0").orElseThrow();
    }

    @Test
    void aMappedEventIsRaisedAndKvmReturnsOne() {
        VitsInjection injected = vm0().inject(VF0, Message.of(GuestIts.DOORBELL, 1));
        assertThat(injected).isEqualTo(new VitsInjection.Raised(new GicInterrupt.Lpi(8193, 1)));
        assertThat(injected.kvmReturn()).isEqualTo(1);
        assertThat(injected.ignored()).isEmpty();
    }

    @Test
    void anyAddressInTheItsFramesReachesIt() {
        // KVM finds the ITS by the MMIO region the address falls in, 0x08080000..0x0809ffff
        GuestIts vm0 = vm0();
        assertThat(vm0.inject(VF0, Message.of(0x0808_0000L, 0))).isEqualTo(new VitsInjection.Raised(new GicInterrupt.Lpi(8192, 0)));
        assertThat(vm0.inject(VF0, Message.of(0x0809_fffcL, 0))).isInstanceOf(VitsInjection.Raised.class);
        VitsInjection outside = vm0.inject(VF0, Message.of(0x080a_0000L, 0));
        assertThat(outside).isEqualTo(new VitsInjection.Refused(Errno.EINVAL, IgnoreReason.OUTSIDE_ITS_FRAME));
        assertThat(outside.kvmReturn()).isEqualTo(-22);
        assertThat(vm0.inject(VF0, Message.of(0x0807_fffcL, 0))).isInstanceOf(VitsInjection.Refused.class);
    }

    @Test
    void withoutADeviceIdKvmRefusesTheMsi() {
        assertThat(vm0().inject(OptionalLong.empty(), Message.of(GuestIts.DOORBELL, 0)))
                .isEqualTo(new VitsInjection.Refused(Errno.EINVAL, IgnoreReason.NO_DEVICE_ID));
    }

    @Test
    void everyMissingEntryIsBlockedWithIntUnmappedInterrupt() {
        GuestIts vm0 = vm0();
        // event 2 lies in vf0's ITT of 4 but was never mapped; event 4 lies outside it
        assertThat(vm0.inject(VF0, Message.of(GuestIts.DOORBELL, 2))).isEqualTo(new VitsInjection.Blocked(IgnoreReason.EVENT_ID_UNMAPPED));
        assertThat(vm0.inject(VF0, Message.of(GuestIts.DOORBELL, 4))).isEqualTo(new VitsInjection.Blocked(IgnoreReason.EVENT_ID_OUT_OF_RANGE));
        // 0x10001 has bit 16 set: KVM compares all 32 bits, so it is not event 1
        assertThat(vm0.inject(VF0, Message.of(GuestIts.DOORBELL, 0x1_0001)))
                .isEqualTo(new VitsInjection.Blocked(IgnoreReason.EVENT_ID_BITS_UNSUPPORTED));
        assertThat(vm0.inject(OptionalLong.of(16), Message.of(GuestIts.DOORBELL, 0)))
                .isEqualTo(new VitsInjection.Blocked(IgnoreReason.DEVICE_ID_UNMAPPED));
        assertThat(vm0.inject(OptionalLong.of(0x1_0000), Message.of(GuestIts.DOORBELL, 0)))
                .isEqualTo(new VitsInjection.Blocked(IgnoreReason.DEVICE_ID_TOO_LARGE));
        VitsInjection.Blocked blocked = new VitsInjection.Blocked(IgnoreReason.EVENT_ID_UNMAPPED);
        assertThat(blocked.error()).isEqualTo(ItsCommandError.INT_UNMAPPED_INTERRUPT);
        assertThat(blocked.kvmReturn()).isEqualTo(0);
    }

    @Test
    void aDisabledVitsIsBusy() {
        GuestIts vm0 = vm0();
        vm0.gic().its(GuestIts.NAME).orElseThrow().setEnabled(false);
        VitsInjection injected = vm0.inject(VF0, Message.of(GuestIts.DOORBELL, 1));
        assertThat(injected).isEqualTo(new VitsInjection.Refused(Errno.EBUSY, IgnoreReason.ITS_DISABLED));
        assertThat(injected.kvmReturn()).isEqualTo(-16);
    }

    @Test
    void theGuestsCommandsAreRefusedWithKvmsCodesAtTheVitsLimits() {
        var vits = vm0().gic().its(GuestIts.NAME).orElseThrow();
        // 16 DeviceID bits; an ITT of at most 16 EventID bits; LPIs below 2^16; 2 vCPUs
        assertThat(vits.mapd(0x1_0000, 0, true)).hasValue(ItsCommandError.MAPD_DEVICE_OUT_OF_RANGE);
        assertThat(vits.mapd(16, 16, true)).hasValue(ItsCommandError.MAPD_ITT_SIZE_OUT_OF_RANGE);
        assertThat(vits.mapd(16, 15, true)).isEmpty();
        assertThat(vits.mapti(16, 0, 0x1_0000, 0)).hasValue(ItsCommandError.MAPTI_PHYSICAL_ID_OUT_OF_RANGE);
        assertThat(vits.mapc(2, 2, true)).hasValue(ItsCommandError.MAPC_PROCESSOR_OUT_OF_RANGE);
        assertThat(vits.mapti(24, 0, 8200, 0)).hasValue(ItsCommandError.MAPTI_UNMAPPED_DEVICE);
    }
}
