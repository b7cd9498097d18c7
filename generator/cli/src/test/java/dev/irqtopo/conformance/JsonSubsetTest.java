package dev.irqtopo.conformance;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonSubsetTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void keysTheExpectedObjectLeavesOutAreFree() throws Exception {
        assertThat(JsonSubset.firstDifference(json("{'a': 1}"), json("{'a': 1, 'b': 2}"), "$")).isEmpty();
    }

    @Test
    void aMissingKeyIsADifference() throws Exception {
        assertThat(JsonSubset.firstDifference(json("{'a': {'b': 1}}"), json("{'a': {}}"), "$")).hasValue("$.a.b: missing");
    }

    @Test
    void arraysMustHaveTheSameLength() throws Exception {
        assertThat(JsonSubset.firstDifference(json("[1, 2]"), json("[1, 2, 3]"), "$"))
                .hasValue("$: expected 2 elements, got 3");
    }

    @Test
    void hexStringsCompareWithoutCase() throws Exception {
        assertThat(JsonSubset.firstDifference(json("['0xFEE00018']"), json("['0xfee00018']"), "$")).isEmpty();
        assertThat(JsonSubset.firstDifference(json("['ABC']"), json("['abc']"), "$")).isPresent();
    }

    @Test
    void nullAndFalseAreNotTheSame() throws Exception {
        assertThat(JsonSubset.firstDifference(json("{'errno': null}"), json("{'errno': false}"), "$"))
                .hasValue("$.errno: expected null, got false");
    }
}
