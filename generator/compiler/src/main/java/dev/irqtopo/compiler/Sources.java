package dev.irqtopo.compiler;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads source files as UTF-8 text, refusing what is not text with a message fit for people. */
public final class Sources {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private Sources() {
    }

    /**
     * Reads a file. Its name in diagnostics is the path as given.
     *
     * @throws UnreadableSourceException when the file is missing, a directory, unreadable, not UTF-8,
     *                                   or binary (contains NUL bytes)
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
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableSourceException(name, "not UTF-8 text");
        }
        if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
            text = text.substring(1);
        }
        return new SourceFile(name, text);
    }
}
