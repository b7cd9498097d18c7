package dev.irqtopo.truth;

import static com.google.common.truth.Truth.assertAbout;

import dev.irqtopo.runtime.Allocation;
import dev.irqtopo.runtime.arm64.Arm64Outcome;
import dev.irqtopo.runtime.arm64.isolation.Arm64IsolationReport;
import dev.irqtopo.runtime.delivery.Delivery;
import dev.irqtopo.runtime.isolation.IsolationReport;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.riscv64.RiscvOutcome;
import dev.irqtopo.runtime.riscv64.isolation.RiscvIsolationReport;

/** Entry points to the irqtopo subjects: {@code import static dev.irqtopo.truth.IrqtopoTruth.assertThat;}. */
public final class IrqtopoTruth {

    private IrqtopoTruth() {
    }

    public static MessageSubject assertThat(Message actual) {
        return assertAbout(MessageSubject.messages()).that(actual);
    }

    public static DeliverySubject assertThat(Delivery actual) {
        return assertAbout(DeliverySubject.deliveries()).that(actual);
    }

    public static AllocationSubject assertThat(Allocation actual) {
        return assertAbout(AllocationSubject.allocations()).that(actual);
    }

    public static Arm64OutcomeSubject assertThat(Arm64Outcome actual) {
        return assertAbout(Arm64OutcomeSubject.arm64Outcomes()).that(actual);
    }

    public static Arm64IsolationReportSubject assertThat(Arm64IsolationReport actual) {
        return assertAbout(Arm64IsolationReportSubject.arm64IsolationReports()).that(actual);
    }

    public static RiscvOutcomeSubject assertThat(RiscvOutcome actual) {
        return assertAbout(RiscvOutcomeSubject.riscvOutcomes()).that(actual);
    }

    public static RiscvIsolationReportSubject assertThat(RiscvIsolationReport actual) {
        return assertAbout(RiscvIsolationReportSubject.riscvIsolationReports()).that(actual);
    }

    public static IsolationReportSubject assertThat(IsolationReport actual) {
        return assertAbout(IsolationReportSubject.isolationReports()).that(actual);
    }
}
