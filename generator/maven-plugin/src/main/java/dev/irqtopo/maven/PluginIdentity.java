package dev.irqtopo.maven;

import dev.irqtopo.compiler.Compiler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Properties;

/**
 * The plugin as the up-to-date digest sees it: its version and, for a snapshot (which is rebuilt under
 * the same version), when the plugin and the generator were built, so that a rebuilt generator
 * regenerates.
 */
final class PluginIdentity {

    private PluginIdentity() {
    }

    static String version() {
        Properties properties = new Properties();
        try (InputStream in = PluginIdentity.class.getResourceAsStream("plugin.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // inside our own jar: unreadable means a broken build, which the version then shows
        }
        return properties.getProperty("version", "unknown");
    }

    static String describe() {
        String version = version();
        if (!version.endsWith("-SNAPSHOT")) {
            return "irqtopo-maven-plugin " + version;
        }
        return "irqtopo-maven-plugin " + version + " built " + builtAt(PluginIdentity.class) + " "
                + builtAt(Compiler.class);
    }

    /** When the jar or class directory a class was loaded from last changed, or 0 if unknown. */
    private static long builtAt(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null) {
            return 0;
        }
        try {
            return Files.getLastModifiedTime(Path.of(source.getLocation().toURI())).toMillis();
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            return 0;
        }
    }
}
