package dev.stockade.dsl;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Random edits of a policy's bytes and tokens: the fuzzer's source of broken input. */
final class Mutator {

    /** Fragments worth inserting: the language's own pieces, and characters that tend to break lexers. */
    private static final String[] FRAGMENTS = {
        "server", "x", "{", "}", "\"", ";", "\n", "\r\n", "\r", "=", "#", "//", " ", "\t",
        "stockade 1", "stockade", "network none", "read", "port", "allow tcp", "vault", "labels", "at",
        "10MiB", "10 MiB", "1h30m", "1.5h", "50%", "80,443", "8000-8100", "0-0", "99999", "10.0.0.0/8",
        "\"2001:db8::/64\"", "2001:db8::1", "\"db.internal\"", "\"/a/../b\"", "\"rel\"", "\\", "\\u{",
        "\\u{D800}", "\\u{110000}", "\\q", "\u201Cx\u201D", "\u00E9", "\uD83D\uDE00", "\u2028", "\uFEFF",
        "\u0000", "99999999999999999999", "-", "--", "A_B", "Upper",
    };

    private final Random random;

    Mutator(Random random) {
        this.random = random;
    }

    byte[] mutate(byte[] original) {
        byte[] bytes = original;
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            bytes = random.nextInt(3) == 0 ? byteEdit(bytes) : tokenEdit(bytes);
        }
        return bytes;
    }

    private byte[] byteEdit(byte[] bytes) {
        int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
        int length = Math.min(bytes.length - at, 1 + random.nextInt(8));
        return switch (random.nextInt(6)) {
            case 0 -> splice(bytes, at, length, new byte[0]);
            case 1 -> splice(bytes, at, 0, randomBytes());
            case 2 -> splice(bytes, at, 0, Arrays.copyOfRange(bytes, at, at + length));
            case 3 -> Arrays.copyOf(bytes, at);
            case 4 -> splice(bytes, at, 0, new byte[] {(byte) 0xC3}); // a lead byte without its continuation
            default -> swapBytes(bytes);
        };
    }

    private byte[] randomBytes() {
        byte[] noise = new byte[1 + random.nextInt(6)];
        random.nextBytes(noise);
        if (random.nextBoolean()) {
            noise[0] = random.nextBoolean() ? 0 : (byte) 0xFF;
        }
        return noise;
    }

    private byte[] swapBytes(byte[] bytes) {
        if (bytes.length < 2) {
            return bytes;
        }
        byte[] copy = bytes.clone();
        int a = random.nextInt(copy.length);
        int b = random.nextInt(copy.length);
        byte t = copy[a];
        copy[a] = copy[b];
        copy[b] = t;
        return copy;
    }

    /** Edits whole words: the text split at spaces, with the separators kept as tokens of their own. */
    private byte[] tokenEdit(byte[] bytes) {
        List<String> tokens = tokens(new String(bytes, StandardCharsets.UTF_8));
        if (tokens.isEmpty()) {
            tokens.add("");
        }
        int at = random.nextInt(tokens.size());
        switch (random.nextInt(5)) {
            case 0 -> tokens.remove(at);
            case 1 -> tokens.add(at, tokens.get(at));
            case 2 -> tokens.add(at, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            case 3 -> tokens.set(at, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            default -> {
                int other = random.nextInt(tokens.size());
                String t = tokens.get(at);
                tokens.set(at, tokens.get(other));
                tokens.set(other, t);
            }
        }
        return String.join("", tokens).getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '{' || c == '}' || c == ';' || c == '"') {
                if (word.length() > 0) {
                    tokens.add(word.toString());
                    word.setLength(0);
                }
                tokens.add(String.valueOf(c));
            } else {
                word.append(c);
            }
        }
        if (word.length() > 0) {
            tokens.add(word.toString());
        }
        return tokens;
    }

    private static byte[] splice(byte[] bytes, int at, int remove, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + insert.length);
        out.write(bytes, 0, at);
        out.write(insert, 0, insert.length);
        out.write(bytes, at + remove, bytes.length - at - remove);
        return out.toByteArray();
    }

    /** The input as a Java string literal body, cut to a readable length, for a failure message. */
    static String show(byte[] input) {
        StringBuilder out = new StringBuilder();
        for (byte b : Arrays.copyOf(input, Math.min(input.length, 600))) {
            int v = b & 0xFF;
            if (v == '\n') {
                out.append("\\n\n");
            } else if (v >= 0x20 && v < 0x7F && v != '\\') {
                out.append((char) v);
            } else {
                out.append(String.format("\\x%02X", v));
            }
        }
        return input.length > 600 ? out + "…(" + input.length + " bytes)" : out.toString();
    }
}
