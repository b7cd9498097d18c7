package dev.irqtopo.compiler.diag;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Did you mean": the one candidate clearly closest, or none. */
class SuggestionTest {

    private static final List<String> LINKS = List.of("hcall", "ims", "msi", "msix", "remap", "vector");

    @Test
    void oneEditAwayFromOneCandidate() {
        assertThat(Suggestion.closest("remp", LINKS)).hasValue("remap");
        assertThat(Suggestion.closest("vectr", LINKS)).hasValue("vector");
        assertThat(Suggestion.closest("hcal", LINKS)).hasValue("hcall");
    }

    @Test
    void aSwapOfNeighboursIsOneEdit() {
        assertThat(Suggestion.distance("rmeap", "remap")).isEqualTo(1);
        assertThat(Suggestion.closest("rmeap", LINKS)).hasValue("remap");
        assertThat(Suggestion.closest("nci", List.of("nic", "nvme"))).hasValue("nic");
    }

    @Test
    void longerWordsMayBeTwoEditsOff() {
        assertThat(Suggestion.closest("hypervisr", List.of("hypervisor", "hypercall"))).hasValue("hypervisor");
        assertThat(Suggestion.closest("vectro_", LINKS)).hasValue("vector");
        assertThat(Suggestion.closest("rmp", LINKS)).isEmpty();
    }

    @Test
    void noneWhenTwoAreAsCloseOrNoneIsClose() {
        assertThat(Suggestion.closest("msx", LINKS)).isEmpty();
        assertThat(Suggestion.closest("x3apic", List.of("x2apic", "xapic"))).isEmpty();
        assertThat(Suggestion.closest("intel", List.of("amdvi", "vtd"))).isEmpty();
        assertThat(Suggestion.closest("anything", List.of())).isEmpty();
    }

    @Test
    void caseIsIgnoredAndTheCandidateIsGivenAsWritten() {
        assertThat(Suggestion.closest("REMP", LINKS)).hasValue("remap");
        assertThat(Suggestion.closest("nci", List.of("NIC"))).hasValue("NIC");
    }
}
