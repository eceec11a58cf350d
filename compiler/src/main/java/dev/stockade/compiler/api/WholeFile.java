package dev.stockade.compiler.api;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a whole file the cheap way on the path every build takes, and the precise way when it
 * fails.
 *
 * <p>The up-to-date check reads the policies and every generated file in a fresh plugin class
 * realm. {@link FileInputStream} is loaded by every JVM before {@code main}; the first
 * {@link Files#readAllBytes} loads about 25 channel classes and runs more interpreted code per
 * file: 90 small files took 8 ms of CPU that way and 2.4 ms this way (docs/performance.md).
 * {@link FileInputStream} reports every failure as a {@code FileNotFoundException} with the reason
 * in its message, so a failure is read again with {@link Files#readAllBytes}, which throws the
 * typed exception callers tell apart ({@code NoSuchFileException}, {@code AccessDeniedException}).
 */
final class WholeFile {

    private WholeFile() {
    }

    static byte[] read(Path file) throws IOException {
        try (FileInputStream in = new FileInputStream(file.toFile())) {
            return in.readAllBytes();
        } catch (IOException failure) {
            // INVARIANT: NIO either throws the typed exception or, if the file appeared or became
            // readable meanwhile, returns its bytes; both are what a plain NIO read would give.
            return Files.readAllBytes(file);
        }
    }
}
