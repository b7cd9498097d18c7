package dev.irqtopo.testing;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.model.StorageKind.MSI;
import static dev.irqtopo.model.StorageKind.MSIX;
import static dev.irqtopo.testing.PlatformBuilder.amdViUnit;
import static dev.irqtopo.testing.PlatformBuilder.device;
import static dev.irqtopo.testing.PlatformBuilder.hypervisorWith;
import static dev.irqtopo.testing.PlatformBuilder.msix;
import static dev.irqtopo.testing.PlatformBuilder.platform;
import static dev.irqtopo.testing.PlatformBuilder.remapStack;
import static dev.irqtopo.testing.PlatformBuilder.stack;
import static dev.irqtopo.testing.PlatformBuilder.vtdUnit;
import static dev.irqtopo.testing.PlatformBuilder.withCompatAllowed;
import static dev.irqtopo.testing.PlatformBuilder.withEntries;
import static dev.irqtopo.testing.PlatformBuilder.withSourceCheck;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.BridgeModel;
import dev.irqtopo.model.BusModel;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.model.SourceCheck;
import dev.irqtopo.runtime.Platform;
import dev.irqtopo.runtime.delivery.Delivery;
import dev.irqtopo.runtime.isolation.FindingClass;
import dev.irqtopo.runtime.message.DeliveryMode;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.remap.FaultReason;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The reference decoder on messages worked out by hand from semantics section 6, so that a slip
 * shared by the reference and the engine (which the oracle would not see) is caught here. The host's
 * first device interrupt takes CPU 0 vector 0x21 and irq 24 (section 3: the CPU with the most free
 * vectors, ties to the lowest; the lowest free vector from 0x21; irq numbers from 24).
 */
class ReferenceHardwareTest {

    private static final long BASE = Message.INTERRUPT_BASE;
    private static final Delivery HOST_0X21 = new Delivery.Delivered("host", 0, 0x21, 24);

    /** No IOMMU, xAPIC, CPUs with APIC IDs 0 and 2: APIC ID 1 is a destination nobody has. */
    private static ReferenceHardware noRemapping() {
        PlatformModel model = platform("NoRemapping")
                .apicIds(ApicMode.XAPIC, 0, 2)
                .hypervisor(hypervisorWith(true, false, false, MSI, MSIX))
                .bus("pci0", device("nic", "03:00.0", msix(4)), device("vf", "03:00.1", msix(4)))
                .host(stack("nic", MSIX, 1))
                .guest("vm0", 1, List.of("vf"))
                .build();
        return boot(model);
    }

    @Test
    void compatibilityFormatReadsDestinationVectorAndDeliveryMode() {
        ReferenceHardware hw = noRemapping();
        DeviceModel vf = emitter(hw, "vf");

        assertThat(hw.decode(vf, Message.of(BASE, 0x21))).isEqualTo(HOST_0X21);
        // lowest priority and the reserved 011 and 110 as fixed; bits 31:11 and address bits 11:0 ignored
        assertThat(hw.decode(vf, Message.of(BASE, 0x121))).isEqualTo(HOST_0X21);
        assertThat(hw.decode(vf, Message.of(BASE, 0x321))).isEqualTo(HOST_0X21);
        assertThat(hw.decode(vf, Message.of(BASE, 0x621))).isEqualTo(HOST_0X21);
        assertThat(hw.decode(vf, Message.of(BASE | 0xfef, 0xffff_f821))).isEqualTo(HOST_0X21);
        // special modes ignore the vector
        assertThat(hw.decode(vf, Message.of(BASE, 0x221))).isEqualTo(new Delivery.Special(0, DeliveryMode.SMI));
        assertThat(hw.decode(vf, Message.of(BASE, 0x400))).isEqualTo(new Delivery.Special(0, DeliveryMode.NMI));
        assertThat(hw.decode(vf, Message.of(BASE | 2 << 12, 0x5ff))).isEqualTo(new Delivery.Special(1, DeliveryMode.INIT));
        // APIC ID 1: nobody, in any mode
        assertThat(hw.decode(vf, Message.of(BASE | 1 << 12, 0x21))).isEqualTo(new Delivery.Spurious(OptionalInt.empty(), 0x21));
        assertThat(hw.decode(vf, Message.of(BASE | 1 << 12, 0x700)))
                .isEqualTo(new Delivery.Spurious(OptionalInt.empty(), OptionalInt.empty(), DeliveryMode.EXTINT));
        // an illegal vector and an unowned one on CPU 1 (APIC ID 2): the host's
        assertThat(hw.decode(vf, Message.of(BASE | 2 << 12, 0x0f))).isEqualTo(new Delivery.Spurious(OptionalInt.of(1), 0x0f));
        assertThat(hw.decode(vf, Message.of(BASE | 2 << 12, 0x21))).isEqualTo(new Delivery.Spurious(OptionalInt.of(1), 0x21));
        assertThat(hw.victims(new Delivery.Spurious(OptionalInt.of(1), 0x0f))).containsExactly("host");
        assertThat(hw.victims(new Delivery.Spurious(OptionalInt.empty(), 0x21))).isEmpty();
        assertThat(hw.explain(vf, Message.of(BASE, 0x21)).why()).hasValue(FindingClass.NO_REMAPPING);
    }

    @Test
    void theBroadcastReachesEveryHostCpuAndLowestPriorityOnlyTheFirst() {
        ReferenceHardware hw = noRemapping();
        DeviceModel vf = emitter(hw, "vf");
        long broadcast = BASE | 0xff << 12;

        Delivery fixed = hw.decode(vf, Message.of(broadcast, 0x21));
        assertThat(fixed).isEqualTo(new Delivery.Broadcast(OptionalInt.of(0x21), DeliveryMode.FIXED));
        assertThat(hw.victims(fixed)).containsExactly("host");
        assertThat(hw.decode(vf, Message.of(broadcast, 0x400)))
                .isEqualTo(new Delivery.Broadcast(OptionalInt.empty(), DeliveryMode.NMI));
        assertThat(ReferenceHardware.specialReaching(hw.decode(vf, Message.of(broadcast, 0x400)))).hasValue(DeliveryMode.NMI);
        // lowest priority to everyone: CPU 0, the lowest-numbered
        assertThat(hw.decode(vf, Message.of(broadcast, 0x121))).isEqualTo(HOST_0X21);
        assertThat(hw.decode(vf, Message.of(broadcast, 0x122))).isEqualTo(new Delivery.Spurious(OptionalInt.of(0), 0x22));
    }

    @Test
    void onlyTheInterruptRangeIsAnInterruptWithoutAmdVi() {
        ReferenceHardware hw = noRemapping();
        DeviceModel vf = emitter(hw, "vf");

        for (long address : new long[] {BASE - 1, Message.INTERRUPT_LIMIT + 1, 1L << 32 | BASE, ReferenceHardware.HT_BASE}) {
            assertThat(hw.decode(vf, Message.of(address, 0x21))).isEqualTo(Delivery.memoryWrite());
        }
        assertThat(hw.decode(vf, Message.of(Message.INTERRUPT_LIMIT, 0x21))).isEqualTo(new Delivery.Broadcast(OptionalInt.of(0x21),
                DeliveryMode.FIXED));
    }

    /** VT-d with 16 entries and {@code source_check off}; the host's nic holds entry 0. */
    private static ReferenceHardware vtd(ApicMode apic, boolean compatAllowed) {
        IommuModel unit = withSourceCheck(withEntries(vtdUnit("dmar0"), 16), SourceCheck.OFF);
        PlatformModel model = platform("Vtd")
                .cpus(2, apic)
                .iommu(compatAllowed ? withCompatAllowed(unit) : unit)
                .hypervisor(hypervisorWith(true, false, false, MSI, MSIX))
                .bus("pci0", device("nic", "03:00.0", msix(4)), device("vf", "04:00.1", msix(4)))
                .host(remapStack("nic", MSIX, "dmar0", 1))
                .guest("vm0", 1, List.of("vf"))
                .build();
        return boot(model);
    }

    @Test
    void vtdRemappableFormat() {
        ReferenceHardware hw = vtd(ApicMode.X2APIC, true);
        DeviceModel vf = emitter(hw, "vf");

        // handle 0 without sub-handle: data ignored, bits 1:0 too
        assertThat(hw.decode(vf, Message.of(BASE | 0x13, -1))).isEqualTo(HOST_0X21);
        assertThat(hw.explain(vf, Message.of(BASE | 0x10, 0)).why()).hasValue(FindingClass.SOURCE_CHECK_OFF);
        // sub-handle valid: data 31:16 must be clear; index = handle + sub-handle, modulo 65536
        assertThat(hw.decode(vf, Message.of(BASE | 0x18, 0x1_0000))).isEqualTo(new Delivery.Fault(FaultReason.VTD_RESERVED_FIELD));
        assertThat(hw.decode(vf, Message.of(BASE | 0x18, 0))).isEqualTo(HOST_0X21);
        assertThat(hw.decode(vf, Message.of(BASE | 0x7fff << 5 | 0x1c, 1))).isEqualTo(HOST_0X21);
        // handle bit 15 is address bit 2: index 0x8000, beyond 16 entries
        assertThat(hw.decode(vf, Message.of(BASE | 0x14, 0))).isEqualTo(new Delivery.Fault(FaultReason.VTD_INDEX_BEYOND_TABLE));
        assertThat(hw.decode(vf, Message.of(BASE | 0x18, 16))).isEqualTo(new Delivery.Fault(FaultReason.VTD_INDEX_BEYOND_TABLE));
        assertThat(hw.decode(vf, Message.of(BASE | 1 << 5 | 0x10, 0))).isEqualTo(new Delivery.Fault(FaultReason.VTD_ENTRY_NOT_PRESENT));
        // x2APIC mode blocks compatibility format, compat allowed or not
        assertThat(hw.decode(vf, Message.of(BASE, 0x21))).isEqualTo(new Delivery.Fault(FaultReason.VTD_COMPAT_BLOCKED));
        assertThat(hw.bindingProblems()).isEmpty();
    }

    @Test
    void vtdInXapicModeLetsCompatibilityFormatPassOnlyWhenAllowed() {
        ReferenceHardware allowed = vtd(ApicMode.XAPIC, true);
        ReferenceHardware blocked = vtd(ApicMode.XAPIC, false);

        assertThat(allowed.explain(emitter(allowed, "vf"), Message.of(BASE, 0x21)))
                .isEqualTo(new ReferenceHardware.Decoded(HOST_0X21, Optional.of(FindingClass.COMPATIBILITY_FORMAT)));
        assertThat(blocked.decode(emitter(blocked, "vf"), Message.of(BASE, 0x21)))
                .isEqualTo(new Delivery.Fault(FaultReason.VTD_COMPAT_BLOCKED));
    }

    /**
     * Two functions behind a bridge (secondary bus 5) and one beside it on bus 3; the host's nic,
     * behind the bridge, holds entry 0 (VT-d) or entry 0 of the alias 05:00.0's table (AMD-Vi).
     */
    private static ReferenceHardware bridged(IommuModel unit) {
        BridgeModel bridge = new BridgeModel("br0", RequesterId.of(0, 0x1e, 0), 5);
        DeviceModel nic = new DeviceModel("nic", "pci0", RequesterId.of(5, 1, 0), 0, Optional.empty(), List.of(msix(4)),
                Optional.of(bridge));
        DeviceModel vf = new DeviceModel("vf", "pci0", RequesterId.of(5, 2, 0), 0, Optional.empty(), List.of(msix(4)),
                Optional.of(bridge));
        DeviceModel other = new DeviceModel("other", "pci0", RequesterId.of(3, 0, 0), 0, Optional.empty(), List.of(msix(4)));
        PlatformModel model = platform("Bridged")
                .cpus(2, ApicMode.X2APIC)
                .iommu(unit)
                .hypervisor(hypervisorWith(true, false, false, MSI, MSIX))
                .bus(new BusModel("pci0", List.of(nic, vf, other), List.of(bridge)))
                .host(remapStack("nic", MSIX, "dmar0", 1))
                .guest("vm0", 1, List.of("vf", "other"))
                .build();
        return boot(model);
    }

    @Test
    void aBridgedDeviceIsSeenWithTheAliasAndSharesItsEntries() {
        ReferenceHardware hw = bridged(vtdUnit("dmar0"));

        assertThat(hw.explain(emitter(hw, "vf"), Message.of(BASE | 0x10, 0)))
                .isEqualTo(new ReferenceHardware.Decoded(HOST_0X21, Optional.of(FindingClass.SHARED_REQUESTER_ID)));
        assertThat(hw.decode(emitter(hw, "other"), Message.of(BASE | 0x10, 0)))
                .isEqualTo(new Delivery.Fault(FaultReason.VTD_SOURCE_VALIDATION));
        // the nic's entry checks the bridge's bus range (SVT 10), as Linux binds it
        assertThat(hw.bindingProblems()).isEmpty();
    }

    @Test
    void amdViReadsTheMessageTypeAndTheAliasTable() {
        ReferenceHardware hw = bridged(amdViUnit("dmar0", 512));
        DeviceModel vf = emitter(hw, "vf");

        assertThat(hw.explain(vf, Message.of(BASE | 0xffc, 0xffff_f800)))
                .isEqualTo(new ReferenceHardware.Decoded(HOST_0X21, Optional.of(FindingClass.SHARED_REQUESTER_ID)));
        assertThat(hw.decode(vf, Message.of(ReferenceHardware.HT_BASE, 0))).isEqualTo(HOST_0X21);
        assertThat(hw.decode(vf, Message.of(ReferenceHardware.HT_LIMIT + 1, 0))).isEqualTo(Delivery.memoryWrite());
        assertThat(hw.decode(vf, Message.of(0xFD_0000_0000L, 0))).isEqualTo(Delivery.memoryWrite());
        // type 001 (arbitrated) indexes 0x100..0x1ff: not allocated; the other types are invalid
        assertThat(hw.decode(vf, Message.of(BASE, 0x100))).isEqualTo(new Delivery.Fault(FaultReason.AMDVI_IO_PAGE_FAULT));
        for (int type = 2; type < 8; type++) {
            assertThat(hw.decode(vf, Message.of(BASE, type << 8))).isEqualTo(new Delivery.Fault(FaultReason.AMDVI_INVALID_DEVICE_REQUEST));
        }
        // another requester id has its own, empty table
        assertThat(hw.decode(emitter(hw, "other"), Message.of(BASE, 0))).isEqualTo(new Delivery.Fault(FaultReason.AMDVI_IO_PAGE_FAULT));
        assertThat(hw.bindingProblems()).isEmpty();
    }

    @Test
    void amdViIn2kModeTreatsEveryMessageAsFixed() {
        ReferenceHardware hw = bridged(amdViUnit("dmar0", 2048));
        DeviceModel vf = emitter(hw, "vf");

        assertThat(hw.decode(vf, Message.of(BASE | 0x4, 0x800))).isEqualTo(HOST_0X21);
        assertThat(hw.decode(vf, Message.of(BASE, 0x400))).isEqualTo(new Delivery.Fault(FaultReason.AMDVI_IO_PAGE_FAULT));
        assertThat(hw.decode(vf, Message.of(BASE, 0x7ff))).isEqualTo(new Delivery.Fault(FaultReason.AMDVI_IO_PAGE_FAULT));
    }

    private static ReferenceHardware boot(PlatformModel model) {
        Platform platform = Platform.create(model);
        platform.boot();
        return ReferenceHardware.of(platform);
    }

    private static DeviceModel emitter(ReferenceHardware hw, String name) {
        return hw.model().device(name).orElseThrow();
    }
}
