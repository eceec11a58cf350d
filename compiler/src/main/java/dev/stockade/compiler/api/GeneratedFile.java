package dev.stockade.compiler.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One file the output directory should hold: its path relative to that directory ({@code /}
 * separators), its exact bytes, and whether it is written executable.
 */
public record GeneratedFile(String path, byte[] content, boolean executable) {

    public GeneratedFile {
        Objects.requireNonNull(path, "path");
        content = content.clone();
    }

    public static GeneratedFile text(String path, String text) {
        return new GeneratedFile(path, text.getBytes(StandardCharsets.UTF_8), false);
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public boolean hasContent(byte[] bytes) {
        return Arrays.equals(content, bytes);
    }

    public String sha256() {
        return sha256(content);
    }

    /** Lower-case hex SHA-256, the form {@code sha256sum} prints. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java platform has SHA-256", impossible);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GeneratedFile file && path.equals(file.path) && executable == file.executable
                && Arrays.equals(content, file.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, executable, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "GeneratedFile[" + path + ", " + content.length + " bytes" + (executable ? ", executable]" : "]");
    }
}
