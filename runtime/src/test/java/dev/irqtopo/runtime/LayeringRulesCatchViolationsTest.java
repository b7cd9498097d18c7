package dev.irqtopo.runtime;

import static com.google.common.truth.Truth.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.irqtopo.runtime.isolation.planted.PlantedVerdict;
import dev.irqtopo.runtime.message.planted.PlantedUpward;
import org.junit.jupiter.api.Test;

/**
 * The layering rules of {@link LayeringTest} are not vacuous: given two planted test classes, one in the
 * message layer that uses one in the isolation layer and back, each rule reports the violation.
 */
class LayeringRulesCatchViolationsTest {

    private static final JavaClasses PLANTED = new ClassFileImporter().importClasses(PlantedUpward.class,
            PlantedVerdict.class);

    @Test
    void aPlantedCycleBreaksTheCycleRule() {
        var result = LayeringTest.packagesAreFreeOfCycles.evaluate(PLANTED);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("Cycle detected");
    }

    @Test
    void aPlantedUpwardDependencyBreaksTheLayerRule() {
        var result = LayeringTest.eachLayerUsesOnlyTheLayersBelowIt.evaluate(PLANTED);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("PlantedUpward");
    }
}
