package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.IrqtopoFile;
import dev.irqtopo.compiler.diag.Diagnostic;
import java.util.List;

/**
 * The check stage: every static rule of the language over a file that parsed. Each rule is a class of
 * its own, named for what it checks; all of them run, so a file's problems come in one report. Error
 * rules run first, so that the warning rules can leave alone a stack with an error.
 */
public final class Checker {

    private static final List<Rule> ERROR_RULES = List.of(
            new KeywordAsNameRule(),
            new DuplicateNameRule(),
            new UnknownReferenceRule(),
            new IdentifierCollisionRule(),
            new JavaKeywordRule(),
            new ReservedPackageRule(),
            new NumberRangeRule(),
            new RequesterIdRangeRule(),
            new ApicIdsRule(),
            new DuplicateRequesterIdRule(),
            new XapicLimitRule(),
            new InapplicablePropertyRule(),
            new RepeatedPropertyRule(),
            new RequiredDeclarationRule(),
            new GuestHypervisorRule(),
            new AssignmentRule(),
            new StackOwnershipRule(),
            new StackStorageRule(),
            new ChainShapeRule(),
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
            new SegmentCoverageRule());

    private static final List<Rule> WARNING_RULES = List.of(
            new GuestStackWarningRule(),
            new HostRemapWarningRule(),
            new MultiMessageMsiWarningRule(),
            new CompatX2apicWarningRule(),
            new UnsafeAssignmentWarningRule(),
            new SourceCheckWarningRule(),
            new RepeatedAssignWarningRule(),
            new MixedRemappingWarningRule());

    private Checker() {
    }

    /** Every diagnostic for the file, in no particular order. */
    public static List<Diagnostic> check(IrqtopoFile file, String fileName) {
        Report report = new Report(fileName);
        ERROR_RULES.forEach(rule -> rule.check(file, report));
        WARNING_RULES.forEach(rule -> rule.check(file, report));
        return report.diagnostics();
    }
}
