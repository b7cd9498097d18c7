package dev.irqtopo.compiler;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading source files: text in, one clear line out for anything else. */
class SourcesTest {

    @TempDir
    Path dir;

    @Test
    void readsUtf8TextAndKeepsTheNameAsGiven() throws Exception {
        Path file = Files.writeString(dir.resolve("a.irqtopo"), "platform P { } // é\n");
        SourceFile source = Sources.read(file);
        assertThat(source.name()).isEqualTo(file.toString());
        assertThat(source.text()).isEqualTo("platform P { } // é\n");
    }

    @Test
    void dropsAByteOrderMark() throws Exception {
        Path file = Files.writeString(dir.resolve("bom.irqtopo"), "\uFEFFplatform P { }");
        assertThat(Sources.read(file).text()).isEqualTo("platform P { }");
    }

    @Test
    void missingFile() {
        UnreadableSourceException e = assertThrows(UnreadableSourceException.class,
                () -> Sources.read(dir.resolve("foo.irqtopo")));
        assertThat(e).hasMessageThat().isEqualTo("cannot read " + dir.resolve("foo.irqtopo") + ": no such file");
        assertThat(e.reason()).isEqualTo("no such file");
    }

    @Test
    void directory() {
        UnreadableSourceException e = assertThrows(UnreadableSourceException.class, () -> Sources.read(dir));
        assertThat(e).hasMessageThat().isEqualTo("cannot read " + dir + ": is a directory");
    }

    @Test
    void binaryFile() throws Exception {
        Path file = Files.write(dir.resolve("b.irqtopo"), new byte[] {'p', 0, 'x'});
        assertThat(assertThrows(UnreadableSourceException.class, () -> Sources.read(file)).reason())
                .isEqualTo("binary file (contains NUL bytes)");
    }

    @Test
    void notUtf8() throws Exception {
        Path file = Files.write(dir.resolve("latin1.irqtopo"), "platform \u00e9".getBytes(StandardCharsets.ISO_8859_1));
        UnreadableSourceException e = assertThrows(UnreadableSourceException.class, () -> Sources.read(file));
        assertThat(e.reason()).isEqualTo("not UTF-8 text");
        assertThat(e).hasMessageThat().doesNotContain("\n");
    }
}
