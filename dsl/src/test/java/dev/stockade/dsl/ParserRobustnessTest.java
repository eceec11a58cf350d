package dev.stockade.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Hostile and extreme input: the parser returns, with diagnostics that make sense, and never throws. */
class ParserRobustnessTest {

    private static final int TEN_MB = 10 * 1024 * 1024;
    private static final String TOO_MANY = "too many syntax errors; stopped after 50";

    @Test
    void emptyFileHasNoDiagnostics() {
        ParseResult result = parse("");

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.policies().files()).singleElement().satisfies(f -> assertThat(f.servers()).isEmpty());
    }

    @Test
    void fileOfOnlyCommentsHasNoDiagnostics() {
        ParseResult result = parse("# one\n// two\r\n   # three \"{\" ; }\n//");

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.policies().servers()).isEmpty();
    }

    @Test
    void randomBytesGiveSyntaxErrorsAndNoServer() {
        byte[] garbage = new byte[64 * 1024];
        new Random(7).nextBytes(garbage);

        ParseResult result = parse(garbage);

        assertThat(result.hasErrors()).isTrue();
        assertThat(result.diagnostics()).hasSizeLessThanOrEqualTo(2 * 50 + 1);
        assertThat(result.policies().servers()).isEmpty();
    }

    @Test
    void aLoneQuoteIsAnUnterminatedString() {
        ParseResult result = parse("\"");

        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.message()).isEqualTo("unterminated string");
            assertThat(d.span()).matches(s -> s.line() == 1 && s.column() == 1 && s.endColumn() == 2);
        });
    }

    @Test
    void invalidUtf8InsideAStringIsReportedWhereItIs() {
        byte[] bytes = bytes("server s {\n  command \"/c\"\n  description \"caf", new byte[] {(byte) 0xC3}, "\"\n}\n");

        ParseResult result = parse(bytes);

        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.message()).isEqualTo("invalid UTF-8 byte sequence");
            assertThat(d.span()).matches(s -> s.line() == 3 && s.column() == 19 && s.endColumn() == 20);
        });
        assertThat(result.policies().servers().get(0).description()).hasValueSatisfying(
                text -> assertThat(text.value()).isEqualTo("caf\uFFFD"));
    }

    @Test
    void invalidUtf8OutsideAStringIsOneDiagnosticPerSequence() {
        byte[] bytes = bytes(new byte[] {(byte) 0xFF}, "\nserver s {\n  command \"/c\" # caf",
                new byte[] {(byte) 0xE2, (byte) 0x82}, " in a Latin-1 comment\n}\n");

        ParseResult result = parse(bytes);

        assertThat(result.diagnostics()).extracting(Diagnostic::message).containsOnly("invalid UTF-8 byte sequence");
        assertThat(result.diagnostics()).extracting(d -> d.span().line() + ":" + d.span().column())
                .containsExactly("1:1", "3:21");
        assertThat(result.policies().servers()).singleElement().satisfies(s -> assertThat(s.command()).isPresent());
    }

    /**
     * A token that cannot start a statement, at the start of one, is reported once and skipped to
     * the next statement: the rest of the file is still read (SyntaxErrors.sync).
     */
    @Test
    void strayTokensAtTheStartOfAStatementDoNotHideTheRestOfTheFile() {
        ParseResult top = parse("@@\nserver s {\n  command \"/c\"\n}\nserver t {\n  bogus\n}\n");
        ParseResult inServer = parse("server s {\n  \"x\" 1\n  command \"/c\"\n}\n");
        ParseResult afterStatement = parse(bytes("server s {\n  command \"/c\" ", new byte[] {(byte) 0xFF}, "\n}\n"));

        assertThat(top.policies().servers()).hasSize(2);
        assertThat(top.diagnostics()).hasSize(3);
        assertThat(inServer.diagnostics()).singleElement();
        assertThat(afterStatement.diagnostics()).singleElement();
    }

    @Test
    @Timeout(60)
    void aHundredThousandNestedBracesAreOneSyntaxError() {
        String braces = "{".repeat(100_000);

        assertThat(parse(braces).diagnostics()).singleElement()
                .satisfies(d -> assertThat(d.message()).startsWith("unexpected \"{\""));
        assertThat(parse("server s {\n  command \"/c\"\n  filesystem " + braces + "\n}\n").diagnostics())
                .isNotEmpty().allSatisfy(d -> assertThat(d.rule()).isEqualTo("syntax"));
    }

    @Test
    @Timeout(120)
    void tenMegabytesOfValidServersParseWithoutErrors() {
        StringBuilder text = new StringBuilder(TEN_MB + 1024).append("stockade 1\n");
        int servers = 0;
        while (text.length() < TEN_MB) {
            text.append(server(servers++));
        }

        long start = System.nanoTime();
        ParseResult result = parse(text.toString());
        long millis = (System.nanoTime() - start) / 1_000_000;

        System.out.printf("10 MB of valid policy: %d servers parsed in %d ms%n", servers, millis);
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.policies().servers()).hasSize(servers);
    }

    @Test
    @Timeout(120)
    void tenMegabytesOfGarbageStopAfterTooManyErrors() {
        byte[] garbage = new byte[TEN_MB];
        new Random(10).nextBytes(garbage);

        long start = System.nanoTime();
        ParseResult result = parse(garbage);
        long millis = (System.nanoTime() - start) / 1_000_000;

        System.out.printf("10 MB of random bytes: %d diagnostics in %d ms%n", result.diagnostics().size(), millis);
        assertThat(result.diagnostics()).extracting(Diagnostic::message).contains(TOO_MANY);
    }

    private static String server(int n) {
        return """

                server mcp-server-%d {
                  description "server number %d"
                  command "/usr/bin/node" "/opt/mcp-%d/server.js"
                  runtime node
                  user mcp-%d
                  filesystem {
                    read "/srv/data/%d" "/srv/shared"
                    write "/var/lib/mcp-%d"
                  }
                  network {
                    allow tcp 10.%d.%d.1 port 443,8000-8100
                  }
                  limits { timeout 30s; memory 256MiB }
                }
                """.formatted(n, n, n, n, n, n, (n >> 8) & 0xFF, n & 0xFF);
    }

    private static byte[] bytes(Object... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object part : parts) {
            byte[] b = part instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) part;
            out.write(b, 0, b.length);
        }
        return out.toByteArray();
    }

    private static ParseResult parse(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses and checks what must hold for any input: well-formed diagnostics inside the file. */
    private static ParseResult parse(byte[] bytes) {
        SourceFile source = SourceFile.fromBytes("big.stockade", bytes);
        ParseResult result = PolicyParser.parse(source);
        List<String> violations = DiagnosticInvariants.violations(source, result.diagnostics());
        assertThat(violations).isEmpty();
        return result;
    }
}
