package dev.irqtopo.runtime.remap;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.IommuKind;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.model.SourceCheck;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RemapDomainTest {

    private static final RequesterId NIC = RequesterId.of(3, 0, 0);
    private static final RequesterId OTHER = RequesterId.of(3, 0, 1);
    private static final DeviceModel NIC_DEVICE = device("nic", NIC);
    private static final DeviceModel OTHER_DEVICE = device("other", OTHER);

    /** A device without storages, which is all a remap domain asks of it. */
    private static DeviceModel device(String name, RequesterId requesterId) {
        return new DeviceModel(name, "pci0", requesterId, 0, Optional.empty(), List.of());
    }

    /** What a test took from a domain, freed newest first as a failed request is rolled back. */
    private static final class Taken {
        private final RemapDomain domain;
        private final Deque<Runnable> frees = new ArrayDeque<>();

        Taken(RemapDomain domain) {
            this.domain = domain;
        }

        int allocate(DeviceModel device, int count) {
            int base = domain.allocate(device, count);
            if (base >= 0) {
                frees.push(() -> domain.free(device, base, count));
            }
            return base;
        }

        void rollback() {
            while (!frees.isEmpty()) {
                frees.pop().run();
            }
        }
    }

    private static IommuModel vtd(int entries, SourceCheck check, boolean compatAllowed) {
        return new IommuModel("dmar0", IommuKind.VTD, true, entries, check, compatAllowed, false, List.of());
    }

    private static IommuModel amdvi(int entries) {
        return new IommuModel("ivhd0", IommuKind.AMDVI, true, entries, SourceCheck.FULL, false, false, List.of());
    }

    private static Translation translate(RemapDomain domain, RequesterId requester, long address, int data) {
        return domain.translate(requester, address, data, null);
    }

    private static FaultReason fault(Translation translation) {
        assertThat(translation).isInstanceOf(Translation.Blocked.class);
        return ((Translation.Blocked) translation).reason();
    }

    @Test
    void vtdTakesTheLowestFreeEntriesAndReportsExhaustionAsEnomem() {
        VtdRemapDomain domain = new VtdRemapDomain(vtd(4, SourceCheck.FULL, false), ApicMode.X2APIC);
        Taken taken = new Taken(domain);

        assertThat(taken.allocate(NIC_DEVICE, 1)).isEqualTo(0);
        assertThat(taken.allocate(NIC_DEVICE, 2)).isEqualTo(2);
        assertThat(taken.allocate(OTHER_DEVICE, 2)).isEqualTo(-1);
        assertThat(domain.exhausted()).isEqualTo(Errno.ENOMEM);
        taken.rollback();
        assertThat(domain.allocate(OTHER_DEVICE, 4)).isEqualTo(0);
    }

    @Test
    void vtdComposesTheRemappableFormatWithTheBlockBaseAsHandleAndTheMessageNumberAsSubHandle() {
        VtdRemapDomain domain = new VtdRemapDomain(vtd(65536, SourceCheck.FULL, false), ApicMode.X2APIC);

        assertThat(domain.compose(4, 0)).isEqualTo(Message.of(0xFEE0_0098L, 0));
        assertThat(domain.compose(4, 3)).isEqualTo(Message.of(0xFEE0_0098L, 3));
        assertThat(domain.compose(0x8000, 0)).isEqualTo(Message.of(0xFEE0_001CL, 0));
    }

    @Test
    void vtdRemapsAPresentEntryWhoseSourceMatches() {
        VtdRemapDomain domain = new VtdRemapDomain(vtd(256, SourceCheck.FULL, false), ApicMode.X2APIC);
        Taken taken = new Taken(domain);
        int index = taken.allocate(NIC_DEVICE, 1);
        domain.program(NIC_DEVICE, index, 0x21, 7, Optional.empty());
        List<String> trace = new ArrayList<>();

        Translation t = domain.translate(NIC, 0xFEE0_0018L, 0, trace);

        assertThat(t).isEqualTo(new Translation.Remapped(0,
                VtdRemapEntry.remapped(0x21, 7, ApicMode.X2APIC, SourceCheck.FULL, NIC)));
        assertThat(trace).containsExactly("dmar0: remappable, handle 0, sub-handle 0, index 0",
                "entry 0: SVT 01 SID 03:00.0 matches 03:00.0").inOrder();
    }

    @Test
    void vtdFaultsEveryMalformedOrUnauthorisedRequestWithItsReason() {
        VtdRemapDomain domain = new VtdRemapDomain(vtd(256, SourceCheck.FULL, false), ApicMode.X2APIC);
        Taken taken = new Taken(domain);
        taken.allocate(NIC_DEVICE, 1);
        domain.program(NIC_DEVICE, 0, 0x21, 0, Optional.empty());

        // compatibility format (address bit 4 clear) while blocked
        assertThat(fault(translate(domain, NIC, 0xFEE0_0000L, 0x21))).isEqualTo(FaultReason.VTD_COMPAT_BLOCKED);
        // sub-handle valid with data bits 31:16 set
        assertThat(fault(translate(domain, NIC, 0xFEE0_0018L, 0x1_0000))).isEqualTo(FaultReason.VTD_RESERVED_FIELD);
        // handle 300 (300 << 5 = 0x2580) beyond 256 entries
        assertThat(fault(translate(domain, NIC, 0xFEE0_2590L, 0))).isEqualTo(FaultReason.VTD_INDEX_BEYOND_TABLE);
        // handle 0 + sub-handle 1: entry 1 never filled
        assertThat(fault(translate(domain, NIC, 0xFEE0_0018L, 1))).isEqualTo(FaultReason.VTD_ENTRY_NOT_PRESENT);
        // another function of the same device
        assertThat(fault(translate(domain, OTHER, 0xFEE0_0018L, 0))).isEqualTo(FaultReason.VTD_SOURCE_VALIDATION);
        // the same bus/device/function in another segment
        assertThat(fault(translate(domain, RequesterId.of(1, 3, 0, 0), 0xFEE0_0010L, 0)))
                .isEqualTo(FaultReason.VTD_SOURCE_VALIDATION);
    }

    @Test
    void vtdAddsTheSubHandleToTheHandleModulo65536AndIgnoresDataWithoutASubHandle() {
        VtdRemapDomain domain = new VtdRemapDomain(vtd(65536, SourceCheck.OFF, false), ApicMode.XAPIC);
        Taken taken = new Taken(domain);
        taken.allocate(NIC_DEVICE, 2);
        domain.program(NIC_DEVICE, 1, 0x30, 2, Optional.empty());

        // handle 0xFFFF: bits 14:0 all ones (address 0xFFFE0) and bit 15 at address bit 2
        long handleFfff = 0xFEE0_0000L | 0x7FFFL << 5 | 0x18 | 0x4;
        Translation wrapped = translate(domain, OTHER, handleFfff, 2);
        Translation plain = translate(domain, OTHER, 0xFEE0_0030L, 0xFFFF_FFFF);

        assertThat(((Translation.Remapped) wrapped).index()).isEqualTo(1);
        assertThat(((Translation.Remapped) plain).index()).isEqualTo(1);
        assertThat(((VtdRemapEntry) ((Translation.Remapped) plain).entry()).destination()).isEqualTo(0x200);
    }

    @Test
    void vtdLetsCompatibilityFormatPassWhenAllowed() {
        VtdRemapDomain domain = new VtdRemapDomain(vtd(256, SourceCheck.FULL, true), ApicMode.XAPIC);

        assertThat(translate(domain, NIC, 0xFEE0_1000L, 0x21)).isEqualTo(new Translation.Compatibility());
    }

    @Test
    void vtdPostedEntriesCarryTheGuestTarget() {
        VtdRemapDomain domain = new VtdRemapDomain(vtd(256, SourceCheck.FULL, false), ApicMode.X2APIC);
        Taken taken = new Taken(domain);
        taken.allocate(NIC_DEVICE, 1);
        domain.program(NIC_DEVICE, 0, 0x22, 1, Optional.of(new PostedTarget("vm0", 1, 0x21)));

        VtdRemapEntry entry = (VtdRemapEntry) domain.entry(NIC, 0).orElseThrow();
        assertThat(entry.posted()).hasValue(new PostedTarget("vm0", 1, 0x21));
        taken.rollback();
        assertThat(domain.entry(NIC, 0)).isEmpty();
    }

    @Test
    void vtdLowestMessageToAnEntryIsTheLowerOfHandleAloneAndHandleZeroWithSubHandle() {
        VtdRemapDomain domain = new VtdRemapDomain(vtd(65536, SourceCheck.FULL, false), ApicMode.X2APIC);
        Taken taken = new Taken(domain);
        assertThat(taken.allocate(NIC_DEVICE, 1)).isEqualTo(0);
        assertThat(taken.allocate(NIC_DEVICE, 2)).isEqualTo(2);
        assertThat(taken.allocate(NIC_DEVICE, 0x8000)).isEqualTo(0x8000);
        for (int index : new int[] {0, 2, 0x8000}) {
            domain.program(NIC_DEVICE, index, 0x21, 0, Optional.empty());
        }

        List<Message> lowest = new ArrayList<>();
        for (int index : new int[] {0, 2, 0x8000}) {
            Message message = Message.of(VtdRemapDomain.lowestAddressTo(index), VtdRemapDomain.lowestDataTo(index));
            assertThat(((Translation.Remapped) translate(domain, NIC, message.address(), message.data())).index()).isEqualTo(index);
            lowest.add(message);
        }
        assertThat(lowest).containsExactly(
                Message.of(0xFEE0_0010L, 0),   // entry 0: handle 0 alone
                Message.of(0xFEE0_0018L, 2),   // entry 2: handle 0, sub-handle 2 (0xFEE00050 alone is higher)
                Message.of(0xFEE0_0014L, 0))   // entry 0x8000: handle bit 15 is address bit 2
                .inOrder();
    }

    @Test
    void amdViKeepsATablePerRequesterIdAndReportsExhaustionAsEnospc() {
        AmdViRemapDomain domain = new AmdViRemapDomain(amdvi(2));
        Taken taken = new Taken(domain);

        assertThat(taken.allocate(NIC_DEVICE, 1)).isEqualTo(0);
        assertThat(taken.allocate(OTHER_DEVICE, 1)).isEqualTo(0);
        assertThat(taken.allocate(NIC_DEVICE, 1)).isEqualTo(1);
        assertThat(taken.allocate(NIC_DEVICE, 1)).isEqualTo(-1);
        assertThat(domain.exhausted()).isEqualTo(Errno.ENOSPC);
    }

    @Test
    void amdViComposesTheIndexAsDataAndMarks2KTables() {
        assertThat(new AmdViRemapDomain(amdvi(512)).compose(4, 1)).isEqualTo(Message.of(0xFEE0_0000L, 5));
        assertThat(new AmdViRemapDomain(amdvi(2048)).compose(4, 1)).isEqualTo(Message.of(0xFEE0_0004L, 5));
    }

    @Test
    void amdViIndexesTheDevicesOwnTableWithDataBits10To0() {
        AmdViRemapDomain domain = new AmdViRemapDomain(amdvi(512));
        Taken taken = new Taken(domain);
        taken.allocate(NIC_DEVICE, 2);
        domain.program(NIC_DEVICE, 1, 0x21, 3, Optional.empty());

        Translation t = translate(domain, NIC, 0xFEE0_0000L, 0xFFFF_F801);

        assertThat(t).isEqualTo(new Translation.Remapped(1, AmdViRemapEntry.enabled(0x21, 3)));
        assertThat(fault(translate(domain, NIC, 0xFEE0_0000L, 0))).isEqualTo(FaultReason.AMDVI_IO_PAGE_FAULT);
        assertThat(fault(translate(domain, NIC, 0xFEE0_0000L, 0x1FF))).isEqualTo(FaultReason.AMDVI_IO_PAGE_FAULT);
        assertThat(fault(translate(domain, OTHER, 0xFEE0_0000L, 1))).isEqualTo(FaultReason.AMDVI_IO_PAGE_FAULT);
    }

    @Test
    void amdViRemapsOnlyFixedAndArbitratedMessagesInTablesOf512EntriesAndEveryMessageIn2KMode() {
        for (int entries : new int[] {512, 2048}) {
            AmdViRemapDomain domain = new AmdViRemapDomain(amdvi(entries));
            Taken taken = new Taken(domain);
            for (int i = 0; i < entries; i++) {
                assertThat(taken.allocate(NIC_DEVICE, 1)).isEqualTo(i);
                domain.program(NIC_DEVICE, i, 0x21, 0, Optional.empty());
            }
            for (int type = 0; type < 8; type++) {
                int data = type << 8 | 5;
                Translation t = translate(domain, NIC, 0xFEE0_0000L, data);
                if (type <= 1 || entries > 512) {
                    assertThat(((Translation.Remapped) t).index()).isEqualTo(data & 0x7FF);
                } else {
                    // SMI, NMI, INIT, ExtINT and the reserved types: no pass bits, no remapping
                    assertThat(fault(t)).isEqualTo(FaultReason.AMDVI_INVALID_DEVICE_REQUEST);
                }
            }
        }
    }

    @Test
    void amdViPlacesAMultiMessageBlockInAnAlignedWindowAndTakesOnlyItsMessages() {
        AmdViRemapDomain domain = new AmdViRemapDomain(amdvi(512));
        Taken taken = new Taken(domain);

        assertThat(taken.allocate(NIC_DEVICE, 1)).isEqualTo(0);
        // three messages enable four: the window starts at a multiple of four, its fourth entry stays free
        assertThat(taken.allocate(NIC_DEVICE, 3)).isEqualTo(4);
        assertThat(taken.allocate(NIC_DEVICE, 1)).isEqualTo(1);
        assertThat(taken.allocate(NIC_DEVICE, 1)).isEqualTo(2);
        assertThat(taken.allocate(NIC_DEVICE, 1)).isEqualTo(3);
        assertThat(taken.allocate(NIC_DEVICE, 1)).isEqualTo(7);
        taken.rollback();
        assertThat(domain.allocate(NIC_DEVICE, 4)).isEqualTo(0);
    }

    @Test
    void vtdTakesTheWholePowerOfTwoBlockForAMultiMessageRequest() {
        VtdRemapDomain domain = new VtdRemapDomain(vtd(16, SourceCheck.FULL, false), ApicMode.X2APIC);
        Taken taken = new Taken(domain);

        assertThat(taken.allocate(NIC_DEVICE, 1)).isEqualTo(0);
        assertThat(taken.allocate(NIC_DEVICE, 3)).isEqualTo(4);
        assertThat(taken.allocate(NIC_DEVICE, 1)).isEqualTo(1);
        assertThat(taken.allocate(NIC_DEVICE, 4)).isEqualTo(8);
        assertThat(taken.allocate(NIC_DEVICE, 1)).isEqualTo(2);
        assertThat(taken.allocate(NIC_DEVICE, 1)).isEqualTo(3);
        assertThat(taken.allocate(NIC_DEVICE, 1)).isEqualTo(12);
    }

    @Test
    void vtdBlocksCompatibilityFormatInX2apicModeWhateverCompatSays() {
        VtdRemapDomain x2apic = new VtdRemapDomain(vtd(256, SourceCheck.FULL, true), ApicMode.X2APIC);
        VtdRemapDomain xapic = new VtdRemapDomain(vtd(256, SourceCheck.FULL, true), ApicMode.XAPIC);

        assertThat(fault(translate(x2apic, NIC, 0xFEE0_1000L, 0x21))).isEqualTo(FaultReason.VTD_COMPAT_BLOCKED);
        assertThat(x2apic.passesCompatibility()).isFalse();
        assertThat(translate(xapic, NIC, 0xFEE0_1000L, 0x21)).isEqualTo(new Translation.Compatibility());
        assertThat(xapic.passesCompatibility()).isTrue();
    }

    @Test
    void vtdBindsTheEntriesOfABridgedDeviceToTheBridgesSecondaryBus() {
        DeviceModel uart = new DeviceModel("uart", "pci0", RequesterId.of(5, 1, 0), 0, Optional.empty(), List.of(),
                Optional.of(new dev.irqtopo.model.BridgeModel("pcibr", RequesterId.of(0, 0x1e, 0), 5)));
        for (SourceCheck check : SourceCheck.values()) {
            VtdRemapDomain domain = new VtdRemapDomain(vtd(16, check, false), ApicMode.X2APIC);
            Taken taken = new Taken(domain);
            taken.allocate(uart, 1);
            domain.program(uart, 0, 0x21, 0, Optional.empty());
            VtdRemapEntry entry = (VtdRemapEntry) domain.entry(RequesterId.of(5, 0, 0), 0).orElseThrow();

            assertThat(entry.svt()).isEqualTo(check == SourceCheck.OFF ? SourceValidation.NONE : SourceValidation.BUS_RANGE);
            assertThat(entry.accepts(RequesterId.of(5, 0, 0))).isTrue();         // the alias every device on bus 05 sends
            assertThat(entry.accepts(RequesterId.of(6, 0, 0))).isEqualTo(check == SourceCheck.OFF);
        }
    }
}
