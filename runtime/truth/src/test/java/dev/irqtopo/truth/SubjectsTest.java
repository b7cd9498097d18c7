package dev.irqtopo.truth;

import static com.google.common.truth.ExpectFailure.expectFailureAbout;
import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.truth.IrqtopoTruth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.truth.ExpectFailure;
import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.runtime.AllocatedInterrupt;
import dev.irqtopo.runtime.Allocation;
import dev.irqtopo.runtime.delivery.Delivery;
import dev.irqtopo.runtime.message.DeliveryMode;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.remap.FaultReason;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.isolation.Assignment;
import dev.irqtopo.runtime.isolation.Finding;
import dev.irqtopo.runtime.isolation.FindingClass;
import dev.irqtopo.runtime.isolation.Means;
import dev.irqtopo.model.ExpectedVerdict;
import dev.irqtopo.runtime.isolation.IsolationReport;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Each subject passes on what it claims and fails, saying why, on anything else. */
class SubjectsTest {

    private static final Delivery DELIVERED = new Delivery.Delivered("vm0", 1, 0x21, 25);
    private static final Delivery NMI = new Delivery.Special(1, DeliveryMode.NMI);
    private static final Delivery SMI_BROADCAST = new Delivery.Broadcast(OptionalInt.empty(), DeliveryMode.SMI);

    @Test
    void messageSubjectReadsBothFormats() {
        assertThat(Message.compatibility(3, 0x21)).isCompatibilityFormat();
        assertThat(Message.compatibility(3, 0x21)).hasDestination(3);
        assertThat(Message.compatibility(3, 0x21)).hasVector(0x21);
        assertThat(Message.remappable(4, 2)).isRemappable();
        assertThat(Message.remappable(4, 2)).hasAddress(0xFEE0_0098L);
        assertThat(Message.remappable(4, 2)).hasData(2);

        AssertionError wrongFormat = expectFailureAbout(MessageSubject.messages(),
                t -> t.that(Message.compatibility(3, 0x21)).isRemappable());
        assertThat(wrongFormat).hasMessageThat().contains("remappable format");
        AssertionError wrongAddress = expectFailureAbout(MessageSubject.messages(),
                t -> t.that(Message.remappable(4, 2)).hasAddress(0xFEE0_0018L));
        assertThat(wrongAddress).hasMessageThat().contains("0x00000000fee00098");
    }

    @Test
    void deliverySubjectNamesTheOutcome() {
        assertThat(DELIVERED).isDeliveredTo("vm0", 1, 0x21);
        assertThat(DELIVERED).isDeliveredTo("vm0", 1, 0x21, 25);
        assertThat(new Delivery.Fault(FaultReason.VTD_SOURCE_VALIDATION)).isFault("0x26");
        assertThat(new Delivery.Spurious(OptionalInt.of(2), 0x40)).isSpuriousOn(2, 0x40);
        assertThat(new Delivery.Spurious(OptionalInt.empty(), 0x40)).reachesNoCpu();
        assertThat(Delivery.notSent()).isNotSent();
        assertThat(Delivery.memoryWrite()).isMemoryWrite();

        AssertionError otherKernel = expectFailureAbout(DeliverySubject.deliveries(),
                t -> t.that(DELIVERED).isDeliveredTo("host", 1, 0x21));
        assertThat(otherKernel).hasMessageThat().contains("host");
        AssertionError notAFault = expectFailureAbout(DeliverySubject.deliveries(), t -> t.that(DELIVERED).isFault("0x26"));
        assertThat(notAFault).hasMessageThat().contains("but was delivered");
        expectFailureAbout(DeliverySubject.deliveries(), t -> t.that(Delivery.memoryWrite()).isNotSent());
        expectFailureAbout(DeliverySubject.deliveries(), t -> t.that(DELIVERED).isSpurious());
        AssertionError otherVector = expectFailureAbout(DeliverySubject.deliveries(),
                t -> t.that(new Delivery.Spurious(OptionalInt.of(2), 0x40)).isSpuriousOn(2, 0x41));
        assertThat(otherVector).hasMessageThat().contains("vector()");
        AssertionError someCpu = expectFailureAbout(DeliverySubject.deliveries(),
                t -> t.that(new Delivery.Spurious(OptionalInt.of(2), 0x40)).reachesNoCpu());
        assertThat(someCpu).hasMessageThat().contains("cpu()");
    }

    @Test
    void deliverySubjectNamesTheDeliveryMode() {
        assertThat(NMI).hasDeliveryMode("nmi");
        assertThat(DELIVERED).hasDeliveryMode("fixed");
        assertThat(new Delivery.Spurious(OptionalInt.empty(), OptionalInt.empty(), DeliveryMode.INIT))
                .hasDeliveryMode("init");
        assertThat(SMI_BROADCAST).hasDeliveryMode("smi");

        AssertionError otherMode = expectFailureAbout(DeliverySubject.deliveries(), t -> t.that(NMI).hasDeliveryMode("smi"));
        ExpectFailure.assertThat(otherMode).factValue("expected delivery mode").isEqualTo("smi");
        ExpectFailure.assertThat(otherMode).factValue("but the mode was").isEqualTo("nmi");
        AssertionError none = expectFailureAbout(DeliverySubject.deliveries(),
                t -> t.that(new Delivery.Fault(FaultReason.VTD_COMPAT_BLOCKED)).hasDeliveryMode("fixed"));
        assertThat(none).hasMessageThat().contains("but was fault, which reaches no CPU and has none");
        assertThrows(IllegalArgumentException.class, () -> assertThat(NMI).hasDeliveryMode("lowest"));
    }

    @Test
    void deliverySubjectTellsSpecialModesFromHandlers() {
        assertThat(NMI).isSpecial();
        assertThat(NMI).isSpecialOn(1, "nmi");

        AssertionError handler = expectFailureAbout(DeliverySubject.deliveries(), t -> t.that(NMI).isDeliveredTo("host", 1, 0x21));
        assertThat(handler).hasMessageThat().contains("expected outcome: delivered (fixed)");
        assertThat(handler).hasMessageThat().contains("but was delivered (nmi)");
        AssertionError notSpecial = expectFailureAbout(DeliverySubject.deliveries(), t -> t.that(DELIVERED).isSpecial());
        assertThat(notSpecial).hasMessageThat().contains("but was delivered (fixed)");
        AssertionError otherMode = expectFailureAbout(DeliverySubject.deliveries(), t -> t.that(NMI).isSpecialOn(1, "init"));
        assertThat(otherMode).hasMessageThat().contains("mode()");
        AssertionError otherCpu = expectFailureAbout(DeliverySubject.deliveries(), t -> t.that(NMI).isSpecialOn(0, "nmi"));
        assertThat(otherCpu).hasMessageThat().contains("cpu()");
    }

    @Test
    void deliverySubjectTellsBroadcasts() {
        Delivery fixed = new Delivery.Broadcast(OptionalInt.of(0x21), DeliveryMode.FIXED);
        assertThat(fixed).isBroadcast();
        assertThat(fixed).isBroadcast(0x21);
        assertThat(SMI_BROADCAST).isBroadcast();

        AssertionError notBroadcast = expectFailureAbout(DeliverySubject.deliveries(), t -> t.that(DELIVERED).isBroadcast());
        assertThat(notBroadcast).hasMessageThat().contains("expected outcome: broadcast");
        AssertionError otherVector = expectFailureAbout(DeliverySubject.deliveries(), t -> t.that(fixed).isBroadcast(0x22));
        assertThat(otherVector).hasMessageThat().contains("vector()");
        AssertionError noVector = expectFailureAbout(DeliverySubject.deliveries(),
                t -> t.that(SMI_BROADCAST).isBroadcast(0x21));
        assertThat(noVector).hasMessageThat().contains("OptionalInt.empty");
    }

    @Test
    void allocationSubjectTellsSuccessFromErrno() {
        Allocation one = Allocation.of(List.of(new AllocatedInterrupt(0, 24, 0, 0x21, OptionalInt.empty(), Message.compatibility(0, 0x21))));
        Allocation failed = Allocation.failed(Errno.ENOSPC);

        assertThat(one).succeeded();
        assertThat(one).succeededWith(1);
        assertThat(failed).failedWith(Errno.ENOSPC);

        AssertionError unexpected = expectFailureAbout(AllocationSubject.allocations(), t -> t.that(failed).succeeded());
        assertThat(unexpected).hasMessageThat().contains("ENOSPC");
        expectFailureAbout(AllocationSubject.allocations(), t -> t.that(failed).failedWith(Errno.ENOMEM));
        expectFailureAbout(AllocationSubject.allocations(), t -> t.that(one).failedWith(Errno.ENOMEM));
    }

    private static final Finding SHARED = new Finding("vm0", "adi1", Means.IMS, "vm1", FindingClass.SHARED_REQUESTER_ID,
            List.of(), Message.of(0xFEE0_0018L, 2), RequesterId.parse("03:00.0"), List.of("step"));
    private static final Finding RABBIT = new Finding("vm0", "vf", Means.DMA, "host", FindingClass.NO_REMAPPING,
            DeliveryMode.SPECIAL, Message.of(0xFEE0_0000L, 0), RequesterId.parse("03:00.1"), List.of("step"));

    @Test
    void isolationReportSubjectFindsBreachesByGuestAndVictim() {
        IsolationReport breached = new IsolationReport("P", ExpectedVerdict.ISOLATED, List.of(SHARED), List.of());
        IsolationReport isolated = new IsolationReport("P", ExpectedVerdict.ISOLATED, List.of(), List.of());

        assertThat(isolated).isIsolated();
        assertThat(breached).isNotIsolated();
        assertThat(breached).hasBreach("vm0", "vm1");
        assertThat(breached).hasBreach("vm0", "vm1", Message.of(0xFEE0_0018L, 2));
        assertThat(breached).hasNoBreach("vm0", "host");
        assertThat(breached).hasFindings(1);

        expectFailureAbout(IsolationReportSubject.isolationReports(), t -> t.that(breached).isIsolated());
        expectFailureAbout(IsolationReportSubject.isolationReports(), t -> t.that(isolated).isNotIsolated());
        AssertionError missing = expectFailureAbout(IsolationReportSubject.isolationReports(),
                t -> t.that(isolated).hasBreach("vm0", "vm1"));
        assertThat(missing).hasMessageThat().contains("expected a breach by: vm0");
        expectFailureAbout(IsolationReportSubject.isolationReports(), t -> t.that(breached).hasNoBreach("vm0", "vm1"));
        expectFailureAbout(IsolationReportSubject.isolationReports(),
                t -> t.that(breached).hasBreach("vm0", "vm1", Message.of(0xFEE0_0010L, 0)));
        expectFailureAbout(IsolationReportSubject.isolationReports(), t -> t.that(breached).hasFindings(2));
    }

    @Test
    void isolationReportSubjectComparesTheVerdictWithTheExpectedOne() {
        assertThat(new IsolationReport("P", ExpectedVerdict.BREACH, List.of(RABBIT), List.of())).isAsExpected();
        assertThat(new IsolationReport("P", ExpectedVerdict.ISOLATED, List.of(), List.of())).isAsExpected();

        AssertionError missingBreach = expectFailureAbout(IsolationReportSubject.isolationReports(),
                t -> t.that(new IsolationReport("P", ExpectedVerdict.BREACH, List.of(), List.of())).isAsExpected());
        ExpectFailure.assertThat(missingBreach).factValue("expected the verdict the platform expects").isEqualTo("breach");
        ExpectFailure.assertThat(missingBreach).factValue("but the verdict was").isEqualTo("isolated");
        AssertionError unexpected = expectFailureAbout(IsolationReportSubject.isolationReports(),
                t -> t.that(new IsolationReport("P", ExpectedVerdict.ISOLATED, List.of(RABBIT), List.of())).isAsExpected());
        ExpectFailure.assertThat(unexpected).factValue("but the verdict was").isEqualTo("breach");
        ExpectFailure.assertThat(unexpected).factValue("findings").isEqualTo("1");
    }

    @Test
    void findingSubjectChecksMeansClassSpecialModesAndRequesterId() {
        IsolationReport report = new IsolationReport("P", ExpectedVerdict.BREACH, List.of(RABBIT, SHARED), List.of());
        assertThat(report).hasBreach("vm0", "host").withDevice("vf").withMeans("dma").withClass("no-remapping")
                .withSpecial("smi", "nmi", "init", "extint").withRequesterId("03:00.1")
                .withMessage(Message.of(0xFEE0_0000L, 0));
        assertThat(report).hasBreach("vm0", "vm1").withMeans("ims").withClass("shared-requester-id").withSpecial();

        AssertionError device = expectFailureAbout(IsolationReportSubject.isolationReports(),
                t -> t.that(report).hasBreach("vm0", "host").withDevice("pf"));
        assertThat(device).hasMessageThat().contains("device()");
        AssertionError means = expectFailureAbout(IsolationReportSubject.isolationReports(),
                t -> t.that(report).hasBreach("vm0", "host").withMeans("msix"));
        assertThat(means).hasMessageThat().contains("means()");
        assertThat(means).hasMessageThat().contains("dma");
        AssertionError findingClass = expectFailureAbout(IsolationReportSubject.isolationReports(),
                t -> t.that(report).hasBreach("vm0", "vm1").withClass("source-check-off"));
        assertThat(findingClass).hasMessageThat().contains("shared-requester-id");
        assertThat(findingClass).hasMessageThat().contains("finding of vm1 by vm0");
        AssertionError special = expectFailureAbout(IsolationReportSubject.isolationReports(),
                t -> t.that(report).hasBreach("vm0", "host").withSpecial("nmi"));
        assertThat(special).hasMessageThat().contains("special()");
        AssertionError order = expectFailureAbout(IsolationReportSubject.isolationReports(),
                t -> t.that(report).hasBreach("vm0", "host").withSpecial("nmi", "smi", "init", "extint"));
        assertThat(order).hasMessageThat().contains("order");
        AssertionError requesterId = expectFailureAbout(IsolationReportSubject.isolationReports(),
                t -> t.that(report).hasBreach("vm0", "host").withRequesterId("03:00.0"));
        assertThat(requesterId).hasMessageThat().contains("03:00.1");
        AssertionError message = expectFailureAbout(IsolationReportSubject.isolationReports(),
                t -> t.that(report).hasBreach("vm0", "host").withMessage(Message.of(0xFEE0_0010L, 0)));
        assertThat(message).hasMessageThat().contains("message()");
        // only the missing breach is reported, not the claims about it
        AssertionError missing = expectFailureAbout(IsolationReportSubject.isolationReports(),
                t -> t.that(report).hasBreach("vm1", "host").withClass("no-remapping"));
        assertThat(missing).hasMessageThat().contains("expected a breach by: vm1");
    }

    @Test
    void assignmentSubjectsSetLinuxsVerdictBesideTheExactOne() {
        Assignment unsafe = new Assignment("vm0", "vf", RequesterId.parse("03:00.1"), Optional.of("dmar0"), true, true,
                false);
        Assignment refused = new Assignment("vm0", "adi", RequesterId.parse("03:00.0"), Optional.empty(), false, true,
                true);
        Assignment split = new Assignment("vm1", "fw", RequesterId.parse("05:00.0"), Optional.of("dmar0"), true, false,
                false);
        IsolationReport report = new IsolationReport("P", ExpectedVerdict.BREACH, List.of(RABBIT),
                List.of(unsafe, refused, split));

        assertThat(report).linuxWronglyAssigns("vf");
        assertThat(report).linuxWronglyRefuses("adi");
        assertThat(report).hasAssignment("vm0", "vf").isNotIsolated().hasIsolatedMsi().hasViableGroup();
        assertThat(report).hasAssignment("vm0", "adi").isIsolated().lacksIsolatedMsi();
        assertThat(report).hasAssignment("vm1", "fw").hasSplitGroup();

        AssertionError safe = expectFailureAbout(IsolationReportSubject.isolationReports(),
                t -> t.that(report).linuxWronglyAssigns("fw"));
        assertThat(safe).hasMessageThat().contains("expected Linux to assign, though not isolated: fw");
        assertThat(safe).hasMessageThat().contains("vfio_group_viable false");
        AssertionError rightlyRefused = expectFailureAbout(IsolationReportSubject.isolationReports(),
                t -> t.that(report).linuxWronglyRefuses("vf"));
        assertThat(rightlyRefused).hasMessageThat().contains("expected Linux to refuse, though isolated: vf");
        AssertionError unassigned = expectFailureAbout(IsolationReportSubject.isolationReports(),
                t -> t.that(report).linuxWronglyAssigns("nic"));
        assertThat(unassigned).hasMessageThat().contains("[vf to vm0, adi to vm0, fw to vm1]");
        AssertionError otherGuest = expectFailureAbout(IsolationReportSubject.isolationReports(),
                t -> t.that(report).hasAssignment("vm1", "vf").isIsolated());
        assertThat(otherGuest).hasMessageThat().contains("expected an assignment of: vf");
        expectFailureAbout(IsolationReportSubject.isolationReports(),
                t -> t.that(report).hasAssignment("vm0", "vf").isIsolated());
        expectFailureAbout(IsolationReportSubject.isolationReports(),
                t -> t.that(report).hasAssignment("vm0", "adi").isNotIsolated());
        expectFailureAbout(IsolationReportSubject.isolationReports(),
                t -> t.that(report).hasAssignment("vm0", "adi").hasIsolatedMsi());
        expectFailureAbout(IsolationReportSubject.isolationReports(),
                t -> t.that(report).hasAssignment("vm0", "vf").lacksIsolatedMsi());
        expectFailureAbout(IsolationReportSubject.isolationReports(),
                t -> t.that(report).hasAssignment("vm1", "fw").hasViableGroup());
        AssertionError whole = expectFailureAbout(IsolationReportSubject.isolationReports(),
                t -> t.that(report).hasAssignment("vm0", "vf").hasSplitGroup());
        assertThat(whole).hasMessageThat().contains("assignment of vf to vm0");
        assertThat(whole).hasMessageThat().contains("vfioGroupViable()");
    }
}
