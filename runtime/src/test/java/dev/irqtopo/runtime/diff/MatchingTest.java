package dev.irqtopo.runtime.diff;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.runtime.isolation.FindingClass;
import dev.irqtopo.runtime.isolation.Means;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How parts are matched and their fields compared, on facts built by hand. */
class MatchingTest {

    private static Subject.Declaration iommu(String name) {
        return Subject.Declaration.of(Part.IOMMU, name);
    }

    @Test
    void theNewOrderComesFirstThenWhatOnlyTheOldHas() {
        Map<Subject.Declaration, Facts> old = new LinkedHashMap<>();
        old.put(iommu("a"), new Facts().number("entries", 16));
        old.put(iommu("b"), new Facts().number("entries", 16));
        old.put(iommu("c"), new Facts().number("entries", 16));
        Map<Subject.Declaration, Facts> now = new LinkedHashMap<>();
        now.put(iommu("d"), new Facts().number("entries", 16));
        now.put(iommu("c"), new Facts().number("entries", 32));
        now.put(iommu("b"), new Facts().number("entries", 16));

        assertThat(Matching.compare(old, now)).containsExactly(
                new Difference<>(iommu("d"), ChangeKind.ADDED,
                        List.of(new FieldChange("entries", Value.absent(), Value.number(16)))),
                new Difference<>(iommu("c"), ChangeKind.CHANGED,
                        List.of(new FieldChange("entries", Value.number(16), Value.number(32)))),
                new Difference<>(iommu("a"), ChangeKind.REMOVED,
                        List.of(new FieldChange("entries", Value.number(16), Value.absent())))).inOrder();
    }

    @Test
    void anAddedPartShowsOnlyTheFieldsItHas() {
        Facts facts = new Facts().word("parent", java.util.Optional.empty()).number("msix", 8);
        assertThat(Matching.fields(new Facts(), facts))
                .containsExactly(new FieldChange("msix", Value.absent(), Value.number(8)));
    }

    @Test
    void fieldsOnlyOneSideNamesCompareWithNothing() {
        Facts old = new Facts().number("a", 1).number("b", 2);
        Facts now = new Facts().number("b", 3).number("c", 4);
        assertThat(Matching.fields(old, now)).containsExactly(
                new FieldChange("b", Value.number(2), Value.number(3)),
                new FieldChange("c", Value.absent(), Value.number(4)),
                new FieldChange("a", Value.number(1), Value.absent())).inOrder();
    }

    @Test
    void aFindingWhoseCounterexampleMovedIsTheSameFinding() {
        Subject.Breach breach = new Subject.Breach("vm0", "vf", Means.DMA, "host", FindingClass.NO_REMAPPING);
        Map<Subject.Breach, Facts> old = Map.of(breach, new Facts().word("message.address", "0x00000000fee00000"));
        Map<Subject.Breach, Facts> now = Map.of(breach, new Facts().word("message.address", "0x00000000fee01000"));
        assertThat(Matching.presence(old, now)).isEmpty();

        Subject.Breach otherClass = new Subject.Breach("vm0", "vf", Means.DMA, "host", FindingClass.SOURCE_CHECK_OFF);
        assertThat(Matching.presence(old, Map.of(otherClass, new Facts()))).containsExactly(
                new Difference<>(otherClass, ChangeKind.ADDED, List.of()),
                new Difference<>(breach, ChangeKind.REMOVED,
                        List.of(new FieldChange("message.address", Value.word("0x00000000fee00000"), Value.absent()))))
                .inOrder();
    }

    @Test
    void aValueReadsAsSimulatePrintsIt() {
        assertThat(Value.hex(0x21).text()).isEqualTo("0x21");
        assertThat(Value.number(33).text()).isEqualTo("33");
        assertThat(Value.flag(true).text()).isEqualTo("true");
        assertThat(Value.absent().text()).isEqualTo("-");
        assertThat(Value.word("linux 6.12").text()).isEqualTo("linux 6.12");
    }
}
