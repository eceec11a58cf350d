package dev.stockade.compiler.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A finding's file as a SARIF artifact URI.
 *
 * <p>Code-scanning services match results to repository files only through a URI relative to
 * the checkout, so a file is made relative to the base directory whenever it lies inside it; only
 * a file outside it keeps an absolute {@code file:} URI. Relative URIs are percent-encoded by hand
 * (everything but RFC 3986 unreserved characters and {@code /}) because {@link java.net.URI}
 * leaves characters such as {@code :} in the first segment, which a reader would take for a scheme.
 *
 * @param uri the URI text
 * @param relative true when {@code uri} is relative to {@link SarifReport#SRCROOT}
 */
record ArtifactUri(String uri, boolean relative) {

    /** The base directory as an absolute {@code file:} URI ending in {@code /}, as SARIF requires. */
    static String baseUri(Path baseDirectory) {
        String uri = baseDirectory.toAbsolutePath().normalize().toUri().toASCIIString();
        return uri.endsWith("/") ? uri : uri + "/";
    }

    /** {@code file} is a display path, either relative to the base directory already or absolute. */
    static ArtifactUri of(String file, Path baseDirectory) {
        String slashed = file.replace('\\', '/');
        Optional<Path> absolute = absolutePath(file);
        if (absolute.isEmpty()) {
            return new ArtifactUri(encode(stripDotSlash(slashed)), true);
        }
        Path base = baseDirectory.toAbsolutePath().normalize();
        Path target = absolute.get().normalize();
        if (!target.startsWith(base)) {
            return new ArtifactUri(target.toUri().toASCIIString(), false);
        }
        return new ArtifactUri(encode(base.relativize(target).toString().replace('\\', '/')), true);
    }

    private static Optional<Path> absolutePath(String file) {
        try {
            Path path = Path.of(file);
            return path.isAbsolute() ? Optional.of(path) : Optional.empty();
        } catch (InvalidPathException e) {
            // Not a path this platform can name; treat it as relative text and just encode it.
            return Optional.empty();
        }
    }

    private static String stripDotSlash(String path) {
        String rest = path;
        while (rest.startsWith("./")) {
            rest = rest.substring(2);
        }
        return rest;
    }

    static String encode(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (isUnreserved(c) || c == '/') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
