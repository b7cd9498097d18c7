package dev.irqtopo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irqtopo.cli.report.TablesJson;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.runtime.sim.Tables;
import dev.irqtopo.runtime.sim.TablesReport;
import dev.irqtopo.runtime.sim.TablesText;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code irqtopo tables FILE [--iommu U]}: boots each platform as {@code simulate} does and prints every
 * present remap entry of every IOMMU (or of U), each field as the VT-d or AMD IOMMU specification names
 * it, and the bits the hardware reads.
 */
final class TablesCommand extends ReportCommand<TablesReport> {

    String iommu;

    @Override
    CommandSpec declaration() {
        return Declaration.command(this, "tables",
                new String[] {"Boot each platform and print every present interrupt remapping table entry, field by"
                        + " field as the VT-d and AMD IOMMU specifications name them, with the raw bits the hardware"
                        + " reads."},
                "0:printed",
                "1:errors in the file",
                "2:usage error: an IOMMU no selected platform declares, or a file that cannot be read");
    }

    @Override
    void declareOptions(CommandSpec spec) {
        super.declareOptions(spec);
        spec.addOption(Declaration.option(String.class, () -> iommu, value -> iommu = value, "--iommu")
                .paramLabel("U").description("only this IOMMU's tables").build());
    }

    private Optional<NamedPart> part() {
        return Optional.ofNullable(iommu)
                .map(name -> new NamedPart("IOMMU", name, p -> p.iommus().stream().map(IommuModel::name).toList()));
    }

    @Override
    Optional<String> refusal(List<PlatformModel> selected, List<PlatformModel> declared) {
        return part().flatMap(p -> p.refusal(selection, selected, declared));
    }

    @Override
    List<PlatformModel> runsOn(List<PlatformModel> selected) {
        return part().map(p -> p.declaring(selected)).orElse(selected);
    }

    @Override
    TablesReport report(PlatformModel platform) {
        return Tables.run(platform, Optional.ofNullable(iommu));
    }

    @Override
    JsonNode json(List<TablesReport> reports) {
        return TablesJson.tables(reports);
    }

    @Override
    String text(List<TablesReport> reports) {
        return TablesText.render(reports);
    }

    @Override
    int exitCode(List<TablesReport> reports) {
        return IrqtopoCommand.OK;
    }
}
