package dev.irqtopo.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** {@code irqtopo --version}: the project version the build wrote into a resource. */
final class VersionProvider implements CommandLine.IVersionProvider {

    static final String RESOURCE = "version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"irqtopo " + version()};
    }

    static String version() {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // the resource is inside our own jar; unreadable means a broken build, reported as unknown
        }
        return properties.getProperty("version", "unknown");
    }
}
