package dev.irqtopo.truth;

import static com.google.common.truth.ExpectFailure.expectFailureAbout;
import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.truth.IrqtopoTruth.assertThat;

import com.google.common.truth.ExpectFailure;
import dev.irqtopo.model.ExpectedVerdict;
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
import dev.irqtopo.runtime.isolation.IsolationReport;
import dev.irqtopo.runtime.isolation.Means;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The subjects' failures: each claim fails on a value that differs in what it claims (and in that
 * only), and on no value at all each fails once, saying what it expected, without a
 * NullPointerException; the subjects a claim returns stay usable after a failure.
 */
class SubjectFailuresTest {

    private static final Delivery DELIVERED = new Delivery.Delivered("vm0", 1, 0x21, 25);
    private static final Delivery NMI = new Delivery.Special(1, DeliveryMode.NMI);

    private static AssertionError messageFailure(ExpectFailure.SimpleSubjectBuilderCallback<MessageSubject, Message> claim) {
        return expectFailureAbout(MessageSubject.messages(), claim);
    }

    private static AssertionError deliveryFailure(ExpectFailure.SimpleSubjectBuilderCallback<DeliverySubject, Delivery> claim) {
        return expectFailureAbout(DeliverySubject.deliveries(), claim);
    }

    private static AssertionError allocationFailure(
            ExpectFailure.SimpleSubjectBuilderCallback<AllocationSubject, Allocation> claim) {
        return expectFailureAbout(AllocationSubject.allocations(), claim);
    }

    private static AssertionError reportFailure(
            ExpectFailure.SimpleSubjectBuilderCallback<IsolationReportSubject, IsolationReport> claim) {
        return expectFailureAbout(IsolationReportSubject.isolationReports(), claim);
    }

    @Test
    void everyMessageClaimFailsOnceOnNoMessage() {
        List<ExpectFailure.SimpleSubjectBuilderCallback<MessageSubject, Message>> claims = List.of(
                t -> t.that(null).hasAddress(0xFEE0_0000L),
                t -> t.that(null).hasData(0),
                t -> t.that(null).isRemappable(),
                t -> t.that(null).isCompatibilityFormat(),
                t -> t.that(null).hasDestination(0),
                t -> t.that(null).hasVector(0x21),
                t -> t.that(null).hasHandle(0),
                t -> t.that(null).hasSubHandle(0));
        for (ExpectFailure.SimpleSubjectBuilderCallback<MessageSubject, Message> claim : claims) {
            assertThat(messageFailure(claim)).hasMessageThat().contains("expected a message");
        }
    }

    @Test
    void messageClaimsFailOnTheFieldTheyName() {
        Message compat = Message.compatibility(3, 0x21);
        Message remappable = Message.remappable(0x8004, 2);

        assertThat(messageFailure(t -> t.that(compat).hasData(0x22))).hasMessageThat().contains("dataHex()");
        assertThat(messageFailure(t -> t.that(remappable).isCompatibilityFormat())).hasMessageThat()
                .contains("expected the compatibility format (address bit 4 clear)");
        assertThat(messageFailure(t -> t.that(compat).hasDestination(4))).hasMessageThat().contains("destination()");
        assertThat(messageFailure(t -> t.that(compat).hasVector(0x22))).hasMessageThat().contains("vector()");
        assertThat(messageFailure(t -> t.that(remappable).hasHandle(4))).hasMessageThat().contains("handle()");
        assertThat(messageFailure(t -> t.that(remappable).hasSubHandle(3))).hasMessageThat().contains("subHandle()");
        assertThat(messageFailure(t -> t.that(Message.remappableWithoutSubHandle(4, 2)).hasSubHandle(2)))
                .hasMessageThat().contains("expected a valid sub-handle (address bit 3 set)");

        // and pass on the value they describe: handle bit 15 travels in address bit 2
        assertThat(remappable).hasHandle(0x8004);
        assertThat(remappable).hasSubHandle(2);
        assertThat(compat).hasData(0x21);
    }

    @Test
    void everyDeliveryClaimFailsOnceOnNoDelivery() {
        List<ExpectFailure.SimpleSubjectBuilderCallback<DeliverySubject, Delivery>> claims = List.of(
                t -> t.that(null).isDeliveredTo("host", 0, 0x21),
                t -> t.that(null).isDeliveredTo("host", 0, 0x21, 24),
                t -> t.that(null).isSpecial(),
                t -> t.that(null).isSpecialOn(0, "nmi"),
                t -> t.that(null).isFault("0x26"),
                t -> t.that(null).isSpurious(),
                t -> t.that(null).isSpuriousOn(0, 0x21),
                t -> t.that(null).reachesNoCpu(),
                t -> t.that(null).isBroadcast(),
                t -> t.that(null).isBroadcast(0x21),
                t -> t.that(null).isNotSent(),
                t -> t.that(null).isMemoryWrite());
        for (ExpectFailure.SimpleSubjectBuilderCallback<DeliverySubject, Delivery> claim : claims) {
            assertThat(deliveryFailure(claim)).hasMessageThat().contains("but was no delivery");
        }
        assertThat(deliveryFailure(t -> t.that(null).hasDeliveryMode("fixed"))).hasMessageThat()
                .contains("expected a delivery");
    }

    @Test
    void deliveryClaimsFailOnTheFieldTheyName() {
        assertThat(deliveryFailure(t -> t.that(DELIVERED).isDeliveredTo("vm0", 0, 0x21))).hasMessageThat().contains("cpu()");
        assertThat(deliveryFailure(t -> t.that(DELIVERED).isDeliveredTo("vm0", 1, 0x22))).hasMessageThat()
                .contains("vector()");
        assertThat(deliveryFailure(t -> t.that(DELIVERED).isDeliveredTo("vm0", 1, 0x21, 26))).hasMessageThat()
                .contains("virq()");
        assertThat(deliveryFailure(t -> t.that(DELIVERED).isDeliveredTo("vm1", 1, 0x21, 25))).hasMessageThat()
                .contains("kernel()");
        // the four-argument form on another outcome reports that outcome, once
        assertThat(deliveryFailure(t -> t.that(NMI).isDeliveredTo("host", 1, 0x21, 25))).hasMessageThat()
                .contains("but was delivered (nmi)");

        assertThat(deliveryFailure(t -> t.that(new Delivery.Fault(FaultReason.VTD_SOURCE_VALIDATION)).isFault("0x25")))
                .hasMessageThat().contains("faultReason()");
        assertThat(deliveryFailure(t -> t.that(DELIVERED).isSpecialOn(1, "nmi"))).hasMessageThat()
                .contains("expected outcome: delivered (special mode)");
        assertThat(deliveryFailure(t -> t.that(DELIVERED).isSpuriousOn(1, 0x21))).hasMessageThat()
                .contains("expected outcome: spurious");
        assertThat(deliveryFailure(t -> t.that(new Delivery.Spurious(OptionalInt.of(2), 0x40)).isSpuriousOn(3, 0x40)))
                .hasMessageThat().contains("cpu()");
        assertThat(deliveryFailure(t -> t.that(DELIVERED).reachesNoCpu())).hasMessageThat()
                .contains("expected outcome: spurious");
        assertThat(deliveryFailure(t -> t.that(DELIVERED).isBroadcast(0x21))).hasMessageThat()
                .contains("expected outcome: broadcast");
        assertThat(deliveryFailure(t -> t.that(Delivery.notSent()).isMemoryWrite())).hasMessageThat()
                .contains("but was not_sent");
    }

    @Test
    void everyAllocationClaimFailsOnceOnNoResult() {
        assertThat(allocationFailure(t -> t.that(null).succeeded())).hasMessageThat()
                .contains("expected an allocation result");
        assertThat(allocationFailure(t -> t.that(null).succeededWith(1))).hasMessageThat()
                .contains("expected an allocation result");
        assertThat(allocationFailure(t -> t.that(null).failedWith(Errno.ENOSPC))).hasMessageThat()
                .contains("expected an allocation result");
    }

    @Test
    void succeededWithChecksSuccessThenTheCount() {
        Allocation one = Allocation.of(List.of(
                new AllocatedInterrupt(0, 24, 0, 0x21, OptionalInt.empty(), Message.compatibility(0, 0x21))));
        Allocation failed = Allocation.failed(Errno.ENOSPC);

        AssertionError notAllocated = allocationFailure(t -> t.that(failed).succeededWith(1));
        assertThat(notAllocated).hasMessageThat().contains("expected to succeed, but failed with");
        assertThat(notAllocated).hasMessageThat().contains("ENOSPC");
        assertThat(allocationFailure(t -> t.that(one).succeededWith(2))).hasMessageThat().contains("interrupts()");
        assertThat(allocationFailure(t -> t.that(failed).failedWith(Errno.EBUSY))).hasMessageThat().contains("errno()");
    }

    private static final Finding RABBIT = new Finding("vm0", "vf", Means.DMA, "host", FindingClass.NO_REMAPPING,
            DeliveryMode.SPECIAL, Message.of(0xFEE0_0000L, 0), RequesterId.parse("03:00.1"), List.of("step"));
    private static final Assignment UNSAFE = new Assignment("vm0", "vf", RequesterId.parse("03:00.1"),
            Optional.of("dmar0"), true, true, false);
    private static final Assignment REFUSED = new Assignment("vm0", "adi", RequesterId.parse("03:00.0"), Optional.empty(),
            false, true, true);
    private static final Assignment SPLIT = new Assignment("vm1", "fw", RequesterId.parse("05:00.0"), Optional.of("dmar0"),
            true, false, false);
    private static final IsolationReport REPORT = new IsolationReport("P", ExpectedVerdict.BREACH, List.of(RABBIT),
            List.of(UNSAFE, REFUSED, SPLIT));

    @Test
    void everyReportClaimFailsOnceOnNoReport() {
        List<ExpectFailure.SimpleSubjectBuilderCallback<IsolationReportSubject, IsolationReport>> claims = List.of(
                t -> t.that(null).isIsolated(),
                t -> t.that(null).isNotIsolated(),
                t -> t.that(null).isAsExpected(),
                t -> t.that(null).hasBreach("vm0", "host").withDevice("vf"),
                t -> t.that(null).hasBreach("vm0", "host", Message.of(0xFEE0_0000L, 0)),
                t -> t.that(null).hasNoBreach("vm0", "host"),
                t -> t.that(null).hasFindings(0),
                t -> t.that(null).hasAssignment("vm0", "vf").isIsolated(),
                t -> t.that(null).linuxWronglyAssigns("vf"),
                t -> t.that(null).linuxWronglyRefuses("vf"));
        for (ExpectFailure.SimpleSubjectBuilderCallback<IsolationReportSubject, IsolationReport> claim : claims) {
            assertThat(reportFailure(claim)).hasMessageThat().contains("expected an isolation report");
        }
    }

    @Test
    void claimsAboutAMissingFindingOrAssignmentReportOnlyThatItIsMissing() {
        AssertionError noFinding = reportFailure(t -> t.that(REPORT).hasBreach("vm1", "host").withDevice("vf")
                .withMeans("dma").withClass("no-remapping").withSpecial().withMessage(Message.of(0xFEE0_0000L, 0))
                .withRequesterId("03:00.1").withDevice("vf"));
        assertThat(noFinding).hasMessageThat().contains("expected a breach by: vm1");

        AssertionError noAssignment = reportFailure(t -> t.that(REPORT).hasAssignment("vm1", "nic").isIsolated()
                .isNotIsolated().hasIsolatedMsi().lacksIsolatedMsi().hasViableGroup().hasSplitGroup().isIsolated());
        assertThat(noAssignment).hasMessageThat().contains("expected an assignment of: nic");
        assertThat(noAssignment).hasMessageThat().contains("[vf to vm0, adi to vm0, fw to vm1]");

        AssertionError unassigned = reportFailure(t -> t.that(REPORT).linuxWronglyRefuses("nic"));
        assertThat(unassigned).hasMessageThat().contains("expected an assignment of: nic");
    }

    @Test
    void claimsChainOnFindingsAndAssignments() {
        assertThat(REPORT).hasBreach("vm0", "host").withMessage(Message.of(0xFEE0_0000L, 0)).withRequesterId("03:00.1")
                .withDevice("vf");
        assertThat(REPORT).hasAssignment("vm0", "vf").hasViableGroup().hasIsolatedMsi().isNotIsolated();
        assertThat(REPORT).hasAssignment("vm0", "adi").lacksIsolatedMsi().isIsolated();
        assertThat(REPORT).hasAssignment("vm1", "fw").hasSplitGroup().isNotIsolated();
    }

    @Test
    void linuxsVerdictFailuresGiveAllThreeVerdicts() {
        AssertionError refusedAssigns = reportFailure(t -> t.that(REPORT).linuxWronglyAssigns("adi"));
        ExpectFailure.assertThat(refusedAssigns).factValue("but the verdicts were")
                .isEqualTo("isolated, linux_isolated_msi false, vfio_group_viable true");
        AssertionError unsafeRefused = reportFailure(t -> t.that(REPORT).linuxWronglyRefuses("vf"));
        ExpectFailure.assertThat(unsafeRefused).factValue("but the verdicts were")
                .isEqualTo("not isolated, linux_isolated_msi true, vfio_group_viable true");
    }
}
