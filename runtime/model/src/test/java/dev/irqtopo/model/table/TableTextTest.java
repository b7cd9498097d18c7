package dev.irqtopo.model.table;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.irqtopo.testing.PropertyRuns;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TableTextTest {

    @Test
    void plainWordsAreWrittenAsTheyAre() {
        assertThat(TableText.escape("dev.example.irq")).isEqualTo("dev.example.irq");
        assertThat(TableText.escape("a-b~c")).isEqualTo("a-b~c");
    }

    @Test
    void blanksBackslashesAndNonAsciiAreEscaped() {
        assertThat(TableText.escape("a b\\c\u00e9\n")).isEqualTo("a\\0020b\\005cc\\00e9\\000a");
        assertThat(TableText.escape("")).isEqualTo("~");
        assertThat(TableText.escape("~")).isEqualTo("\\007e");
        assertThat(TableText.escape("-")).isEqualTo("\\002d");
        assertThat(TableText.escape(Optional.empty())).isEqualTo("-");
    }

    @Test
    void refusesBrokenEscapes() {
        assertThrows(IllegalArgumentException.class, () -> TableText.unescape("ab\\00"));
        assertThrows(IllegalArgumentException.class, () -> TableText.unescape("\\00g0"));
        assertThrows(IllegalArgumentException.class, () -> TableText.unescape("-"));
    }

    @Test
    void everyStringIsOnePrintableTokenThatReadsBack() {
        PropertyRuns.forEachSeed(1000, random -> {
            String text = new RandomModels(random).text();
            String token = TableText.escape(text);
            assertThat(token).isNotEmpty();
            assertThat(token.chars().allMatch(c -> c > ' ' && c < 0x7f)).isTrue();
            assertThat(TableText.unescape(token)).isEqualTo(text);
            assertThat(TableText.unescapeOptional(TableText.escape(Optional.of(text)))).hasValue(text);
        });
    }
}
