package dev.stockade.maven;

import java.nio.file.Path;
import org.apache.maven.plugin.logging.Log;

/** A Mojo configured as Maven would for a project in {@code project}: policies, output, reports, one plugin version. */
final class TestProject {

    private TestProject() {
    }

    static <T extends AbstractCompileMojo> T configure(T mojo, Path project, Log log, String targets) {
        mojo.setLog(log);
        mojo.policyDirectory = project.resolve("src/main/stockade").toFile();
        mojo.outputDirectory = project.resolve("isolation").toFile();
        mojo.failOn = "error";
        mojo.targets = targets;
        mojo.reportDirectory = project.resolve("target/stockade").toFile();
        mojo.baseDirectory = project.toFile();
        mojo.buildDirectory = project.resolve("target").toFile();
        mojo.pluginVersion = "0.1.0-test";
        return mojo;
    }
}
