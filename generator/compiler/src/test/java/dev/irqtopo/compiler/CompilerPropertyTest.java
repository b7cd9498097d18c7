package dev.irqtopo.compiler;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.compiler.diag.Diagnostic;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the text, the compiler answers with diagnostics: it never throws on user input. */
class CompilerPropertyTest {

    private static final List<String> PIECES = List.of(
            "platform", "P", "{", "}", ";", ",", ".", ":", "->", "cpu", "x86", "cpus", "2", "0x2a", "65_536",
            "99999999999999999999999", "apic", "xapic", "apic_ids", "iommu", "vtd", "amdvi", "dmar0", "covers",
            "pci0", "hypervisor", "kvm", "traps", "msi", "msix", "ims", "queue", "device", "bus", "nic", "03:00.1",
            "ff:1f.7", "of", "pasid", "host", "guest", "vm0", "assign", "stack", "nic.msix:", "vector", "remap",
            "hcall", "alloc", "\"text\"", "\"open", "/*", "*/", "//", "#", "\n", "\t", " ", "class", "package");

    @Provide
    Arbitrary<String> tokenSoup() {
        return Arbitraries.of(PIECES).list().ofMaxSize(60).map(pieces -> String.join(" ", pieces));
    }

    @Property(tries = 300)
    void anyTokenSequenceGivesSortedDiagnosticsInsideTheText(@ForAll("tokenSoup") String text) {
        CheckResult result = TestSources.check(text);
        assertThat(result.diagnostics()).isInOrder(Diagnostic.ORDER);
        long lines = text.chars().filter(c -> c == '\n').count() + 1;
        for (Diagnostic d : result.diagnostics()) {
            assertThat((long) d.line()).isAtMost(lines);
        }
        if (result.hasErrors()) {
            assertThat(result.platforms()).isEmpty();
        }
    }

    @Property(tries = 200)
    void anyCharactersGiveDiagnosticsOrPlatforms(@ForAll String text) {
        CheckResult result = TestSources.check(text);
        // a file without errors declares at least one platform; anything else says what is wrong
        assertThat(result.hasErrors() ? result.diagnostics() : result.platforms()).isNotEmpty();
    }
}
