package dev.irqtopo.compiler;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.irqtopo.compiler.diag.Position;

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
    void bytesThatAreNotUtf8AreReadWhereTheyAre() throws Exception {
        Path file = Files.write(dir.resolve("latin1.irqtopo"),
                "platform \u00e9 {\n  // \u00fc\u00df\n}".getBytes(StandardCharsets.ISO_8859_1));
        SourceFile source = Sources.read(file);
        assertThat(source.text()).isEqualTo("platform \uFFFD {\n  // \uFFFD\uFFFD\n}");
        assertThat(source.encodingErrors()).containsExactly(new EncodingError(new Position(1, 10), "0xE9"),
                new EncodingError(new Position(2, 6), "0xFC"), new EncodingError(new Position(2, 7), "0xDF")).inOrder();
    }

    @Test
    void aTruncatedSequenceIsOneError() throws Exception {
        byte[] bytes = {'a', (byte) 0xE2, (byte) 0x82, 'b', (byte) 0xF0, (byte) 0x9F, (byte) 0x92, (byte) 0xA1, (byte) 0xFF};
        SourceFile source = Sources.decode("t.irqtopo", bytes);
        assertThat(source.text()).isEqualTo("a\uFFFDb\uD83D\uDCA1\uFFFD");
        assertThat(source.encodingErrors()).containsExactly(new EncodingError(new Position(1, 2), "0xE2 0x82"),
                new EncodingError(new Position(1, 5), "0xFF")).inOrder();
    }
}
