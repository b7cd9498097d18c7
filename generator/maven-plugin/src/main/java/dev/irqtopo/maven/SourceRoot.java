package dev.irqtopo.maven;

import java.nio.file.Path;
import org.apache.maven.project.MavenProject;

/** Which compilation the generated sources belong to: the main code's or the tests'. */
enum SourceRoot {
    MAIN("generate") {
        @Override
        void register(MavenProject project, Path directory) {
            project.addCompileSourceRoot(directory.toString());
        }
    },
    TEST("test-generate") {
        @Override
        void register(MavenProject project, Path directory) {
            project.addTestCompileSourceRoot(directory.toString());
        }
    };

    private final String goal;

    SourceRoot(String goal) {
        this.goal = goal;
    }

    /** The goal that generates for this root; it also names the goal's state file. */
    String goal() {
        return goal;
    }

    /** Adds the output directory to the project's sources of this kind, so that the compiler sees it. */
    abstract void register(MavenProject project, Path directory);
}
