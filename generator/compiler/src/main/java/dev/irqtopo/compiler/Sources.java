package dev.irqtopo.compiler;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads source files as UTF-8 text, refusing what is not text with a message fit for people. Bytes that
 * are not UTF-8 in a text file do not refuse it: they are {@link EncodingError}s, reported where they are.
 */
public final class Sources {

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final char REPLACEMENT = '\uFFFD';

    private Sources() {
    }

    /**
     * Reads a file. Its name in diagnostics is the path as given.
     *
     * @throws UnreadableSourceException when the file is missing, a directory, unreadable, or binary
     *                                   (contains NUL bytes)
     */
    public static SourceFile read(Path path) throws UnreadableSourceException {
        String name = path.toString();
        if (Files.isDirectory(path)) {
            throw new UnreadableSourceException(name, "is a directory");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new UnreadableSourceException(name, "no such file");
        } catch (AccessDeniedException e) {
            throw new UnreadableSourceException(name, "permission denied");
        } catch (IOException | SecurityException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new UnreadableSourceException(name, reason.replace('\n', ' '));
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw new UnreadableSourceException(name, "binary file (contains NUL bytes)");
            }
        }
        return decode(name, bytes);
    }

    /**
     * Decodes a file's bytes as UTF-8 without refusing any: each malformed sequence becomes one U+FFFD in
     * the text and an {@link EncodingError} at its line and column, so that the rest is still checked. A
     * leading byte order mark is dropped.
     */
    public static SourceFile decode(String name, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        List<Integer> offsets = new ArrayList<>();
        List<String> malformed = new ArrayList<>();
        CoderResult result = decoder.decode(in, out, true);
        while (result.isError()) {
            offsets.add(out.position());
            malformed.add(hex(bytes, in.position(), result.length()));
            out.put(REPLACEMENT);
            in.position(in.position() + result.length());
            result = decoder.decode(in, out, true);
        }
        decoder.flush(out);
        String text = out.flip().toString();
        int skipped = 0;
        if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
            text = text.substring(1);
            skipped = 1;
        }
        List<EncodingError> errors = new ArrayList<>();
        TextPositions positions = new TextPositions(text);
        for (int i = 0; i < offsets.size(); i++) {
            errors.add(new EncodingError(positions.at(offsets.get(i) - skipped), malformed.get(i)));
        }
        return new SourceFile(name, text, errors);
    }

    private static String hex(byte[] bytes, int from, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < from + length; i++) {
            out.append(out.length() == 0 ? "" : " ").append(String.format("0x%02X", bytes[i] & 0xff));
        }
        return out.toString();
    }
}
