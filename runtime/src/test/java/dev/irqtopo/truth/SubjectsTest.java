package dev.irqtopo.truth;

import static com.google.common.truth.ExpectFailure.expectFailureAbout;
import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.truth.IrqtopoTruth.assertThat;

import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.runtime.AllocatedInterrupt;
import dev.irqtopo.runtime.Allocation;
import dev.irqtopo.runtime.Delivery;
import dev.irqtopo.runtime.Errno;
import dev.irqtopo.runtime.FaultReason;
import dev.irqtopo.runtime.Message;
import dev.irqtopo.runtime.isolation.Finding;
import dev.irqtopo.runtime.isolation.FindingClass;
import dev.irqtopo.runtime.isolation.Means;
import dev.irqtopo.model.ExpectedVerdict;
import dev.irqtopo.runtime.isolation.IsolationReport;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Each subject passes on what it claims and fails, saying why, on anything else. */
class SubjectsTest {

    private static final Delivery DELIVERED = new Delivery.Delivered("vm0", 1, 0x21, 25);

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

    @Test
    void isolationReportSubjectFindsBreachesByGuestAndVictim() {
        Finding breach = new Finding("vm0", "adi1", Means.IMS, "vm1", FindingClass.SHARED_REQUESTER_ID, List.of(), Message.of(0xFEE0_0018L, 2),
                RequesterId.parse("03:00.0"), List.of("step"));
        IsolationReport breached = new IsolationReport("P", ExpectedVerdict.ISOLATED, List.of(breach), List.of());
        IsolationReport isolated = new IsolationReport("P", ExpectedVerdict.ISOLATED, List.of(), List.of());

        assertThat(isolated).isIsolated();
        assertThat(breached).isNotIsolated();
        assertThat(breached).hasBreach("vm0", "vm1");
        assertThat(breached).hasBreach("vm0", "vm1", Message.of(0xFEE0_0018L, 2));
        assertThat(breached).hasNoBreach("vm0", "host");
        assertThat(breached).hasFindings(1);

        expectFailureAbout(IsolationReportSubject.isolationReports(), t -> t.that(breached).isIsolated());
        expectFailureAbout(IsolationReportSubject.isolationReports(), t -> t.that(isolated).hasBreach("vm0", "vm1"));
        expectFailureAbout(IsolationReportSubject.isolationReports(), t -> t.that(breached).hasNoBreach("vm0", "vm1"));
        expectFailureAbout(IsolationReportSubject.isolationReports(),
                t -> t.that(breached).hasBreach("vm0", "vm1", Message.of(0xFEE0_0010L, 0)));
    }
}
