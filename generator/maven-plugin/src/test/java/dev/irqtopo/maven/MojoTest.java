package dev.irqtopo.maven;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mojos themselves: skip first, check the package, run, register the right source root. */
class MojoTest {

    @TempDir
    Path base;

    private <M extends AbstractIrqtopoMojo> M configure(M mojo, Path sources, Path output) {
        mojo.project = new MavenProject();
        mojo.buildDirectory = base.resolve("target").toFile();
        mojo.setLog(new RecordingLog());
        if (mojo instanceof GenerateMojo main) {
            main.sourceDirectory = sources.toFile();
            main.outputDirectory = output.toFile();
        } else if (mojo instanceof TestGenerateMojo test) {
            test.sourceDirectory = sources.toFile();
            test.outputDirectory = output.toFile();
        }
        return mojo;
    }

    private Path sources() throws IOException {
        Path dir = Files.createDirectories(base.resolve("src"));
        Files.writeString(dir.resolve("x.irqtopo"), "platform X { cpu x86 { cpus 1; } }\n");
        return dir;
    }

    @Test
    void generateAddsItsOutputToTheMainSources() throws Exception {
        Path output = base.resolve("out/main");
        GenerateMojo mojo = configure(new GenerateMojo(), sources(), output);
        mojo.packageName = "dev.main";
        mojo.execute();
        assertThat(mojo.project.getCompileSourceRoots()).containsExactly(output.toString());
        assertThat(mojo.project.getTestCompileSourceRoots()).isEmpty();
        assertThat(Files.exists(output.resolve("dev/main/X.java"))).isTrue();
        assertThat(Files.exists(base.resolve("target/irqtopo-maven-plugin/generate.state"))).isTrue();

        // up to date: the root is registered all the same
        GenerateMojo again = configure(new GenerateMojo(), base.resolve("src"), output);
        again.packageName = "dev.main";
        again.execute();
        assertThat(((RecordingLog) again.getLog()).at("INFO").get(0)).contains("unchanged since the last run");
        assertThat(again.project.getCompileSourceRoots()).containsExactly(output.toString());
    }

    @Test
    void testGenerateAddsItsOutputToTheTestSources() throws Exception {
        Path output = base.resolve("out/test");
        TestGenerateMojo mojo = configure(new TestGenerateMojo(), sources(), output);
        mojo.packageName = "dev.test";
        mojo.execute();
        assertThat(mojo.project.getTestCompileSourceRoots()).containsExactly(output.toString());
        assertThat(mojo.project.getCompileSourceRoots()).isEmpty();
        assertThat(Files.exists(base.resolve("target/irqtopo-maven-plugin/test-generate.state"))).isTrue();
    }

    @Test
    void skipComesFirst() throws Exception {
        Path output = base.resolve("out");
        GenerateMojo mojo = configure(new GenerateMojo(), sources(), output);
        mojo.skip = true;
        mojo.packageName = "not a package";
        mojo.execute();
        assertThat(((RecordingLog) mojo.getLog()).at("INFO"))
                .containsExactly("irqtopo: skipping generate (irqtopo.skip)");
        assertThat(mojo.project.getCompileSourceRoots()).isEmpty();
        assertThat(Files.exists(output)).isFalse();
    }

    @Test
    void anInvalidPackageNameFailsTheBuild() throws Exception {
        GenerateMojo mojo = configure(new GenerateMojo(), sources(), base.resolve("out"));
        mojo.packageName = "dev.int.x";
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertThat(e).hasMessageThat().isEqualTo("irqtopo: packageName: 'int' in 'dev.int.x' is a Java keyword");
    }

    @Test
    void theDefaultsFollowTheToolingSpecification() throws Exception {
        String descriptor = new String(GenerateMojo.class.getResourceAsStream("/META-INF/maven/plugin.xml")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(descriptor).contains("<goal>generate</goal>");
        assertThat(descriptor).contains("<phase>generate-sources</phase>");
        assertThat(descriptor).contains("<goal>test-generate</goal>");
        assertThat(descriptor).contains("<phase>generate-test-sources</phase>");
        assertThat(descriptor).contains(
                "<sourceDirectory implementation=\"java.io.File\" default-value=\"${basedir}/src/main/irqtopo\"/>");
        assertThat(descriptor).contains("default-value=\"${project.build.directory}/generated-sources/irqtopo\"");
        assertThat(descriptor).contains(
                "<sourceDirectory implementation=\"java.io.File\" default-value=\"${basedir}/src/test/irqtopo\"/>");
        assertThat(descriptor).contains("default-value=\"${project.build.directory}/generated-test-sources/irqtopo\"");
        assertThat(descriptor).contains("<skip implementation=\"boolean\" default-value=\"false\">${irqtopo.skip}</skip>");
        assertThat(GenerateMojo.class.getResource("/META-INF/m2e/lifecycle-mapping-metadata.xml")).isNotNull();
    }
}
