package dev.irqtopo.runtime.gic;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.StackDeclaration;
import dev.irqtopo.model.StorageKind;

/**
 * Where the arm64 package sits: beside the x86 vector and remap packages, on the message package and
 * the model alone, so that adding an architecture adds a package and touches none of the x86 ones.
 */
@AnalyzeClasses(packages = "dev.irqtopo", importOptions = ImportOption.DoNotIncludeTests.class)
class GicLayeringTest {

    @ArchTest
    static final ArchRule gicUsesOnlyTheMessagePackageAndTheModel = classes()
            .that().resideInAPackage("dev.irqtopo.runtime.gic..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.irqtopo.runtime.gic..",
                    "dev.irqtopo.runtime.message..", "dev.irqtopo.model..");

    /** The bus side (storages, their bus domains, what a stack declares) is shared; nothing of the x86 CPU side is. */
    @ArchTest
    static final ArchRule theArmModelNeedsNothingOfTheX86Model = classes()
            .that().resideInAPackage("dev.irqtopo.model.arm..")
            .should().onlyDependOnClassesThat(resideInAnyPackage("java..", "dev.irqtopo.model.arm..")
                    .or(type(StorageKind.class)).or(type(BusDomainKind.class)).or(type(StackDeclaration.class)));
}
