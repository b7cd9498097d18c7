package dev.irqtopo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irqtopo.cli.report.Arm64TraceJson;
import dev.irqtopo.cli.report.RiscvTraceJson;
import dev.irqtopo.cli.report.TraceJson;
import dev.irqtopo.model.Arm64PlatformModel;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.PlatformDesign;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.RiscvPlatformModel;
import dev.irqtopo.runtime.arm64.sim.Arm64TraceReport;
import dev.irqtopo.runtime.arm64.sim.Arm64TraceText;
import dev.irqtopo.runtime.arm64.sim.Arm64Tracing;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.riscv64.sim.RiscvTraceReport;
import dev.irqtopo.runtime.riscv64.sim.RiscvTraceText;
import dev.irqtopo.runtime.riscv64.sim.RiscvTracing;
import dev.irqtopo.runtime.sim.TraceReport;
import dev.irqtopo.runtime.sim.TraceText;
import dev.irqtopo.runtime.sim.Tracing;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code irqtopo trace FILE --device D --message ADDRESS:DATA}: boots each platform that declares D as
 * {@code simulate} does, lets D emit that one message (whatever its storages hold, as a function's DMA
 * may) and prints every step it takes, then where it ends.
 */
final class TraceCommand extends DesignReportCommand<TraceReport, Arm64TraceReport, RiscvTraceReport> {

    String device;

    String messageText;

    /** The parsed {@code --message}, once {@link #optionError} accepted it. */
    private Message message;

    @Override
    CommandSpec declaration() {
        return Declaration.command(this, "trace",
                new String[] {"Boot each platform, let one device emit one message, and print every step it takes and"
                        + " where it ends."},
                "0:traced",
                "1:errors in the file",
                "2:usage error: a malformed message, a device no selected platform declares, or a file that cannot be"
                        + " read");
    }

    @Override
    void declareOptions(CommandSpec spec) {
        super.declareOptions(spec);
        spec.addOption(Declaration.option(String.class, () -> device, value -> device = value, "--device")
                .required(true).paramLabel("D").description("the device that emits the message").build());
        spec.addOption(Declaration.option(String.class, () -> messageText, value -> messageText = value, "--message")
                .required(true).paramLabel("ADDRESS:DATA")
                .description("the memory write it emits: address (up to 64 bits) and data (32 bits) in hex, with or"
                        + " without 0x, as in 0xfee00018:0x0")
                .build());
    }

    @Override
    Optional<String> optionError() {
        try {
            message = MessageArgument.parse(messageText);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private NamedPart part() {
        return new NamedPart("device", device, p -> p.devices().stream().map(DeviceModel::name).toList());
    }

    @Override
    Optional<String> refusal(List<PlatformDesign> selected, List<PlatformDesign> declared) {
        return part().refusal(selection, selected, declared);
    }

    @Override
    List<PlatformDesign> runsOn(List<PlatformDesign> selected) {
        return part().declaring(selected);
    }

    @Override
    TraceReport report(PlatformModel platform) {
        return Tracing.run(platform, device, message);
    }

    @Override
    Arm64TraceReport arm64Report(Arm64PlatformModel platform) {
        return Arm64Tracing.run(platform, device, message);
    }

    @Override
    RiscvTraceReport riscv64Report(RiscvPlatformModel platform) {
        return RiscvTracing.run(platform, device, message);
    }

    @Override
    JsonNode riscv64Json(List<RiscvTraceReport> reports) {
        return RiscvTraceJson.traces(reports);
    }

    @Override
    String riscv64Text(List<RiscvTraceReport> reports) {
        return RiscvTraceText.render(reports);
    }

    @Override
    boolean riscv64AsExpected(RiscvTraceReport report) {
        return true;
    }

    @Override
    JsonNode json(List<TraceReport> reports) {
        return TraceJson.traces(reports);
    }

    @Override
    JsonNode arm64Json(List<Arm64TraceReport> reports) {
        return Arm64TraceJson.traces(reports);
    }

    @Override
    String text(List<TraceReport> reports) {
        return TraceText.render(reports);
    }

    @Override
    String arm64Text(List<Arm64TraceReport> reports) {
        return Arm64TraceText.render(reports);
    }

    @Override
    boolean asExpected(TraceReport report) {
        return true;
    }

    @Override
    boolean arm64AsExpected(Arm64TraceReport report) {
        return true;
    }

    @Override
    int unexpected() {
        return IrqtopoCommand.OK;
    }
}
