package dev.irqtopo.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the last successful run of a goal was made from and what it wrote, kept in a small text file
 * under {@code target/}: the SHA-256 digest of every input file, the plugin's identity and the
 * effective parameters, and the digest of each file written. A run whose inputs digest the same,
 * while every file it wrote is still there unchanged, has nothing to do; any difference regenerates
 * everything, which is simple and safe.
 *
 * @param inputs  the digest of the inputs, the plugin and the parameters
 * @param outputs each generated file's path under the output directory and the digest of its content
 */
record BuildState(String inputs, Map<String, String> outputs) {

    /** One input file: its path relative to the source directory, and its bytes. */
    record Input(String relativePath, byte[] bytes) {
        Input {
            Objects.requireNonNull(relativePath);
            bytes = bytes.clone();
        }
    }

    BuildState {
        Objects.requireNonNull(inputs);
        outputs = Map.copyOf(outputs);
    }

    /** The digest that decides whether anything changed since the last run. */
    static String inputsDigest(String plugin, PluginRequest request, List<Input> inputs) {
        MessageDigest digest = sha256();
        update(digest, plugin + "\n" + request.describe());
        for (Input input : inputs) {
            update(digest, "file " + input.relativePath() + " " + input.bytes().length + "\n");
            digest.update(input.bytes());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String contentDigest(byte[] content) {
        return HexFormat.of().formatHex(sha256().digest(content));
    }

    /** The state a previous run left, if there is one that can be read. */
    static Optional<BuildState> read(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (lines.isEmpty() || !lines.get(0).startsWith("inputs ")) {
            return Optional.empty();
        }
        Map<String, String> outputs = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(" ", 3);
            if (fields.length != 3 || !fields[0].equals("output")) {
                return Optional.empty();
            }
            outputs.put(fields[2], fields[1]);
        }
        return Optional.of(new BuildState(lines.get(0).substring("inputs ".length()), outputs));
    }

    void write(Path file) throws IOException {
        StringBuilder text = new StringBuilder("inputs ").append(inputs).append('\n');
        new TreeMap<>(outputs).forEach((path, hash) ->
                text.append("output ").append(hash).append(' ').append(path).append('\n'));
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Whether this state was made from {@code inputs} and every file it lists is still as written. */
    boolean matches(String inputsDigest, Path outputDirectory) throws IOException {
        if (!inputs.equals(inputsDigest)) {
            return false;
        }
        for (Map.Entry<String, String> output : outputs.entrySet()) {
            Path file = outputDirectory.resolve(output.getKey());
            if (!Files.isRegularFile(file) || !contentDigest(Files.readAllBytes(file)).equals(output.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
