package dev.irqtopo.compiler;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.compiler.diag.Diagnostic;
import dev.irqtopo.testing.PropertyRuns;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever the text, the compiler answers with diagnostics: it never throws on user input. */
class CompilerPropertyTest {

    private static final List<String> PIECES = List.of(
            "platform", "P", "{", "}", ";", ",", ".", ":", "->", "cpu", "x86", "cpus", "2", "0x2a", "65_536",
            "99999999999999999999999", "apic", "xapic", "apic_ids", "iommu", "vtd", "amdvi", "dmar0", "covers",
            "pci0", "hypervisor", "kvm", "traps", "msi", "msix", "ims", "queue", "device", "bus", "nic", "03:00.1",
            "ff:1f.7", "of", "pasid", "host", "guest", "vm0", "assign", "stack", "nic.msix:", "vector", "remap",
            "hcall", "alloc", "\"text\"", "\"open", "/*", "*/", "//", "#", "\n", "\t", " ", "class", "package");

    /** Characters that exercise every lexer path: token starts, quotes, comment marks, controls, non-ASCII. */
    private static final String CHARACTERS = "az_09xX:.;,{}->\"\\/*# \t\n\r\u00e9\u2028\u0000\u007f";

    @Test
    void anyTokenSequenceGivesSortedDiagnosticsInsideTheText() {
        PropertyRuns.forEachSeed(300, random -> {
            String text = tokenSoup(random);
            SourceResult result = TestSources.check(text);
            assertThat(result.diagnostics()).isInOrder(Diagnostic.ORDER);
            long lines = text.chars().filter(c -> c == '\n').count() + 1;
            for (Diagnostic d : result.diagnostics()) {
                assertThat((long) d.line()).isAtMost(lines);
            }
            if (result.hasErrors()) {
                assertThat(result.platforms()).isEmpty();
            }
        });
    }

    @Test
    void anyCharactersGiveDiagnosticsOrPlatforms() {
        PropertyRuns.forEachSeed(300, random -> {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(100); i > 0; i--) {
                text.append(CHARACTERS.charAt(random.nextInt(CHARACTERS.length())));
            }
            SourceResult result = TestSources.check(text.toString());
            // a file without errors declares at least one platform; anything else says what is wrong
            assertThat(result.hasErrors() ? result.diagnostics() : result.platforms()).isNotEmpty();
        });
    }

    private static String tokenSoup(Random random) {
        List<String> pieces = new ArrayList<>();
        for (int i = random.nextInt(61); i > 0; i--) {
            pieces.add(PIECES.get(random.nextInt(PIECES.size())));
        }
        return String.join(" ", pieces);
    }
}
