package dev.stockade.dsl.parse;

import static dev.stockade.dsl.parse.Policies.parse;
import static dev.stockade.dsl.parse.Policies.show;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.dsl.ParseResult;
import dev.stockade.dsl.PolicyParser;
import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.model.Server;
import dev.stockade.dsl.source.SourceFile;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Many errors in one file, and servers across files. */
class MultipleFilesAndErrorsTest {

    /** Five independent model-level errors on different lines of one server, between two good servers. */
    static final String FIVE_CHECK_ERRORS = """
            stockade 1
            server good-a {
              command "/bin/a"
            }
            server bad {
              command "bin/x"
              runtme node
              filesystem {
                read "/a/../b"
              }
              limits {
                memory 10mb
              }
              user Bad
            }
            server good-b {
              command "/bin/b"
              network {
                allow tcp 10.0.0.1 port 443
              }
            }
            """;

    /** Five independent errors the grammar itself reports, each in a different server or block. */
    static final String FIVE_SYNTAX_ERRORS = """
            server good-a {
              command "/bin/a" @
            }
            server b {
              command "/bin/b"
              description "no end
              network {
                allow tcp 10.0.0.1
                loopback port 80 443
              }
              limits {
                5
              }
            }
            server good-c {
              command "/bin/c"
              user c
            }
            """;

    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of("model-level errors", FIVE_CHECK_ERRORS,
                        List.of("command-relative 6:11", "syntax 7:3", "path-syntax 9:10", "syntax 12:12", "name-syntax 14:8"),
                        List.of("good-a", "bad", "good-b")),
                Arguments.of("grammar-level errors", FIVE_SYNTAX_ERRORS,
                        List.of("syntax 2:20", "syntax 6:15", "syntax 8:23", "syntax 9:22", "syntax 12:5"),
                        List.of("good-a", "b", "good-c")));
    }

    @ParameterizedTest(name = "{0}: all five reported in order, good servers kept")
    @MethodSource("files")
    void reportsEveryErrorAndKeepsTheServers(String name, String text, List<String> errors, List<String> servers) {
        ParseResult result = parse(text);
        assertThat(result.diagnostics()).as(show(result.diagnostics()))
                .extracting(d -> d.rule() + " " + d.span().line() + ":" + d.span().column())
                .containsExactlyElementsOf(errors);
        assertThat(result.policies().servers()).extracting(s -> s.name().value()).containsExactlyElementsOf(servers);
        assertThat(result.hasErrors()).isTrue();
    }

    @Test
    void goodServersNextToBadOnesAreComplete() {
        List<Server> servers = parse(FIVE_CHECK_ERRORS).policies().servers();
        assertThat(servers.get(2).network()).isPresent();
        assertThat(servers.get(1).filesystem()).isPresent();
        assertThat(servers.get(1).limits().orElseThrow().memory()).isEmpty();
        List<Server> syntax = parse(FIVE_SYNTAX_ERRORS).policies().servers();
        assertThat(syntax.get(2).user().orElseThrow().value()).isEqualTo("c");
    }

    @Test
    void duplicateServerAcrossFilesFlagsTheSecondFile() {
        SourceFile a = SourceFile.of("policies/a.stockade", "server s {\n  command \"/bin/a\"\n}\n");
        SourceFile b = SourceFile.of("policies/b.stockade", "# b\n\nserver s {\n  command \"/bin/b\"\n}\n");
        ParseResult ab = PolicyParser.parse(List.of(a, b));
        assertThat(ab.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.rule()).isEqualTo("duplicate-server");
            assertThat(d.span().file()).isEqualTo("policies/b.stockade");
            Policies.assertAt(d.span(), 3, 8, 9);
            assertThat(d.message()).contains("policies/a.stockade");
        });
        ParseResult ba = PolicyParser.parse(List.of(b, a));
        assertThat(ba.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.span().file()).isEqualTo("policies/a.stockade");
            Policies.assertAt(d.span(), 1, 8, 9);
        });
        assertThat(ab.policies().servers()).hasSize(2);
    }

    @Test
    void theNamesAloneGiveTheDuplicatesThatCombiningTheFilesGives() {
        SourceFile a = SourceFile.of("policies/a.stockade", "server s {\n  command \"/bin/a\"\n}\nserver t {\n}\n");
        SourceFile b = SourceFile.of("policies/b.stockade", "server t {\n}\nserver s {\n}\nserver s {\n}\n");
        ParseResult combined = PolicyParser.parse(List.of(a, b));

        List<Diagnostic> fromNames = PolicyParser.duplicateServers(
                combined.policies().servers().stream().map(Server::name).toList());

        List<Diagnostic> fromCombine = combined.diagnostics().stream().filter(d -> d.rule().equals("duplicate-server")).toList();
        assertThat(fromNames).hasSize(3).isEqualTo(fromCombine);
        assertThat(fromNames).extracting(d -> d.span().line()).containsExactly(1, 3, 5);
    }

    @Test
    void differentServersAcrossFilesAreFine() {
        SourceFile a = SourceFile.of("a.stockade", "server s {\n  command \"/bin/a\"\n}\n");
        SourceFile b = SourceFile.of("b.stockade", "stockade 1\nserver t {\n  command \"/bin/b\"\n}\n");
        ParseResult result = PolicyParser.parse(List.of(a, b));
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.policies().files()).extracting(f -> f.path()).containsExactly("a.stockade", "b.stockade");
        assertThat(result.policies().servers()).extracting(s -> s.name().value()).containsExactly("s", "t");
    }

    @Test
    void diagnosticsOfSeveralFilesAreSortedByFileThenPosition() {
        SourceFile z = SourceFile.of("z.stockade", "server z {\n  runtime ruby\n}\n");
        SourceFile a = SourceFile.of("a.stockade", "server a {\n  command \"x\"\n  user A\n}\n");
        ParseResult result = PolicyParser.parse(List.of(z, a));
        List<Diagnostic> diagnostics = result.diagnostics();
        assertThat(diagnostics).as(show(diagnostics))
                .extracting(d -> d.span().file() + ":" + d.span().line() + ":" + d.span().column() + " " + d.rule())
                .containsExactly("a.stockade:2:11 command-relative", "a.stockade:3:8 name-syntax",
                        "z.stockade:1:8 command-missing", "z.stockade:2:11 syntax");
    }
}
