package dev.irqtopo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irqtopo.cli.report.Arm64TablesJson;
import dev.irqtopo.cli.report.RiscvTablesJson;
import dev.irqtopo.cli.report.TablesJson;
import dev.irqtopo.model.Arm64PlatformModel;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.PlatformDesign;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.RiscvPlatformModel;
import dev.irqtopo.runtime.arm64.sim.Arm64Tables;
import dev.irqtopo.runtime.arm64.sim.Arm64TablesReport;
import dev.irqtopo.runtime.arm64.sim.Arm64TablesText;
import dev.irqtopo.runtime.riscv64.sim.RiscvTables;
import dev.irqtopo.runtime.riscv64.sim.RiscvTablesReport;
import dev.irqtopo.runtime.riscv64.sim.RiscvTablesText;
import dev.irqtopo.runtime.sim.Tables;
import dev.irqtopo.runtime.sim.TablesReport;
import dev.irqtopo.runtime.sim.TablesText;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code irqtopo tables FILE [--iommu U]}: boots each platform as {@code simulate} does and prints every
 * present remap entry of every IOMMU (or of U), each field as the VT-d or AMD IOMMU specification names
 * it, and the bits the hardware reads; on arm64 the ITS tables, on riscv64 the RISC-V IOMMU's device
 * contexts with their MSI page tables and the identities taken in each interrupt file.
 */
final class TablesCommand extends DesignReportCommand<TablesReport, Arm64TablesReport, RiscvTablesReport> {

    String iommu;

    @Override
    CommandSpec declaration() {
        return Declaration.command(this, "tables",
                new String[] {"Boot each platform and print every present interrupt remapping table entry, field by"
                        + " field as the VT-d and AMD IOMMU specifications name them, with the raw bits the hardware"
                        + " reads.",
                    "On an arm64 platform: each ITS's device table, ITTs and collection table, and each GICv2m"
                        + " frame's allocated SPIs.",
                    "On a riscv64 platform: each RISC-V IOMMU's device contexts in use with their MSI page tables,"
                        + " field by field as the RISC-V IOMMU specification names them, and the identities taken"
                        + " in each interrupt file."},
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
                .map(name -> new NamedPart("IOMMU", name, p -> p instanceof PlatformModel x86
                        ? x86.iommus().stream().map(IommuModel::name).toList() : List.of()));
    }

    @Override
    Optional<String> refusal(List<PlatformDesign> selected, List<PlatformDesign> declared) {
        return part().flatMap(p -> p.refusal(selection, selected, declared));
    }

    @Override
    List<PlatformDesign> runsOn(List<PlatformDesign> selected) {
        return part().map(p -> p.declaring(selected)).orElse(selected);
    }

    @Override
    TablesReport report(PlatformModel platform) {
        return Tables.run(platform, Optional.ofNullable(iommu));
    }

    @Override
    Arm64TablesReport arm64Report(Arm64PlatformModel platform) {
        return Arm64Tables.run(platform);
    }

    @Override
    RiscvTablesReport riscv64Report(RiscvPlatformModel platform) {
        return RiscvTables.run(platform);
    }

    @Override
    JsonNode riscv64Json(List<RiscvTablesReport> reports) {
        return RiscvTablesJson.tables(reports);
    }

    @Override
    String riscv64Text(List<RiscvTablesReport> reports) {
        return RiscvTablesText.render(reports);
    }

    @Override
    boolean riscv64AsExpected(RiscvTablesReport report) {
        return true;
    }

    @Override
    JsonNode json(List<TablesReport> reports) {
        return TablesJson.tables(reports);
    }

    @Override
    JsonNode arm64Json(List<Arm64TablesReport> reports) {
        return Arm64TablesJson.tables(reports);
    }

    @Override
    String text(List<TablesReport> reports) {
        return TablesText.render(reports);
    }

    @Override
    String arm64Text(List<Arm64TablesReport> reports) {
        return Arm64TablesText.render(reports);
    }

    @Override
    boolean asExpected(TablesReport report) {
        return true;
    }

    @Override
    boolean arm64AsExpected(Arm64TablesReport report) {
        return true;
    }

    @Override
    int unexpected() {
        return IrqtopoCommand.OK;
    }
}
