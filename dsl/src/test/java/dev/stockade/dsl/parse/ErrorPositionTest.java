package dev.stockade.dsl.parse;

import static dev.stockade.dsl.parse.Policies.inServer;
import static dev.stockade.dsl.parse.Policies.parse;
import static dev.stockade.dsl.parse.Policies.show;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.dsl.ParseResult;
import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.diagnostic.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per error the parser reports: the rule id and the exact position (line, column and, where
 * it is meaningful, the exclusive end column). Wording is free; a few rows pin that the hint names the fix.
 * Unless a row says otherwise, the expected diagnostics are all the diagnostics: no cascades.
 */
class ErrorPositionTest {

    /** One expected diagnostic; {@code endColumn} 0 leaves the end unchecked, {@code hint} null leaves it free. */
    record Expect(String rule, int line, int column, int endColumn, String hint) {
        Expect hint(String fragment) {
            return new Expect(rule, line, column, endColumn, fragment);
        }

        @Override
        public String toString() {
            return rule + " " + line + ":" + column + (endColumn > 0 ? "-" + endColumn : "");
        }
    }

    record Row(String name, String text, boolean firstOnly, List<Expect> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Expect at(String rule, int line, int column, int endColumn) {
        return new Expect(rule, line, column, endColumn, null);
    }

    static Expect at(String rule, int line, int column) {
        return new Expect(rule, line, column, 0, null);
    }

    static Row row(String name, String text, Expect... expected) {
        return new Row(name, text, false, List.of(expected));
    }

    /** For an error that also produces a consequential second diagnostic, pin only the first. */
    static Row first(String name, String text, Expect expected) {
        return new Row(name, text, true, List.of(expected));
    }

    /** A statement inside {@code BLOCK { }} on line 4, column 5. */
    static String inBlock(String block, String statement) {
        return inServer("  " + block + " {\n    " + statement + "\n  }");
    }

    static Stream<Row> syntax() {
        return Stream.of(
                row("unknown statement with did-you-mean", inServer("  runtme node"),
                        at("syntax", 3, 3, 9).hint("runtime")),
                row("unknown statement in a block with did-you-mean", inBlock("filesystem", "raed \"/a\""),
                        at("syntax", 4, 5, 9).hint("read")),
                row("statement of another block", inServer("  read \"/a\""),
                        at("syntax", 3, 3, 7).hint("filesystem")),
                row("server statement inside a block", inBlock("filesystem", "runtime node"),
                        at("syntax", 4, 5, 12).hint("server")),
                row("misspelled block is skipped with its body", inServer("  filesytem {\n    read \"/a\"\n    x { y }\n  }\n  user u"),
                        at("syntax", 3, 3, 12).hint("filesystem")),
                row("misspelled block with { on the next line", inServer("  netwrk\n  {\n    dns 10.0.0.1\n  }"),
                        at("syntax", 3, 3, 9).hint("network")),
                row("unknown statement at the top of the file", "sever s {\n}\n",
                        at("syntax", 1, 1, 6).hint("server")),
                row("missing } at end of file", "server s {\n  command \"/bin/x\"\n",
                        at("syntax", 3, 1, 1).hint("}")),
                row("missing } of a nested block", inServer("  filesystem {\n    read \"/a\"").replaceAll("\n}\n$", "\n"),
                        at("syntax", 5, 1, 1).hint("}")),
                row("stray } at the top", "}\nserver s {\n  command \"/bin/x\"\n}\n", at("syntax", 1, 1, 2)),
                row("unterminated string", inServer("  description \"no end"),
                        at("syntax", 3, 15, 22).hint("\"")),
                row("unterminated string ending in a backslash", inServer("  description \"no end\\"),
                        at("syntax", 3, 15, 23)),
                row("bad character", inServer("  user u @"), at("syntax", 3, 10, 11)),
                row("bad character on a line of its own", inServer("  $"), at("syntax", 3, 3, 4)),
                row("typographic quotes", inServer("  description \u201Cx\u201D"),
                        at("syntax", 3, 15, 16).hint("straight")),
                row("stray number in a block", inBlock("limits", "5"), at("syntax", 4, 5, 6)),
                row("unknown escape", inServer("  description \"a\\qb\""), at("syntax", 3, 17, 19)),
                row("unicode escape of a surrogate", inServer("  description \"a\\u{D800}\""), at("syntax", 3, 17, 25)),
                row("unicode escape above U+10FFFF", inServer("  description \"\\u{110000}\""), at("syntax", 3, 16, 26)),
                row("unicode escape without digits", inServer("  description \"\\u{}\""), at("syntax", 3, 16, 20)),
                row("unicode escape with 7 digits", inServer("  description \"\\u{1234567}\""), at("syntax", 3, 16, 27)),
                row("unicode escape without braces", inServer("  description \"\\u00E9\""), at("syntax", 3, 16, 18)),
                row("two statements on one line", inServer("  user u group g"),
                        at("syntax", 3, 10, 15).hint(";")),
                row("two statements on one line after }", inServer("  filesystem { read \"/a\" } network none"),
                        at("syntax", 3, 28, 35).hint(";")),
                row("two servers on one line", "server s { command \"/bin/x\" } server t { command \"/bin/x\" }\n",
                        at("syntax", 1, 31, 37)),
                row("stockade 1 after a server", "server s {\n  command \"/bin/x\"\n}\nstockade 1\n",
                        at("syntax", 4, 1, 11)),
                row("stockade 1 twice", "stockade 1\nstockade 1\n", at("syntax", 2, 1, 11)),
                row("stockade without a number", "stockade x\n", at("syntax", 1, 10, 11)),
                row("bare IPv6 address", inBlock("network", "allow tcp 2001:db8::1 port 443"),
                        at("syntax", 4, 15, 26).hint("\"2001:db8::1\"")),
                row("bare IPv6 in dns", inBlock("network", "dns ::1"), at("syntax", 4, 9, 10).hint("quote")),
                row("bare host name", inBlock("network", "allow tcp db.internal port 443"),
                        at("syntax", 4, 15, 26).hint("\"db.internal\"")),
                row("bad IPv4 octet", inBlock("network", "deny 10.0.0.256"), at("syntax", 4, 10, 20)),
                row("IPv4 with a leading zero", inBlock("network", "deny 10.0.0.01"), at("syntax", 4, 10, 19)),
                row("size unit in the wrong case", inBlock("filesystem", "max-file-size 10mb"),
                        at("syntax", 4, 19, 23).hint("10MB")),
                row("size unit mib", inBlock("limits", "memory 512mib"), at("syntax", 4, 12, 18).hint("512MiB")),
                row("size with a space before the unit", inBlock("filesystem", "max-file-size 10 MiB"),
                        at("syntax", 4, 22, 25).hint("10MiB")),
                row("size with a space and the unit in the wrong case", inBlock("limits", "memory 5 mb"),
                        at("syntax", 4, 14, 16).hint("5MB")),
                row("duration with a space before the unit", inBlock("limits", "timeout 30 s"),
                        at("syntax", 4, 16, 17).hint("30s")),
                row("size without unit", inBlock("limits", "memory 512"), at("syntax", 4, 12, 15)),
                row("fractional size", inBlock("limits", "memory 1.5GiB"), at("syntax", 4, 12, 18).hint("1536MiB")),
                row("unknown size unit", inBlock("limits", "memory 1TiB"), at("syntax", 4, 12, 16)),
                row("fractional duration 1.5h", inBlock("limits", "timeout 1.5h"), at("syntax", 4, 13, 17).hint("90m")),
                row("compound duration 1h30m", inBlock("limits", "timeout 1h30m"), at("syntax", 4, 13, 18).hint("90m")),
                row("duration unit in upper case 1H", inBlock("limits", "timeout 1H"), at("syntax", 4, 13, 15).hint("1h")),
                row("duration without unit", inBlock("limits", "timeout 30"), at("syntax", 4, 13, 15)),
                row("percentage without %", inBlock("limits", "cpu 50"), at("syntax", 4, 9, 11).hint("50%")),
                row("percentage 0%", inBlock("limits", "cpu 0%"), at("syntax", 4, 9, 11)),
                row("space before %", inBlock("limits", "cpu 50 %"), at("syntax", 4, 12, 13).hint("without a space: 50%")),
                row("% alone", inBlock("limits", "cpu %"), at("syntax", 4, 9, 10)),
                row("% after a size", inBlock("limits", "memory 10 %"),
                        at("syntax", 4, 12, 14).hint("10MiB"), at("syntax", 4, 15, 16).hint("remove it")),
                row("count with a unit", inBlock("limits", "tasks 64k"), at("syntax", 4, 11, 14)),
                row("port 0", inBlock("network", "loopback port 0"), at("syntax", 4, 19, 20)),
                row("port 65536", inBlock("network", "loopback port 65536"), at("syntax", 4, 19, 24)),
                row("port 65536 at the end of a range", inBlock("network", "allow tcp 10.0.0.1 port 1-65536"),
                        at("syntax", 4, 29, 36)),
                row("reversed port range", inBlock("network", "loopback port 90-80"),
                        at("syntax", 4, 19, 24).hint("80-90")),
                row("empty item in a port list", inBlock("network", "loopback port 80,,90"), at("syntax", 4, 19, 25)),
                row("port list ending in a comma", inBlock("network", "loopback port 80,"), at("syntax", 4, 19, 22)),
                row("space after a comma in a port list", inBlock("network", "loopback port 80, 90"),
                        at("syntax", 4, 19, 25).hint("80,90")),
                row("spaces after the commas of an allow's ports", inBlock("network", "allow tcp 10.0.0.1 port 22, 80, 443"),
                        at("syntax", 4, 29, 40).hint("22,80,443")),
                row("two port lists", inBlock("network", "allow tcp 10.0.0.1 port 80 443"),
                        at("syntax", 4, 32, 35).hint("80,443")),
                row("allow without port", inBlock("network", "allow tcp 10.0.0.1"), at("syntax", 4, 23).hint("port")),
                row("CIDR with host bits set", inBlock("network", "allow tcp 10.0.1.50/24 port 443"),
                        at("syntax", 4, 15, 27).hint("10.0.1.0/24")),
                row("IPv6 CIDR with host bits set", inBlock("network", "deny \"2001:db8::1/64\""),
                        at("syntax", 4, 10, 26).hint("\"2001:db8::/64\"")),
                row("prefix length above 32", inBlock("network", "deny 10.0.0.0/33"), at("syntax", 4, 10, 21)),
                row("prefix length above 128", inBlock("network", "deny \"2001:db8::/129\""), at("syntax", 4, 10, 26)),
                row("unknown runtime", inServer("  runtime ruby"), at("syntax", 3, 11, 15)),
                row("unknown runtime with did-you-mean", inServer("  runtime nodejs"), at("syntax", 3, 11, 17)),
                row("runtime in upper case", inServer("  runtime Node"), at("syntax", 3, 11, 15).hint("node")),
                row("unknown protocol", inBlock("network", "allow icmp 10.0.0.1 port 1"), at("syntax", 4, 11, 15)),
                row("protocol typo", inBlock("network", "allow tpc 10.0.0.1 port 1"), at("syntax", 4, 11, 14).hint("tcp")),
                row("unknown audit event", inBlock("audit", "events file-access file-acess"),
                        at("syntax", 4, 24, 34).hint("file-access")),
                row("keyword in upper case", inServer("  Runtime node"), at("syntax", 3, 3, 10).hint("runtime")));
    }

    static Stream<Row> version() {
        return Stream.of(
                row("stockade 2", "stockade 2\nserver s {\n  command \"/bin/x\"\n}\n", at("version", 1, 10, 11).hint("1")),
                row("stockade 0", "stockade 0\n", at("version", 1, 10, 11)),
                row("stockade 10 after a comment", "# policy\nstockade 10\n", at("version", 2, 10, 12)),
                row("stockade 1 is fine", "stockade 1\n"));
    }

    static Stream<Row> duplicateServer() {
        return Stream.of(
                row("same file, second flagged", "server s {\n  command \"/bin/x\"\n}\n\nserver s {\n  command \"/bin/y\"\n}\n",
                        at("duplicate-server", 5, 8, 9)),
                row("three times, second and third flagged",
                        "server a { command \"/bin/x\" }\nserver a { command \"/bin/x\" }\nserver a { command \"/bin/x\" }\n",
                        at("duplicate-server", 2, 8, 9), at("duplicate-server", 3, 8, 9)));
    }

    /** Every once-only statement twice: the second occurrence is flagged, at its first character. */
    static Stream<Row> duplicateStatement() {
        List<Row> rows = new ArrayList<>();
        rows.add(row("command", inServer("  command \"/bin/y\""), at("duplicate-statement", 3, 3, 19)));
        String[][] server = {
            {"description", "description \"a\"", "description \"b\""},
            {"runtime", "runtime node", "runtime jvm"},
            {"user", "user a", "user b"},
            {"group", "group a", "group b"},
            {"workdir", "workdir \"/a\"", "workdir \"/b\""},
            {"filesystem", "filesystem { read \"/a\" }", "filesystem { read \"/b\" }"},
            {"network none twice", "network none", "network none"},
            {"network blocks", "network { dns 10.0.0.1 }", "network { dns 10.0.0.2 }"},
            {"network none then network {}", "network none", "network {}"},
            {"network {} then network none", "network {}", "network none"},
            {"network { ... } then network none", "network { dns 10.0.0.1 }", "network none"},
            {"secrets", "secrets { env A }", "secrets { env B }"},
            {"limits", "limits { tasks 1 }", "limits { tasks 2 }"},
            {"audit", "audit { log \"/a\" }", "audit { log \"/b\" }"},
            {"kubernetes", "kubernetes { namespace a }", "kubernetes { namespace b }"},
            {"compose", "compose { image \"a\" }", "compose { image \"b\" }"},
            {"systemd", "systemd { unit-name a }", "systemd { unit-name b }"},
            {"macos", "macos { label \"a\" }", "macos { label \"b\" }"},
        };
        for (String[] s : server) {
            rows.add(row("server: " + s[0], inServer("  " + s[1] + "\n  " + s[2]),
                    at("duplicate-statement", 4, 3, 3 + s[2].length())));
        }
        String[][] inBlock = {
            {"filesystem", "max-file-size 1MiB", "max-file-size 2MiB"},
            {"network", "dns 10.0.0.1", "dns 10.0.0.2"},
            {"network", "loopback port 80", "loopback port 81"},
            {"limits", "timeout 1s", "timeout 2s"},
            {"limits", "retries 1", "retries 2"},
            {"limits", "memory 1MiB", "memory 2MiB"},
            {"limits", "cpu 10%", "cpu 20%"},
            {"limits", "tasks 1", "tasks 2"},
            {"limits", "open-files 1", "open-files 2"},
            {"audit", "log \"/a\"", "log \"/b\""},
            {"audit", "events file-access", "events auth-failure"},
            {"audit", "rotate 1MiB keep 1", "rotate 2MiB keep 2"},
            {"kubernetes", "namespace a", "namespace b"},
            {"kubernetes", "image \"a\"", "image \"b\""},
            {"kubernetes", "service-account a", "service-account b"},
            {"kubernetes", "labels { a = \"b\" }", "labels { c = \"d\" }"},
            {"compose", "image \"a\"", "image \"b\""},
            {"compose", "build \"/a\"", "build \"/b\""},
            {"compose", "image \"a\"", "build \"/b\""},
            {"compose", "build \"/b\"", "image \"a\""},
            {"systemd", "unit-name a", "unit-name b"},
            {"macos", "label \"a\"", "label \"b\""},
        };
        for (String[] s : inBlock) {
            rows.add(row(s[0] + ": " + s[1] + " / " + s[2], inBlock(s[0], s[1] + "\n    " + s[2]),
                    at("duplicate-statement", 5, 5, 5 + s[2].length())));
        }
        rows.add(row("a duplicate block's body is parsed too", inServer("  filesystem { read \"/a\" }\n  filesystem { raed \"/b\" }"),
                at("duplicate-statement", 4, 3, 27), at("syntax", 4, 16, 20)));
        rows.add(row("a duplicate inside a duplicate block", inServer("  limits { tasks 1 }\n  limits {\n    tasks 2\n    tasks 3\n  }"),
                at("duplicate-statement", 4, 3), at("duplicate-statement", 6, 5, 12)));
        rows.add(row("a duplicate's value is checked too: kubernetes namespace", inBlock("kubernetes", "namespace a\n    namespace My_ns"),
                at("duplicate-statement", 5, 5, 20), at("name-syntax", 5, 15, 20)));
        rows.add(row("a duplicate's value is checked too: macos label", inBlock("macos", "label \"a\"\n    label \"b\\t\""),
                at("duplicate-statement", 5, 5, 16), at("string-control", 5, 11, 16)));
        rows.add(row("a duplicate's value is checked too: compose build after image", inBlock("compose", "image \"a\"\n    build \"/b\\t\""),
                at("duplicate-statement", 5, 5, 17), at("string-control", 5, 11, 17)));
        rows.add(row("a duplicate's value is checked too: audit log", inBlock("audit", "log \"/a\"\n    log \"/b\\t\""),
                at("duplicate-statement", 5, 5, 15), at("path-syntax", 5, 9, 15)));
        rows.add(row("a duplicate's value is checked too: kubernetes labels",
                inServer("  kubernetes {\n    labels { a = \"1\" }\n    labels { b = \"x\\ty\" }\n  }"),
                at("duplicate-statement", 5, 5), at("string-control", 5, 18, 24)));
        rows.add(row("once-only statements of two blocks do not clash",
                inServer("  limits { tasks 1 }\n  audit { log \"/a\" }\n  filesystem { max-file-size 1MiB }")));
        rows.add(row("repeatable statements repeat", inServer("  filesystem {\n    read \"/a\"\n    read \"/b\"\n  }\n"
                + "  network {\n    allow tcp 10.0.0.1 port 1\n    allow tcp 10.0.0.2 port 1\n    deny 10.0.0.3\n    deny 10.0.0.4\n  }\n"
                + "  secrets {\n    env A\n    env B\n    vault \"a\" { A = a }\n    vault \"b\" { B = b }\n  }\n"
                + "  compose {\n    mount \"/a\" at \"/a\"\n    mount \"/b\" at \"/b\"\n  }\n"
                + "  kubernetes {\n    labels {\n      a = \"1\"\n      b = \"2\"\n    }\n  }\n"
                + "  accept audit-missing because \"x\"\n  accept limits-missing because \"y\"")));
        return rows.stream();
    }

    static Stream<Row> pathSyntax() {
        return Stream.of(
                workdir("relative", "opt/x", "\"/opt/x\""),
                workdir("..", "/opt/../etc", "\"/etc\""),
                workdir(".", "/opt/./x", "\"/opt/x\""),
                workdir("trailing .", "/opt/x/.", null),
                workdir("~", "~/x", null),
                workdir("glob *", "/opt/*.js", null),
                workdir("glob ?", "/opt/?", null),
                workdir("glob [", "/opt/[ab]", null),
                workdir("glob {", "/opt/{a,b}", null),
                workdir("//", "/opt//x", "\"/opt/x\""),
                workdir("empty", "", null),
                row("control character via \\n escape", inServer("  workdir \"/opt/a\\nb\""), at("path-syntax", 3, 11, 22)),
                row("control character via \\u{7F}", inServer("  workdir \"/opt/\\u{7F}\""), at("path-syntax", 3, 11, 24)),
                row("each bad path of a filesystem statement", inBlock("filesystem", "read \"/ok\" \"rel\" \"/a/../b\""),
                        at("path-syntax", 4, 16, 21), at("path-syntax", 4, 22, 31)),
                row("in deny", inBlock("filesystem", "deny \"/a/*\""), at("path-syntax", 4, 10, 16)),
                row("in audit log", inBlock("audit", "log \"logs/a.log\""), at("path-syntax", 4, 9, 21)),
                row("in a compose mount", inBlock("compose", "mount \"/a\" at \"data\""), at("path-syntax", 4, 19, 25)),
                row("in the command", "server s {\n  command \"/usr/../bin/x\"\n}\n", at("path-syntax", 2, 11, 26)));
    }

    private static Row workdir(String name, String path, String hint) {
        Expect expect = at("path-syntax", 3, 11, 13 + path.length());
        return row(name, inServer("  workdir \"" + path + "\""), hint == null ? expect : expect.hint(hint));
    }

    static Stream<Row> stringControl() {
        return Stream.of(
                row("description with \\t", inServer("  description \"a\\tb\""), at("string-control", 3, 15, 21)),
                row("description with \\u{0}", inServer("  description \"a\\u{0}\""), at("string-control", 3, 15, 23)),
                row("argument with \\u{0}", "server s {\n  command \"/bin/x\" \"--a\\u{0}\"\n}\n", at("string-control", 2, 20, 30)),
                row("argument with \\n", "server s {\n  command \"/bin/x\" \"ok\" \"a\\nb\"\n}\n", at("string-control", 2, 25, 31)),
                row("kubernetes image with \\t", inBlock("kubernetes", "image \"img\\t\""), at("string-control", 4, 11, 18)),
                row("compose image with \\u{7}", inBlock("compose", "image \"\\u{7}\""), at("string-control", 4, 11, 18)),
                row("compose build with \\t", inBlock("compose", "build \"/b\\t\""), at("string-control", 4, 11, 17)),
                row("macos label with \\u{0}", inBlock("macos", "label \"com.\\u{0}x\""), at("string-control", 4, 11, 23)),
                row("kubernetes label value with \\t", inServer("  kubernetes {\n    labels {\n      a = \"x\\ty\"\n    }\n  }"),
                        at("string-control", 5, 11, 17)),
                row("kubernetes label key with \\t", inServer("  kubernetes {\n    labels {\n      \"a\\tb\" = \"x\"\n    }\n  }"),
                        at("string-control", 5, 7, 13)),
                row("vault path with \\t", inBlock("secrets", "vault \"a\\tb\" { A = b }"), at("string-control", 4, 11, 17)),
                row("vault field with \\n", inBlock("secrets", "vault \"a\" { A = \"\\n\" }"), at("string-control", 4, 21, 25)),
                row("accept reason with \\t", inServer("  accept audit-missing because \"a\\tb\""), at("string-control", 3, 32, 38)));
    }

    static Stream<Row> nameSyntax() {
        String long33 = "a".repeat(33);
        String long64 = "a".repeat(64);
        String long63 = "a".repeat(63);
        return Stream.of(
                row("server name in upper case", "server Srv {\n  command \"/bin/x\"\n}\n", at("name-syntax", 1, 8, 11).hint("srv")),
                row("server name starting with a digit", "server 9s {\n  command \"/bin/x\"\n}\n", at("name-syntax", 1, 8, 10)),
                row("server name with _", "server a_b {\n  command \"/bin/x\"\n}\n", at("name-syntax", 1, 8, 11).hint("a-b")),
                row("server name ending in -", "server s- {\n  command \"/bin/x\"\n}\n", at("name-syntax", 1, 8, 10)),
                row("server name of 64 characters", "server " + long64 + " {\n  command \"/bin/x\"\n  user u\n}\n",
                        at("name-syntax", 1, 8, 72)),
                row("server name of 63 characters with a user", "server " + long63 + " {\n  command \"/bin/x\"\n  user u\n}\n"),
                row("server name of 33 characters without user", "server " + long33 + " {\n  command \"/bin/x\"\n}\n",
                        at("name-syntax", 1, 8, 41).hint("user")),
                row("server name of 33 characters with user", "server " + long33 + " {\n  command \"/bin/x\"\n  user u\n}\n"),
                row("server name that is a number", "server 42 {\n  command \"/bin/x\"\n}\n", at("name-syntax", 1, 8, 10)),
                row("user name of 33 characters", inServer("  user " + long33), at("name-syntax", 3, 8, 41)),
                row("user name of 32 characters", inServer("  user " + "u".repeat(32))),
                row("group name of 33 characters", inServer("  group " + long33), at("name-syntax", 3, 9, 42)),
                row("user name in upper case", inServer("  user Mcp"), at("name-syntax", 3, 8, 11)),
                row("user that is a number other than 0", inServer("  user 1000"), at("name-syntax", 3, 8, 12)),
                row("group that is a number other than 0", inServer("  group 100"), at("name-syntax", 3, 9, 12)),
                row("user 0 is not name-syntax (user-root reports it)", inServer("  user 0")),
                row("group 0 is not name-syntax (user-root reports it)", inServer("  group 0")),
                row("namespace with _", inBlock("kubernetes", "namespace My_ns"), at("name-syntax", 4, 15, 20)),
                row("service-account ending in -", inBlock("kubernetes", "service-account sa-"), at("name-syntax", 4, 21, 24)),
                row("env name starting with a digit", inBlock("secrets", "env OK 1BAD"), at("name-syntax", 4, 12, 16)),
                row("env name with -", inBlock("secrets", "env a-b"), at("name-syntax", 4, 9, 12)),
                row("vault env name with -", inBlock("secrets", "vault \"v\" { a-b = x }"), at("name-syntax", 4, 17, 20)),
                row("accept rule id in upper case", inServer("  accept Audit-Missing because \"x\""), at("name-syntax", 3, 10, 23)),
                row("bare label key in upper case", inServer("  kubernetes {\n    labels { Team = \"x\" }\n  }"),
                        at("name-syntax", 4, 14, 18).hint("team")));
    }

    static Stream<Row> command() {
        return Stream.of(
                row("relative command", "server s {\n  command \"bin/x\"\n}\n", at("command-relative", 2, 11, 18)),
                row("./ command", "server s {\n  command \"./x\" \"a\"\n}\n", at("command-relative", 2, 11, 16)),
                row("bare program name", "server s {\n  command \"node\"\n}\n", at("command-relative", 2, 11, 17).hint("/usr/bin/node")),
                row("missing command", "server s {\n  description \"x\"\n}\n", at("command-missing", 1, 8, 9)),
                row("empty server", "server s {}\n", at("command-missing", 1, 8, 9)),
                row("missing command in the second server",
                        "server a {\n  command \"/bin/x\"\n}\nserver bb {\n  runtime node\n}\n", at("command-missing", 4, 8, 10)));
    }

    static Stream<Row> all() {
        return Stream.of(syntax(), version(), duplicateServer(), duplicateStatement(), pathSyntax(), stringControl(),
                nameSyntax(), command()).flatMap(s -> s);
    }

    @ParameterizedTest(name = "syntax: {0}")
    @MethodSource("syntax")
    void syntax(Row row) {
        check(row);
    }

    @ParameterizedTest(name = "version: {0}")
    @MethodSource("version")
    void version(Row row) {
        check(row);
    }

    @ParameterizedTest(name = "duplicate-server: {0}")
    @MethodSource("duplicateServer")
    void duplicateServer(Row row) {
        check(row);
    }

    @ParameterizedTest(name = "duplicate-statement: {0}")
    @MethodSource("duplicateStatement")
    void duplicateStatement(Row row) {
        check(row);
    }

    @ParameterizedTest(name = "path-syntax: {0}")
    @MethodSource("pathSyntax")
    void pathSyntax(Row row) {
        check(row);
    }

    @ParameterizedTest(name = "string-control: {0}")
    @MethodSource("stringControl")
    void stringControl(Row row) {
        check(row);
    }

    @ParameterizedTest(name = "name-syntax: {0}")
    @MethodSource("nameSyntax")
    void nameSyntax(Row row) {
        check(row);
    }

    @ParameterizedTest(name = "command: {0}")
    @MethodSource("command")
    void command(Row row) {
        check(row);
    }

    static void check(Row row) {
        ParseResult result = parse(row.text());
        List<Diagnostic> actual = result.diagnostics();
        String shown = show(actual);
        if (row.firstOnly()) {
            assertThat(actual).as(shown).isNotEmpty();
            actual = actual.subList(0, 1);
        }
        assertThat(actual).as("diagnostics of%n%s%nwere%n%s", row.text(), shown).hasSameSizeAs(row.expected());
        for (int i = 0; i < actual.size(); i++) {
            Diagnostic d = actual.get(i);
            Expect e = row.expected().get(i);
            assertThat(d.rule()).as(shown).isEqualTo(e.rule());
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.span().file()).isEqualTo(Policies.FILE);
            assertThat(new int[] {d.span().line(), d.span().column()}).as(shown).containsExactly(e.line(), e.column());
            if (e.endColumn() > 0) {
                assertThat(d.span().endLine()).as(shown).isEqualTo(e.line());
                assertThat(d.span().endColumn()).as(shown).isEqualTo(e.endColumn());
            }
            if (e.hint() != null) {
                assertThat(d.hint()).as(shown).contains(e.hint());
            }
        }
    }
}
