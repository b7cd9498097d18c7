package dev.irqtopo.runtime.riommu;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.StackDeclaration;
import dev.irqtopo.model.StorageKind;

/**
 * Where the RISC-V packages sit: the IMSIC package on the message package and the RISC-V model alone,
 * the IOMMU package above it and never the other way, and the RISC-V model needing no other model.
 */
@AnalyzeClasses(packages = "dev.irqtopo", importOptions = ImportOption.DoNotIncludeTests.class)
class RiscvLayeringTest {

    @ArchTest
    static final ArchRule imsicUsesOnlyTheMessagePackageAndTheRiscvModel = classes()
            .that().resideInAPackage("dev.irqtopo.runtime.imsic..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.irqtopo.runtime.imsic..",
                    "dev.irqtopo.runtime.message..", "dev.irqtopo.model.riscv..");

    @ArchTest
    static final ArchRule riommuUsesOnlyImsicTheMessagePackageAndTheRiscvModel = classes()
            .that().resideInAPackage("dev.irqtopo.runtime.riommu..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.irqtopo.runtime.riommu..",
                    "dev.irqtopo.runtime.imsic..", "dev.irqtopo.runtime.message..", "dev.irqtopo.model.riscv..");

    @ArchTest
    static final ArchRule theImsicPackageDoesNotKnowTheIommu = noClasses()
            .that().resideInAPackage("dev.irqtopo.runtime.imsic..")
            .should().dependOnClassesThat().resideInAPackage("dev.irqtopo.runtime.riommu..");

    /** The bus side (storages, their bus domains, what a stack declares) is shared; nothing of the other CPU sides is. */
    @ArchTest
    static final ArchRule theRiscvModelNeedsNothingOfTheOtherModels = classes()
            .that().resideInAPackage("dev.irqtopo.model.riscv..")
            .should().onlyDependOnClassesThat(resideInAnyPackage("java..", "dev.irqtopo.model.riscv..")
                    .or(type(StorageKind.class)).or(type(BusDomainKind.class)).or(type(StackDeclaration.class)));
}
