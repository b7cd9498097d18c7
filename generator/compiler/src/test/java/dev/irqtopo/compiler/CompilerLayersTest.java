package dev.irqtopo.compiler;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The compiler's layering, as a test that fails the day a dependency goes the other way. The pipeline
 * runs parse, check, model, emit; the syntax tree is what parse hands to check and model, and the
 * generated files what the facade hands to output. A stage knows the data it is given and the shared
 * packages (diagnostics, naming), never another stage: later stages do not import earlier stages'
 * internals, and no stage imports a later one or the facade. The command line sits above the facade.
 */
@AnalyzeClasses(packages = {"dev.irqtopo.compiler", "dev.irqtopo.cli"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class CompilerLayersTest {

    private static final String ROOT = "dev.irqtopo.compiler";

    /** Each package of the compiler and of the command line on its own, the facade's package included. */
    private static final SliceAssignment PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            return pkg.equals(ROOT) || pkg.startsWith(ROOT + ".") || pkg.equals("dev.irqtopo.cli")
                    || pkg.startsWith("dev.irqtopo.cli.") ? SliceIdentifier.of(pkg) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the packages of the compiler and the command line";
        }
    };

    @ArchTest
    static final ArchRule noCycleBetweenPackages = slices().assignedFrom(PACKAGES).should().beFreeOfCycles();

    @ArchTest
    static final ArchRule pipelineLayers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            // the command line moves to a module of its own; there this layer is empty
            .optionalLayer("command line").definedBy("dev.irqtopo.cli..")
            .layer("facade").definedBy(ROOT)
            .layer("parse").definedBy(ROOT + ".parse..")
            .layer("syntax tree").definedBy(ROOT + ".ast..")
            .layer("check").definedBy(ROOT + ".check..")
            .layer("model").definedBy(ROOT + ".model..")
            .layer("emit").definedBy(ROOT + ".emit..")
            .layer("output").definedBy(ROOT + ".output..")
            .layer("naming").definedBy(ROOT + ".naming..")
            .layer("diagnostics").definedBy(ROOT + ".diag..")
            .layer("report").definedBy(ROOT + ".report..")
            .whereLayer("command line").mayNotBeAccessedByAnyLayer()
            .whereLayer("facade").mayOnlyBeAccessedByLayers("command line")
            .whereLayer("parse").mayOnlyBeAccessedByLayers("facade")
            .whereLayer("check").mayOnlyBeAccessedByLayers("facade")
            .whereLayer("model").mayOnlyBeAccessedByLayers("facade")
            .whereLayer("emit").mayOnlyBeAccessedByLayers("facade")
            .whereLayer("syntax tree").mayOnlyBeAccessedByLayers("facade", "parse", "check", "model")
            .whereLayer("output").mayOnlyBeAccessedByLayers("facade", "command line")
            .whereLayer("naming").mayOnlyBeAccessedByLayers("facade", "check", "emit")
            .whereLayer("report").mayOnlyBeAccessedByLayers("facade")
            .whereLayer("diagnostics").mayOnlyBeAccessedByLayers("facade", "parse", "check", "report", "command line");
}
