package dev.irqtopo.compiler;

import static com.google.common.truth.Truth.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.irqtopo.compiler.diag.planted.PlantedDiagnostic;
import dev.irqtopo.compiler.emit.planted.PlantedEmitter;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link CompilerLayersTest} are not vacuous: given two planted test classes, one in the
 * diagnostics layer that uses one in the emit layer and back, each rule reports the violation.
 */
class CompilerLayersCatchViolationsTest {

    private static final JavaClasses PLANTED = new ClassFileImporter().importClasses(PlantedDiagnostic.class,
            PlantedEmitter.class);

    @Test
    void aPlantedCycleBreaksTheCycleRule() {
        var result = CompilerLayersTest.noCycleBetweenPackages.evaluate(PLANTED);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("Cycle detected");
    }

    @Test
    void aPlantedUpwardDependencyBreaksTheLayerRule() {
        var result = CompilerLayersTest.pipelineLayers.evaluate(PLANTED);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("PlantedDiagnostic");
    }
}
