package dev.irqtopo.runtime;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The engine's layering, as the package documentation of {@code dev.irqtopo.runtime} states it: one
 * package per boundary, each using only those below it, and no cycle between any two packages. A
 * dependency the other way fails the build here, the day it is written.
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
                    SIM, DIFF);
}
