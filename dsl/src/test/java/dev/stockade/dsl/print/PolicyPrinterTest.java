package dev.stockade.dsl.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockade.dsl.ParseResult;
import dev.stockade.dsl.PolicyParser;
import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.model.NetworkRules;
import dev.stockade.dsl.model.PolicyFile;
import dev.stockade.dsl.model.PolicySet;
import dev.stockade.dsl.model.Server;
import dev.stockade.dsl.model.Text;
import dev.stockade.dsl.source.SourceFile;
import dev.stockade.dsl.source.Span;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyPrinterTest {

    private static final Span AT = Span.of("t.stockade", 1, 1, 1);

    @Test
    void printsTheCanonicalLayout() {
        String text = """
                server b { command "/bin/b"; limits { cpu 50% }; network none; runtime jvm
                accept limits-missing because "r" }
                stockade 1
                """;
        String messy = "stockade 1\n" + text.substring(0, text.indexOf("stockade 1"));

        assertThat(print(messy)).isEqualTo("""
                stockade 1

                server b {
                  command "/bin/b"
                  runtime jvm
                  network none

                  limits {
                    cpu 50%
                  }

                  accept limits-missing because "r"
                }
                """);
    }

    @Test
    void printsStatementsInCanonicalOrder() {
        String printed = print("""
                server s {
                  accept net-any-port because "r"
                  macos { label "l" }
                  systemd { unit-name u }
                  compose { build "/b" }
                  kubernetes { namespace n }
                  audit { rotate 1MiB keep 1; events auth-failure; log "/l" }
                  limits { open-files 1; tasks 2; cpu 3%; memory 4MiB; retries 5; timeout 6s }
                  secrets { vault "v" { A = a }; env E }
                  network { loopback port 1; dns 10.0.0.1; deny 10.0.0.2; allow tcp 10.0.0.3 port 4 }
                  filesystem { max-file-size 1B; read "/r" }
                  workdir "/w"
                  group g
                  user u
                  runtime native
                  command "/c"
                  description "d"
                }
                """);

        assertThat(printed.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.equals("}")).toList())
                .containsExactly("server s {", "description \"d\"", "command \"/c\"", "runtime native", "user u",
                        "group g", "workdir \"/w\"", "filesystem {", "read \"/r\"", "max-file-size 1B", "network {",
                        "allow tcp 10.0.0.3 port 4", "deny 10.0.0.2", "dns 10.0.0.1", "loopback port 1",
                        "secrets {", "env E", "vault \"v\" {", "A = a", "limits {", "timeout 6s", "retries 5",
                        "memory 4MiB", "cpu 3%", "tasks 2", "open-files 1", "audit {", "log \"/l\"",
                        "events auth-failure", "rotate 1MiB keep 1", "kubernetes {", "namespace n", "compose {",
                        "build \"/b\"", "systemd {", "unit-name u", "macos {", "label \"l\"",
                        "accept net-any-port because \"r\"");
    }

    @Test
    void emptyFilePrintsNothingAndAVersionAlonePrintsOneLine() {
        assertThat(print("")).isEmpty();
        assertThat(print("# only a comment\n")).isEmpty();
        assertThat(print("stockade 1")).isEqualTo("stockade 1\n");
    }

    @Test
    void escapesEveryCharacterAStringCannotHoldAsWritten() {
        String value = "q\" b\\ n\n t\t nul\u0000 del\u007F c1\u0085 ls\u2028 ps\u2029 bom\uFEFF é😀";
        assertThat(Tokens.string(value)).isEqualTo(
                "\"q\\\" b\\\\ n\\n t\\t nul\\u{0} del\\u{7F} c1\\u{85} ls\\u{2028} ps\\u{2029} bom\\u{FEFF} é😀\"");
    }

    /** Control characters are an error in a policy, but the model keeps them and the printer spells them back. */
    @Test
    void controlCharactersRoundTripThroughTheirEscapes() {
        String source = "server s {\n  command \"/c\" \"a\\nb\" \"\\t\" \"\\u{0}\\u{1B}[0m\"\n}\n";
        ParseResult first = PolicyParser.parse(SourceFile.of("t.stockade", source));
        String printed = PolicyPrinter.print(first.policies().files().get(0));

        assertThat(printed).isEqualTo(source);
        ParseResult second = PolicyParser.parse(SourceFile.of("t.stockade", printed));
        assertThat(second.policies()).isEqualTo(first.policies());
        assertThat(second.diagnostics()).extracting(Diagnostic::rule).containsOnly("string-control").hasSize(3);
    }

    @Test
    void quotesIpv6AndHostNamesButNotIpv4() {
        String printed = print("""
                server s {
                  command "/c"
                  network {
                    allow tcp "10.0.0.1" port 80,443
                    allow udp "2001:DB8:0:0:0:0:0:1" port 53
                    allow tcp "2001:db8::/32" port 1-65535
                    deny "10.1.0.0/16"
                    dns "db.internal"
                  }
                }
                """);

        assertThat(printed).contains(
                "    allow tcp 10.0.0.1 port 80,443\n",
                "    allow udp \"2001:db8::1\" port 53\n",
                "    allow tcp \"2001:db8::/32\" port 1-65535\n",
                "    deny 10.1.0.0/16\n",
                "    dns \"db.internal\"\n");
    }

    @Test
    void quotesVaultFieldsAndLabelKeysOnlyWhenTheyCannotStandBare() {
        String printed = print("""
                server s {
                  command "/c"
                  secrets { vault "v" { A = "plain_Field1"; B = "with-dash"; C = "9lives"; D = "" } }
                  kubernetes { labels { "team" = "t"; "Team" = "t"; "a.b/c" = "t"; "x_y" = "t"; "" = "e" } }
                }
                """);

        assertThat(printed).contains("A = plain_Field1\n", "B = \"with-dash\"\n", "C = \"9lives\"\n", "D = \"\"\n",
                "team = \"t\"\n", "\"Team\" = \"t\"\n", "\"a.b/c\" = \"t\"\n", "\"x_y\" = \"t\"\n", "\"\" = \"e\"\n");
    }

    @Test
    void keepsSizesDurationsAndPortsAsWrittenAndSourceOrderOfGrants() {
        String printed = print("""
                server s {
                  command "/c"
                  filesystem { deny "/a/b"; read "/a" "/c/"; deny "/a/b"; max-file-size 0007KB }
                  network { loopback port 9000,22,8000-8100,22 }
                  limits { timeout 90m }
                }
                """);

        assertThat(printed).contains("    deny \"/a/b\"\n    read \"/a\" \"/c\"\n    deny \"/a/b\"\n    max-file-size 7KB\n",
                "loopback port 9000,22,8000-8100,22\n", "timeout 90m\n");
    }

    @Test
    void anEmptyNetworkBlockIsNetworkNone() {
        Server parsed = PolicyPrinterTest.parse("server s {\n  command \"/c\"\n  network none\n}\n").servers().get(0);
        Server emptyRules = withNetwork(parsed, new NetworkRules(List.of(), List.of(), Optional.empty(), Optional.empty(), AT));

        assertThat(ServerPrinter.print(emptyRules).lines()).contains("  network none");
    }

    @Test
    void printsEachFileOfASetUnderItsPath() {
        PolicyFile a = parse("server a { command \"/a\" }");
        PolicyFile b = new PolicyFile("b.stockade", Optional.empty(), List.of(), AT);

        assertThat(PolicyPrinter.print(new PolicySet(List.of(a, b))))
                .containsExactly(org.assertj.core.api.Assertions.entry("t.stockade", "server a {\n  command \"/a\"\n}\n"),
                        org.assertj.core.api.Assertions.entry("b.stockade", ""));
        assertThatThrownBy(() -> PolicyPrinter.print(new PolicySet(List.of(a, a))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("t.stockade");
    }

    @Test
    void printsAHandBuiltDescription() {
        Server parsed = parse("server s { command \"/c\" }").servers().get(0);
        Server described = new Server(parsed.name(), Optional.of(new Text("tab\there", AT)), parsed.command(),
                parsed.runtime(), parsed.user(), parsed.group(), parsed.workdir(), parsed.filesystem(), parsed.network(),
                parsed.secrets(), parsed.limits(), parsed.audit(), parsed.kubernetes(), parsed.compose(), parsed.systemd(),
                parsed.macos(), parsed.accepts(), AT);

        assertThat(ServerPrinter.print(described).lines()).contains("  description \"tab\\there\"");
    }

    private static Server withNetwork(Server s, dev.stockade.dsl.model.Network network) {
        return new Server(s.name(), s.description(), s.command(), s.runtime(), s.user(), s.group(), s.workdir(),
                s.filesystem(), Optional.of(network), s.secrets(), s.limits(), s.audit(), s.kubernetes(), s.compose(),
                s.systemd(), s.macos(), s.accepts(), s.span());
    }

    /** Parses text that must have no diagnostics and prints it canonically. */
    private static String print(String text) {
        return PolicyPrinter.print(parse(text));
    }

    private static PolicyFile parse(String text) {
        ParseResult result = PolicyParser.parse(SourceFile.of("t.stockade", text));
        assertThat(result.diagnostics()).isEmpty();
        return result.policies().files().get(0);
    }
}
