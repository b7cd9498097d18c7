package dev.irqtopo.runtime;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The engine's layering, as the package documentation of {@code dev.irqtopo.runtime} states it: one
 * package per boundary, each using only those below it, and no cycle between any two packages. The
 * arm64 side (the GIC engine, the arm64 platform, its simulation and isolation) shares only the
 * message package with the x86 side, in either direction; so does the riscv64 side (the IMSIC engine,
 * the RISC-V IOMMU's MSI translation, the riscv64 platform, its simulation and isolation) with both.
 * Only diff, which compares what every architecture reports, sits over all three.
 * The text package, aligned columns for every report, sits below them all. A dependency the other way
 * fails the build here, the day it is written.
 */
@AnalyzeClasses(packages = "dev.irqtopo.runtime", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    private static final String MESSAGE = "message";
    private static final String VECTOR = "vector";
    private static final String REMAP = "remap";
    private static final String BUS = "bus";
    private static final String HYPERVISOR = "hypervisor";
    private static final String STACK = "stack";
    private static final String DELIVERY = "delivery";
    private static final String API = "api";
    private static final String ISOLATION = "isolation";
    private static final String SIM = "sim";
    private static final String DIFF = "diff";
    private static final String GIC = "gic";
    private static final String ARM64 = "arm64";
    private static final String ARM64_ISOLATION = "arm64 isolation";
    private static final String ARM64_SIM = "arm64 sim";
    private static final String IMSIC = "imsic";
    private static final String RIOMMU = "riommu";
    private static final String RISCV64 = "riscv64";
    private static final String RISCV64_ISOLATION = "riscv64 isolation";
    private static final String RISCV64_SIM = "riscv64 sim";
    private static final String TEXT = "text";

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("dev.irqtopo.runtime.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule eachLayerUsesOnlyTheLayersBelowIt = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer(MESSAGE).definedBy("dev.irqtopo.runtime.message..")
            .layer(VECTOR).definedBy("dev.irqtopo.runtime.vector..")
            .layer(REMAP).definedBy("dev.irqtopo.runtime.remap..")
            .layer(BUS).definedBy("dev.irqtopo.runtime.bus..")
            .layer(HYPERVISOR).definedBy("dev.irqtopo.runtime.hypervisor..")
            .layer(STACK).definedBy("dev.irqtopo.runtime.stack..")
            .layer(DELIVERY).definedBy("dev.irqtopo.runtime.delivery..")
            .layer(API).definedBy("dev.irqtopo.runtime")
            .layer(ISOLATION).definedBy("dev.irqtopo.runtime.isolation..")
            .layer(SIM).definedBy("dev.irqtopo.runtime.sim..")
            .layer(DIFF).definedBy("dev.irqtopo.runtime.diff..")
            .layer(GIC).definedBy("dev.irqtopo.runtime.gic..")
            .layer(ARM64).definedBy("dev.irqtopo.runtime.arm64")
            .layer(ARM64_ISOLATION).definedBy("dev.irqtopo.runtime.arm64.isolation..")
            .layer(ARM64_SIM).definedBy("dev.irqtopo.runtime.arm64.sim..")
            .layer(IMSIC).definedBy("dev.irqtopo.runtime.imsic..")
            .layer(RIOMMU).definedBy("dev.irqtopo.runtime.riommu..")
            .layer(RISCV64).definedBy("dev.irqtopo.runtime.riscv64")
            .layer(RISCV64_ISOLATION).definedBy("dev.irqtopo.runtime.riscv64.isolation..")
            .layer(RISCV64_SIM).definedBy("dev.irqtopo.runtime.riscv64.sim..")
            .layer(TEXT).definedBy("dev.irqtopo.runtime.text..")
            // text layout serves every architecture's reports and uses none of the engine
            .whereLayer(TEXT).mayNotAccessAnyLayer()
            .whereLayer(RISCV64_SIM).mayOnlyBeAccessedByLayers(DIFF)
            .whereLayer(RISCV64_ISOLATION).mayOnlyBeAccessedByLayers(DIFF)
            .whereLayer(RISCV64).mayOnlyBeAccessedByLayers(RISCV64_ISOLATION, RISCV64_SIM, DIFF)
            .whereLayer(RIOMMU).mayOnlyBeAccessedByLayers(RISCV64, RISCV64_ISOLATION, RISCV64_SIM, DIFF)
            .whereLayer(IMSIC).mayOnlyBeAccessedByLayers(RIOMMU, RISCV64, RISCV64_ISOLATION, RISCV64_SIM, DIFF)
            .whereLayer(ARM64_SIM).mayOnlyBeAccessedByLayers(DIFF)
            .whereLayer(ARM64_ISOLATION).mayOnlyBeAccessedByLayers(DIFF)
            .whereLayer(ARM64).mayOnlyBeAccessedByLayers(ARM64_ISOLATION, ARM64_SIM, DIFF)
            .whereLayer(GIC).mayOnlyBeAccessedByLayers(ARM64, ARM64_ISOLATION, ARM64_SIM, DIFF)
            .whereLayer(DIFF).mayNotBeAccessedByAnyLayer()
            .whereLayer(SIM).mayOnlyBeAccessedByLayers(DIFF)
            .whereLayer(ISOLATION).mayOnlyBeAccessedByLayers(DIFF)
            .whereLayer(API).mayOnlyBeAccessedByLayers(ISOLATION, SIM, DIFF)
            .whereLayer(DELIVERY).mayOnlyBeAccessedByLayers(API, ISOLATION, SIM, DIFF)
            .whereLayer(STACK).mayOnlyBeAccessedByLayers(DELIVERY, API, ISOLATION, SIM)
            .whereLayer(HYPERVISOR).mayOnlyBeAccessedByLayers(STACK, DELIVERY, API, ISOLATION, SIM)
            .whereLayer(BUS).mayOnlyBeAccessedByLayers(HYPERVISOR, STACK, DELIVERY, API, ISOLATION, SIM)
            .whereLayer(REMAP).mayOnlyBeAccessedByLayers(BUS, HYPERVISOR, STACK, DELIVERY, API, ISOLATION, SIM)
            .whereLayer(VECTOR).mayOnlyBeAccessedByLayers(REMAP, BUS, HYPERVISOR, STACK, DELIVERY, API, ISOLATION, SIM)
            .whereLayer(MESSAGE).mayOnlyBeAccessedByLayers(VECTOR, REMAP, BUS, HYPERVISOR, STACK, DELIVERY, API, ISOLATION,
                    SIM, DIFF, GIC, ARM64, ARM64_ISOLATION, ARM64_SIM, IMSIC, RIOMMU, RISCV64, RISCV64_ISOLATION,
                    RISCV64_SIM)
            .whereLayer(TEXT).mayOnlyBeAccessedByLayers(SIM, DIFF, ARM64_SIM, RISCV64_SIM);
}
