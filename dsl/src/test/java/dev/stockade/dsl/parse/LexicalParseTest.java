package dev.stockade.dsl.parse;

import static dev.stockade.dsl.parse.Policies.assertAt;
import static dev.stockade.dsl.parse.Policies.inServer;
import static dev.stockade.dsl.parse.Policies.onlyServer;
import static dev.stockade.dsl.parse.Policies.parse;
import static dev.stockade.dsl.parse.Policies.show;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.dsl.ParseResult;
import dev.stockade.dsl.PolicyParser;
import dev.stockade.dsl.model.Name;
import dev.stockade.dsl.model.NetworkRules;
import dev.stockade.dsl.model.PathValue;
import dev.stockade.dsl.model.PolicySet;
import dev.stockade.dsl.model.Server;
import dev.stockade.dsl.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The lexical structure: escapes, line endings, BOM, comments, separators, brace placement, keywords as names. */
class LexicalParseTest {

    /** The complete example of docs/language.md. */
    static final String EXAMPLE = """
            stockade 1

            # The file server of project A: reads sources, writes build output,
            # talks to one PostgreSQL host.
            server mcp-fileserver {
              description "Read project A's sources, write build output"
              command "/usr/bin/node" "/opt/mcp-file-server/server.js"
              runtime node
              user mcp-fileserver
              group mcp-staff
              workdir "/opt/mcp-file-server"

              filesystem {
                read   "/workspace/project-a/src" "/workspace/project-a/tests"
                write  "/workspace/project-a/output"
                append "/var/log/mcp-fileserver.log"
                deny   "/workspace/project-a/src/.env" "/workspace/project-a/src/secrets"
                max-file-size 10MiB
              }

              network {
                allow tcp 10.0.1.50 port 5432
                dns 10.0.1.10
              }

              secrets {
                env DATABASE_URL
                vault "database/creds/mcp-readonly" ttl 1h {
                  DATABASE_USER = username
                  DATABASE_PASSWORD = password
                }
              }

              limits {
                timeout 30s
                retries 2
                memory 512MiB
                cpu 50%
                tasks 64
              }

              audit {
                log "/var/log/mcp-audit.log"
                events file-access network-request command-execution auth-failure
                rotate 100MiB keep 10
              }

              kubernetes {
                namespace mcp-servers
                image "registry.example.com/mcp-fileserver:1.4.2"
              }

              compose {
                image "registry.example.com/mcp-fileserver:1.4.2"
              }
            }

            server mcp-notes {
              command "/usr/bin/python3" "-m" "notes_server"
              runtime python
              filesystem {
                read "/srv/notes"
              }
              network none
              accept audit-missing because "notes are public; the host journal is enough"
            }
            """;

    record Row(String name, String text, Consumer<Server> check) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> clean() {
        return Stream.of(
                new Row("escape \\\" and \\\\", inServer("  description \"say \\\"hi\\\" to C:\\\\dir\""),
                        s -> assertThat(s.description().orElseThrow().value()).isEqualTo("say \"hi\" to C:\\dir")),
                new Row("escape \\u{E9}", inServer("  description \"caf\\u{E9}\""),
                        s -> assertThat(s.description().orElseThrow().value()).isEqualTo("café")),
                new Row("escape \\u{1F600} outside the BMP", inServer("  description \"smile \\u{1F600}\""),
                        s -> assertThat(s.description().orElseThrow().value()).isEqualTo("smile \uD83D\uDE00")),
                new Row("escape \\u{2F} in a path", inServer("  workdir \"\\u{2F}opt\\u{2f}x\""),
                        s -> assertThat(s.workdir().map(PathValue::value)).contains("/opt/x")),
                new Row("columns count code points after a non-BMP character", inServer("  description \"\uD83D\uDE00\" ; user u"),
                        s -> assertAt(s.user().orElseThrow().span(), 3, 26, 27)),
                new Row("# comment after a statement", inServer("  runtime node # the JIT needs W+X"),
                        s -> assertThat(s.runtime()).isPresent()),
                new Row("// comment on its own line and after a statement", inServer("  // who runs it\n  user u // dedicated"),
                        s -> assertThat(s.user().map(Name::value)).contains("u")),
                new Row("port 443// comment ends the port list", inServer("  network {\n    allow tcp 10.0.0.0/8 port 443// https\n  }"),
                        s -> assertThat(((NetworkRules) s.network().orElseThrow()).allows().get(0).ports().ranges())
                                .singleElement().satisfies(r -> assertThat(r.text()).isEqualTo("443"))),
                new Row("10.0.0.0/8// comment ends the CIDR", inServer("  network {\n    deny 10.0.0.0/8// lab\n  }"),
                        s -> assertThat(((NetworkRules) s.network().orElseThrow()).denies().get(0).address().text())
                                .isEqualTo("10.0.0.0/8")),
                new Row("; separates statements on one line", "server s { command \"/bin/x\"; runtime node; user u }\n",
                        s -> {
                            assertThat(s.user().map(Name::value)).contains("u");
                            assertThat(s.runtime()).isPresent();
                        }),
                new Row("; after a closing brace", inServer("  filesystem { read \"/a\" }; network none"),
                        s -> assertThat(s.network()).isPresent()),
                new Row("; and blank lines repeat freely", inServer("  ;;\n\n  user u;;\n  ;"),
                        s -> assertThat(s.user()).isPresent()),
                new Row("{ on the next line, for the server and every block",
                        "server s\n{\n  command \"/bin/x\"\n  filesystem\n  {\n    read \"/a\"\n  }\n  network\n\n  {\n"
                                + "    allow tcp 10.0.0.1 port 1\n  }\n  secrets\n  {\n    vault \"v\"\n    {\n      A = b\n    }\n  }\n"
                                + "  kubernetes\n  {\n    labels\n    {\n      a = \"b\"\n    }\n  }\n}\n",
                        s -> {
                            assertThat(s.filesystem().orElseThrow().statements()).hasSize(1);
                            assertThat(s.secrets().orElseThrow().vaults().get(0).fields()).hasSize(1);
                            assertThat(s.kubernetes().orElseThrow().labels()).hasSize(1);
                        }),
                new Row("keywords as names: server network, user read, group deny",
                        "server network {\n  command \"/bin/x\"\n  user read\n  group deny\n}\n",
                        s -> {
                            assertThat(s.name().value()).isEqualTo("network");
                            assertThat(s.user().map(Name::value)).contains("read");
                            assertThat(s.group().map(Name::value)).contains("deny");
                        }),
                new Row("keywords as names in blocks", inServer("  kubernetes {\n    namespace image\n    service-account labels\n  }\n"
                        + "  systemd {\n    unit-name server\n  }\n  secrets {\n    env env vault\n    vault \"v\" { role = ttl }\n  }"),
                        s -> {
                            assertThat(s.kubernetes().orElseThrow().namespace().map(Name::value)).contains("image");
                            assertThat(s.kubernetes().orElseThrow().serviceAccount().map(Name::value)).contains("labels");
                            assertThat(s.systemd().orElseThrow().unitName().map(Name::value)).contains("server");
                            assertThat(s.secrets().orElseThrow().env().get(0).names()).extracting(Name::value)
                                    .containsExactly("env", "vault");
                            assertThat(s.secrets().orElseThrow().vaults().get(0).fields().get(0).field().value()).isEqualTo("ttl");
                        }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clean")
    void parsesCleanly(Row row) {
        row.check().accept(onlyServer(row.text()));
    }

    static Stream<Arguments> controlEscapes() {
        return Stream.of(
                Arguments.of("tab escape", "\\t", "a\tb"),
                Arguments.of("newline escape", "\\n", "a\nb"),
                Arguments.of("NUL escape", "\\u{0}", "a\u0000b"));
    }

    /** The escape decodes, and the control character it yields is then rejected where it would reach an artifact. */
    @ParameterizedTest(name = "{0} in a description decodes, then is string-control")
    @MethodSource("controlEscapes")
    void controlEscapesDecodeButAreRejected(String name, String escape, String decoded) {
        String literal = "\"a" + escape + "b\"";
        ParseResult result = parse(inServer("  description " + literal));
        assertThat(result.policies().servers().get(0).description().orElseThrow().value()).isEqualTo(decoded);
        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.rule()).isEqualTo("string-control");
            assertAt(d.span(), 3, 15, 15 + literal.length());
        });
    }

    @Test
    void newlineEscapeInAPathIsPathSyntax() {
        ParseResult result = parse(inServer("  workdir \"/opt/a\\nb\""));
        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.rule()).isEqualTo("path-syntax");
            assertAt(d.span(), 3, 11, 22);
        });
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "\n", "\n\n;\n", "# only a comment\n// and another", "stockade 1\n", "\uFEFF", "\r\n"})
    void emptyFilesAreValid(String text) {
        ParseResult result = parse(text);
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.policies().servers()).isEmpty();
    }

    @Test
    void completeExampleOfTheLanguagePageParsesCleanly() {
        ParseResult result = parse(EXAMPLE);
        assertThat(result.diagnostics()).as(show(result.diagnostics())).isEmpty();
        assertThat(result.policies().servers()).extracting(s -> s.name().value()).containsExactly("mcp-fileserver", "mcp-notes");
        assertThat(result.policies().files().get(0).version().orElseThrow().number()).isEqualTo(1);
    }

    @Test
    void crlfLineEndingsGiveTheSameModelAndPositions() {
        ParseResult lf = parse(EXAMPLE);
        ParseResult crlf = parse(EXAMPLE.replace("\n", "\r\n"));
        assertThat(crlf.diagnostics()).as(show(crlf.diagnostics())).isEmpty();
        assertThat(crlf.policies()).isEqualTo(lf.policies());
        var lfRead = lf.policies().servers().get(0).filesystem().orElseThrow().statements().get(0).paths().get(1).span();
        var crlfRead = crlf.policies().servers().get(0).filesystem().orElseThrow().statements().get(0).paths().get(1).span();
        assertAt(crlfRead, 14, 39, 67);
        assertThat(crlfRead.samePosition(lfRead)).isTrue();
    }

    @Test
    void byteOrderMarkIsAcceptedAndNotCounted() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = inServer("  user u").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(body, 0, bytes, bom.length, body.length);
        for (SourceFile file : new SourceFile[] {SourceFile.fromBytes("t.stockade", bytes),
                SourceFile.of("t.stockade", "\uFEFF" + inServer("  user u"))}) {
            ParseResult result = PolicyParser.parse(file);
            assertThat(result.diagnostics()).as(show(result.diagnostics())).isEmpty();
            assertAt(result.policies().servers().get(0).name().span(), 1, 8, 9);
        }
    }

    @Test
    void crlfAndBomTogether() {
        ParseResult result = parse("\uFEFF" + EXAMPLE.replace("\n", "\r\n"));
        assertThat(result.diagnostics()).isEmpty();
        PolicySet expected = parse(EXAMPLE).policies();
        assertThat(result.policies()).isEqualTo(expected);
    }
}
