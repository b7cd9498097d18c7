package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.IrqtopoFile;
import dev.irqtopo.compiler.ast.Platform;
import dev.irqtopo.compiler.diag.Diagnostic;
import dev.irqtopo.model.PlatformDesign;
import java.util.ArrayList;
import java.util.List;

/**
 * The check stage: every static rule of the language over a file that parsed. Each rule is a class of
 * its own, named for what it checks; all of them run, so a file's problems come in one report. Error
 * rules run first, so that the warning rules can leave alone a stack with an error.
 *
 * <p>A generation run has rules of its own ({@link GenerationCode}, and classes of two files that
 * collide), judged over the files that checked without errors once their platforms are resolved: what
 * Java a platform becomes depends on its model and on the run's other files.
 */
public final class Checker {

    private static final List<Rule> ERROR_RULES = List.of(
            new KeywordAsNameRule(),
            new ArchitectureRule(),
            new DuplicateNameRule(),
            new UnknownReferenceRule(),
            new IdentifierCollisionRule(),
            new JavaKeywordRule(),
            new ReservedPackageRule(),
            new NumberRangeRule(),
            new GicNumberRule(),
            new RequesterIdRangeRule(),
            new ApicIdsRule(),
            new DuplicateRequesterIdRule(),
            new XapicLimitRule(),
            new InapplicablePropertyRule(),
            new RepeatedPropertyRule(),
            new RequiredDeclarationRule(),
            new GicRequiredRule(),
            new RiscvRequiredRule(),
            new GuestHypervisorRule(),
            new AssignmentRule(),
            new StackOwnershipRule(),
            new StackStorageRule(),
            new ChainShapeRule(),
            new GicChainShapeRule(),
            new ImsicChainShapeRule(),
            new RemapTargetRule(),
            new GuestRemapRule(),
            new HostHcallRule(),
            new GuestHcallRule(),
            new UntrappableStorageRule(),
            new SubDeviceStorageRule(),
            new AllocCapacityRule(),
            new ImsStorageRule(),
            new DuplicateStackRule(),
            new SharedBusRule(),
            new CoversRequiredRule(),
            new SubDeviceBusRule(),
            new BridgeBusRule(),
            new SegmentCoverageRule(),
            new KernelProfileRule(),
            new IoApicRequesterIdRule(),
            new MsiMapRule(),
            new DeviceIdRule(),
            new ControllerTargetRule(),
            new ControllerCapacityRule(),
            new VlpiRule(),
            new DoorbellOverlapRule(),
            new ImsicRule(),
            new GuestFileRule());

    private static final List<Rule> WARNING_RULES = List.of(
            new GuestStackWarningRule(),
            new Arm64GuestStackWarningRule(),
            new HostRemapWarningRule(),
            new MultiMessageMsiWarningRule(),
            new CompatX2apicWarningRule(),
            new UnsafeAssignmentWarningRule(),
            new SourceCheckWarningRule(),
            new RepeatedAssignWarningRule(),
            new MixedRemappingWarningRule(),
            new KernelStackWarningRule());

    private static final List<GenerationRule> GENERATION_RULES = List.of(
            new GeneratedPackageRule(),
            new GeneratedNameRule(),
            new ClassCollisionRule(),
            new ClassPackageRule());

    private Checker() {
    }

    /** Every diagnostic for the file, in no particular order. */
    public static List<Diagnostic> check(IrqtopoFile file, String fileName) {
        Report report = new Report(fileName);
        ERROR_RULES.forEach(rule -> rule.check(file, report));
        WARNING_RULES.forEach(rule -> rule.check(file, report));
        return report.diagnostics();
    }

    /**
     * The generation rules' diagnostics for the files of a run, one list per file in the run's order,
     * each in no particular order. Each file meets the classes of the files before it.
     */
    public static List<List<Diagnostic>> checkGeneration(List<CheckedFile> files) {
        GenerationRun run = new GenerationRun(files);
        List<List<Diagnostic>> diagnostics = new ArrayList<>();
        for (CheckedFile file : files) {
            Report report = new Report(file.name());
            for (int i = 0; i < file.platforms().size(); i++) {
                Platform declared = file.ast().platforms().get(i);
                PlatformDesign model = file.platforms().get(i);
                GENERATION_RULES.forEach(rule -> rule.check(declared, model, run, report));
            }
            diagnostics.add(report.diagnostics());
        }
        return diagnostics;
    }
}
