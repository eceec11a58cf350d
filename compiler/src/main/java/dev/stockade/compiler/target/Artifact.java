package dev.stockade.compiler.target;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/**
 * One generated file: a path relative to the output directory ({@code /} separators), its text,
 * and whether it is a program to run (launchers and probes are written executable).
 */
public record Artifact(String path, String content, boolean executable) {

    public static final Comparator<Artifact> BY_PATH = Comparator.comparing(Artifact::path);

    public Artifact {
        if (path.startsWith("/") || path.contains("..") || path.contains("\\")) {
            throw new IllegalArgumentException("artifact path must be relative and normalized: " + path);
        }
    }

    public static Artifact file(String path, String content) {
        return new Artifact(path, content, false);
    }

    public static Artifact program(String path, String content) {
        return new Artifact(path, content, true);
    }

    public byte[] bytes() {
        return content.getBytes(StandardCharsets.UTF_8);
    }
}
