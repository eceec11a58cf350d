package dev.stockade.dsl.parse;

import static dev.stockade.dsl.parse.Policies.assertAt;
import static dev.stockade.dsl.parse.Policies.inServer;
import static dev.stockade.dsl.parse.Policies.onlyServer;
import static dev.stockade.dsl.parse.Policies.server;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.dsl.model.Address;
import dev.stockade.dsl.model.AuditEvent;
import dev.stockade.dsl.model.AuditEventRef;
import dev.stockade.dsl.model.FsMode;
import dev.stockade.dsl.model.FsStatement;
import dev.stockade.dsl.model.IpPrefix;
import dev.stockade.dsl.model.Label;
import dev.stockade.dsl.model.Mount;
import dev.stockade.dsl.model.Name;
import dev.stockade.dsl.model.NetAllow;
import dev.stockade.dsl.model.NetworkNone;
import dev.stockade.dsl.model.NetworkRules;
import dev.stockade.dsl.model.PathValue;
import dev.stockade.dsl.model.PortRange;
import dev.stockade.dsl.model.PortSet;
import dev.stockade.dsl.model.Protocol;
import dev.stockade.dsl.model.Runtime;
import dev.stockade.dsl.model.Server;
import dev.stockade.dsl.model.Text;
import dev.stockade.dsl.model.Vault;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per statement form of docs/language.md: the snippet parses cleanly into these model values. */
class StatementParseTest {

    record Row(String name, String text, Consumer<Server> check) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> statements() {
        return Stream.of(
                new Row("description", inServer("  description \"Read project A's sources\""),
                        s -> assertThat(s.description().orElseThrow().value()).isEqualTo("Read project A's sources")),
                new Row("command with arguments", server("  command \"/usr/bin/node\" \"/opt/mcp/server.js\" \"--port\" \"8080\""),
                        s -> {
                            assertThat(s.command().orElseThrow().program().value()).isEqualTo("/usr/bin/node");
                            assertThat(texts(s.command().orElseThrow().args()))
                                    .containsExactly("/opt/mcp/server.js", "--port", "8080");
                            assertAt(s.command().orElseThrow().program().span(), 2, 11, 26);
                            assertAt(s.command().orElseThrow().args().get(0).span(), 2, 27, 47);
                        }),
                new Row("command without arguments", server("  command \"/usr/local/bin/mcp\""),
                        s -> {
                            assertThat(s.command().orElseThrow().program().value()).isEqualTo("/usr/local/bin/mcp");
                            assertThat(s.command().orElseThrow().args()).isEmpty();
                        }),
                runtime("node", Runtime.NODE),
                runtime("python", Runtime.PYTHON),
                runtime("jvm", Runtime.JVM),
                runtime("native", Runtime.NATIVE),
                new Row("no runtime statement", inServer(""), s -> assertThat(s.runtime()).isEmpty()),
                new Row("user and group", inServer("  user mcp-fileserver\n  group mcp-staff"),
                        s -> {
                            assertThat(s.user().map(Name::value)).contains("mcp-fileserver");
                            assertThat(s.group().map(Name::value)).contains("mcp-staff");
                            assertAt(s.user().orElseThrow().span(), 3, 8, 22);
                        }),
                new Row("user 0 is left to user-root", inServer("  user 0\n  group 0"),
                        s -> {
                            assertThat(s.user().map(Name::value)).contains("0");
                            assertThat(s.group().map(Name::value)).contains("0");
                        }),
                new Row("workdir drops a trailing slash", inServer("  workdir \"/opt/mcp-file-server/\""),
                        s -> assertThat(s.workdir().map(PathValue::value)).contains("/opt/mcp-file-server")),
                new Row("workdir /", inServer("  workdir \"/\""),
                        s -> assertThat(s.workdir().map(PathValue::value)).contains("/")),
                fs("read", FsMode.READ),
                fs("write", FsMode.WRITE),
                fs("append", FsMode.APPEND),
                fs("execute", FsMode.EXECUTE),
                fs("deny", FsMode.DENY),
                new Row("filesystem statements keep source order, paths drop a trailing /",
                        inServer("  filesystem {\n    read \"/srv/a/\" \"/srv/b\"\n    deny \"/srv/a/.env\"\n    write \"/srv/out/\"\n  }"),
                        s -> {
                            List<FsStatement> st = s.filesystem().orElseThrow().statements();
                            assertThat(st).extracting(FsStatement::mode).containsExactly(FsMode.READ, FsMode.DENY, FsMode.WRITE);
                            assertThat(paths(st.get(0))).containsExactly("/srv/a", "/srv/b");
                            assertThat(paths(st.get(2))).containsExactly("/srv/out");
                            assertThat(s.filesystem().orElseThrow().maxFileSize()).isEmpty();
                        }),
                new Row("max-file-size", inServer("  filesystem {\n    max-file-size 10MiB\n  }"),
                        s -> {
                            var size = s.filesystem().orElseThrow().maxFileSize().orElseThrow();
                            assertThat(size.bytes()).isEqualTo(10L * 1024 * 1024);
                            assertAt(size.span(), 4, 19, 24);
                        }),
                new Row("network none", inServer("  network none"),
                        s -> assertThat(s.network().orElseThrow()).isInstanceOf(NetworkNone.class)),
                new Row("empty network block is none", inServer("  network {}"),
                        s -> assertThat(s.network().orElseThrow()).isInstanceOf(NetworkNone.class)),
                new Row("network block with only line breaks and comments is none",
                        inServer("  network {\n    # nothing\n\n  }"),
                        s -> assertThat(s.network().orElseThrow()).isInstanceOf(NetworkNone.class)),
                new Row("no network statement", inServer(""), s -> assertThat(s.network()).isEmpty()),
                allow("allow tcp bare IPv4", "allow tcp 10.0.1.50 port 5432", Protocol.TCP, false, "10.0.1.50", 32, "5432"),
                allow("allow udp quoted IPv4", "allow udp \"10.0.1.50\" port 53", Protocol.UDP, false, "10.0.1.50", 32, "53"),
                allow("allow bare IPv4 CIDR", "allow tcp 10.0.0.0/8 port 443", Protocol.TCP, false, "10.0.0.0", 8, "443"),
                allow("allow quoted IPv4 CIDR", "allow tcp \"192.168.4.0/24\" port 443", Protocol.TCP, false, "192.168.4.0", 24, "443"),
                allow("allow IPv4 /32", "allow tcp 10.0.1.50/32 port 443", Protocol.TCP, false, "10.0.1.50", 32, "443"),
                allow("allow quoted IPv6 CIDR", "allow tcp \"2001:db8::/64\" port 443", Protocol.TCP, true, "2001:db8::", 64, "443"),
                allow("allow quoted IPv6 host, normalized", "allow udp \"2001:DB8:0:0::10\" port 443", Protocol.UDP, true, "2001:db8::10", 128, "443"),
                allow("allow IPv6 loopback", "allow tcp \"::1\" port 443", Protocol.TCP, true, "::1", 128, "443"),
                allow("port list", "allow tcp 10.0.1.50 port 80,443", Protocol.TCP, false, "10.0.1.50", 32, "80 443"),
                allow("port range", "allow tcp 10.0.1.50 port 8000-8100", Protocol.TCP, false, "10.0.1.50", 32, "8000-8100"),
                allow("ports mixed", "allow tcp 10.0.1.50 port 22,8000-8100,9000", Protocol.TCP, false, "10.0.1.50", 32, "22 8000-8100 9000"),
                allow("all ports", "allow tcp 10.0.1.50 port 1-65535", Protocol.TCP, false, "10.0.1.50", 32, "1-65535"),
                new Row("network deny, dns, loopback", inServer("  network {\n    allow tcp 10.0.0.0/8 port 443\n"
                        + "    deny 10.0.9.0/24\n    deny \"2001:db8::/48\"\n    dns 10.0.1.10\n    loopback port 8080,9000-9010\n  }"),
                        s -> {
                            NetworkRules net = (NetworkRules) s.network().orElseThrow();
                            assertThat(net.allows()).hasSize(1);
                            assertThat(net.denies()).extracting(d -> d.address().text())
                                    .containsExactly("10.0.9.0/24", "2001:db8::/48");
                            assertThat(net.dns().orElseThrow().address().text()).isEqualTo("10.0.1.10");
                            assertThat(((IpPrefix) net.dns().orElseThrow().address()).length()).isEqualTo(32);
                            assertThat(ranges(net.loopback().orElseThrow().ports())).isEqualTo("8080 9000-9010");
                            assertThat(net.loopback().orElseThrow().ports().size()).isEqualTo(12);
                        }),
                new Row("quoted host name is kept for net-hostname", inServer("  network {\n    allow tcp \"db.internal\" port 5432\n  }"),
                        s -> assertThat(((NetworkRules) s.network().orElseThrow()).allows().get(0).address().text())
                                .isEqualTo("db.internal")),
                new Row("secrets env, several names", inServer("  secrets {\n    env DATABASE_URL api_key _X1\n    env HOME\n  }"),
                        s -> {
                            var env = s.secrets().orElseThrow().env();
                            assertThat(env).hasSize(2);
                            assertThat(env.get(0).names()).extracting(Name::value).containsExactly("DATABASE_URL", "api_key", "_X1");
                            assertThat(env.get(1).names()).extracting(Name::value).containsExactly("HOME");
                        }),
                new Row("vault with role and ttl, bare and quoted fields", inServer("  secrets {\n"
                        + "    vault \"database/creds/ro\" role \"mcp-ro\" ttl 1h {\n      DB_USER = username\n"
                        + "      DB_PASS = \"pass-word\"\n    }\n  }"),
                        s -> {
                            Vault v = s.secrets().orElseThrow().vaults().get(0);
                            assertThat(v.path().value()).isEqualTo("database/creds/ro");
                            assertThat(v.role().map(Text::value)).contains("mcp-ro");
                            assertThat(v.ttl().orElseThrow().millis()).isEqualTo(3_600_000L);
                            assertThat(v.fields()).extracting(f -> f.env().value()).containsExactly("DB_USER", "DB_PASS");
                            assertThat(v.fields()).extracting(f -> f.field().value()).containsExactly("username", "pass-word");
                        }),
                new Row("vault without role or ttl", inServer("  secrets {\n    vault \"kv/data/x\" {\n      TOKEN = token\n    }\n  }"),
                        s -> {
                            Vault v = s.secrets().orElseThrow().vaults().get(0);
                            assertThat(v.role()).isEmpty();
                            assertThat(v.ttl()).isEmpty();
                            assertThat(v.fields()).hasSize(1);
                        }),
                new Row("vault with ttl only, brace on next line", inServer("  secrets {\n    vault \"kv/x\" ttl 15m\n    {\n      A = b\n    }\n  }"),
                        s -> {
                            Vault v = s.secrets().orElseThrow().vaults().get(0);
                            assertThat(v.role()).isEmpty();
                            assertThat(v.ttl().orElseThrow().millis()).isEqualTo(900_000L);
                        }),
                new Row("vault with role only, vault path is not a file path", inServer("  secrets {\n    vault \"kv/../x\" role \"r\" { A = b }\n  }"),
                        s -> {
                            Vault v = s.secrets().orElseThrow().vaults().get(0);
                            assertThat(v.path().value()).isEqualTo("kv/../x");
                            assertThat(v.role().map(Text::value)).contains("r");
                            assertThat(v.ttl()).isEmpty();
                        }),
                new Row("two vaults repeat", inServer("  secrets {\n    vault \"a\" { A = a }\n    vault \"b\" { B = b }\n  }"),
                        s -> assertThat(s.secrets().orElseThrow().vaults()).extracting(v -> v.path().value()).containsExactly("a", "b")),
                new Row("limits timeout", inServer("  limits {\n    timeout 30s\n  }"),
                        s -> assertThat(s.limits().orElseThrow().timeout().orElseThrow().millis()).isEqualTo(30_000L)),
                new Row("limits retries", inServer("  limits {\n    retries 2\n  }"),
                        s -> assertThat(s.limits().orElseThrow().retries().orElseThrow().value()).isEqualTo(2)),
                new Row("limits retries 0", inServer("  limits {\n    retries 0\n  }"),
                        s -> assertThat(s.limits().orElseThrow().retries().orElseThrow().value()).isZero()),
                new Row("limits memory", inServer("  limits {\n    memory 512MiB\n  }"),
                        s -> assertThat(s.limits().orElseThrow().memory().orElseThrow().bytes()).isEqualTo(512L << 20)),
                new Row("limits cpu", inServer("  limits {\n    cpu 50%\n  }"),
                        s -> assertThat(s.limits().orElseThrow().cpu().orElseThrow().value()).isEqualTo(50)),
                new Row("limits cpu above 100% for several cores", inServer("  limits {\n    cpu 250%\n  }"),
                        s -> assertThat(s.limits().orElseThrow().cpu().orElseThrow().value()).isEqualTo(250)),
                new Row("limits tasks", inServer("  limits {\n    tasks 64\n  }"),
                        s -> assertThat(s.limits().orElseThrow().tasks().orElseThrow().value()).isEqualTo(64)),
                new Row("limits open-files", inServer("  limits {\n    open-files 1024\n  }"),
                        s -> assertThat(s.limits().orElseThrow().openFiles().orElseThrow().value()).isEqualTo(1024)),
                new Row("audit log", inServer("  audit {\n    log \"/var/log/mcp-audit.log\"\n  }"),
                        s -> assertThat(s.audit().orElseThrow().log().map(PathValue::value)).contains("/var/log/mcp-audit.log")),
                new Row("audit events", inServer("  audit {\n    events file-access network-request command-execution auth-failure\n  }"),
                        s -> assertThat(s.audit().orElseThrow().events().orElseThrow().events()).extracting(AuditEventRef::event)
                                .containsExactly(AuditEvent.FILE_ACCESS, AuditEvent.NETWORK_REQUEST,
                                        AuditEvent.COMMAND_EXECUTION, AuditEvent.AUTH_FAILURE)),
                new Row("audit rotate", inServer("  audit {\n    rotate 100MiB keep 10\n  }"),
                        s -> {
                            var rotate = s.audit().orElseThrow().rotate().orElseThrow();
                            assertThat(rotate.size().bytes()).isEqualTo(100L << 20);
                            assertThat(rotate.keep().value()).isEqualTo(10);
                        }),
                new Row("kubernetes namespace, image, service-account", inServer("  kubernetes {\n    namespace mcp-servers\n"
                        + "    image \"registry.example.com/mcp:1.4.2\"\n    service-account mcp-fs\n  }"),
                        s -> {
                            var k = s.kubernetes().orElseThrow();
                            assertThat(k.namespace().map(Name::value)).contains("mcp-servers");
                            assertThat(k.image().map(Text::value)).contains("registry.example.com/mcp:1.4.2");
                            assertThat(k.serviceAccount().map(Name::value)).contains("mcp-fs");
                            assertThat(k.labels()).isEmpty();
                        }),
                new Row("kubernetes labels with bare and quoted keys", inServer("  kubernetes {\n    labels {\n"
                        + "      team = \"platform\"\n      \"app.kubernetes.io/name\" = \"mcp-fs\"\n    }\n  }"),
                        s -> {
                            List<Label> labels = s.kubernetes().orElseThrow().labels();
                            assertThat(labels).extracting(l -> l.key().value()).containsExactly("team", "app.kubernetes.io/name");
                            assertThat(labels).extracting(l -> l.value().value()).containsExactly("platform", "mcp-fs");
                        }),
                new Row("compose image", inServer("  compose {\n    image \"registry.example.com/mcp:1.4.2\"\n  }"),
                        s -> {
                            assertThat(s.compose().orElseThrow().image().map(Text::value)).contains("registry.example.com/mcp:1.4.2");
                            assertThat(s.compose().orElseThrow().build()).isEmpty();
                        }),
                new Row("compose build", inServer("  compose {\n    build \"/src/mcp\"\n  }"),
                        s -> {
                            assertThat(s.compose().orElseThrow().build().map(Text::value)).contains("/src/mcp");
                            assertThat(s.compose().orElseThrow().image()).isEmpty();
                        }),
                new Row("compose mounts repeat", inServer("  compose {\n    image \"img\"\n"
                        + "    mount \"/srv/data/\" at \"/data\"\n    mount \"/var/log/mcp\" at \"/logs\"\n  }"),
                        s -> {
                            List<Mount> mounts = s.compose().orElseThrow().mounts();
                            assertThat(mounts).extracting(m -> m.host().value()).containsExactly("/srv/data", "/var/log/mcp");
                            assertThat(mounts).extracting(m -> m.container().value()).containsExactly("/data", "/logs");
                        }),
                new Row("systemd unit-name", inServer("  systemd {\n    unit-name mcp-fs\n  }"),
                        s -> assertThat(s.systemd().orElseThrow().unitName().map(Name::value)).contains("mcp-fs")),
                new Row("macos label", inServer("  macos {\n    label \"com.example.mcp-fs\"\n  }"),
                        s -> assertThat(s.macos().orElseThrow().label().map(Text::value)).contains("com.example.mcp-fs")),
                new Row("accept repeats", inServer("  accept audit-missing because \"the journal is enough\"\n"
                        + "  accept limits-missing because \"short-lived\""),
                        s -> {
                            assertThat(s.accepts()).extracting(a -> a.rule().value()).containsExactly("audit-missing", "limits-missing");
                            assertThat(s.accepts()).extracting(a -> a.reason().value())
                                    .containsExactly("the journal is enough", "short-lived");
                        }),
                new Row("empty target blocks", inServer("  kubernetes {}\n  compose {}\n  systemd {}\n  macos {}"),
                        s -> {
                            assertThat(s.kubernetes()).isPresent();
                            assertThat(s.compose().orElseThrow().mounts()).isEmpty();
                            assertThat(s.systemd().orElseThrow().unitName()).isEmpty();
                            assertThat(s.macos().orElseThrow().label()).isEmpty();
                        }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void parses(Row row) {
        row.check().accept(onlyServer(row.text()));
    }

    @ParameterizedTest(name = "{0} is {1} bytes")
    @CsvSource({
        "1B, 1",
        "0B, 0",
        "2KiB, 2048",
        "10MiB, 10485760",
        "3GiB, 3221225472",
        "5KB, 5000",
        "7MB, 7000000",
        "2GB, 2000000000",
    })
    void sizes(String size, long bytes) {
        var server = onlyServer(inServer("  limits {\n    memory " + size + "\n  }"));
        assertThat(server.limits().orElseThrow().memory().orElseThrow().bytes()).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "{0} is {1} ms")
    @CsvSource({
        "250ms, 250",
        "30s, 30000",
        "5m, 300000",
        "1h, 3600000",
        "90m, 5400000",
    })
    void durations(String duration, long millis) {
        var server = onlyServer(inServer("  limits {\n    timeout " + duration + "\n  }"));
        assertThat(server.limits().orElseThrow().timeout().orElseThrow().millis()).isEqualTo(millis);
    }

    @ParameterizedTest(name = "cpu {0}")
    @CsvSource({"1%, 1", "50%, 50", "100%, 100", "400%, 400"})
    void percentages(String percent, int value) {
        var server = onlyServer(inServer("  limits {\n    cpu " + percent + "\n  }"));
        assertThat(server.limits().orElseThrow().cpu().orElseThrow().value()).isEqualTo(value);
    }

    private static Row runtime(String word, Runtime expected) {
        return new Row("runtime " + word, inServer("  runtime " + word),
                s -> assertThat(s.runtime().orElseThrow().kind()).isEqualTo(expected));
    }

    private static Row fs(String verb, FsMode mode) {
        return new Row("filesystem " + verb + " with several paths",
                inServer("  filesystem {\n    " + verb + " \"/workspace/a\" \"/workspace/b/\" \"/var/log/x.log\"\n  }"),
                s -> {
                    FsStatement st = s.filesystem().orElseThrow().statements().get(0);
                    assertThat(st.mode()).isEqualTo(mode);
                    assertThat(paths(st)).containsExactly("/workspace/a", "/workspace/b", "/var/log/x.log");
                    assertAt(st.paths().get(1).span(), 4, 21 + verb.length(), 36 + verb.length());
                });
    }

    private static Row allow(String name, String statement, Protocol protocol, boolean v6, String ip, int length, String ports) {
        return new Row(name, inServer("  network {\n    " + statement + "\n  }"), s -> {
            NetAllow allow = ((NetworkRules) s.network().orElseThrow()).allows().get(0);
            assertThat(allow.protocol()).isEqualTo(protocol);
            Address address = allow.address();
            assertThat(address).isInstanceOf(IpPrefix.class);
            IpPrefix prefix = (IpPrefix) address;
            assertThat(prefix.isV6()).isEqualTo(v6);
            assertThat(prefix.ip().text()).isEqualTo(ip);
            assertThat(prefix.length()).isEqualTo(length);
            assertThat(ranges(allow.ports())).isEqualTo(ports);
            assertAt(prefix.span(), 4, 15, 15 + statement.split(" ")[2].length());
        });
    }

    private static List<String> texts(List<Text> texts) {
        return texts.stream().map(Text::value).toList();
    }

    private static List<String> paths(FsStatement statement) {
        return statement.paths().stream().map(PathValue::value).toList();
    }

    private static String ranges(PortSet ports) {
        return String.join(" ", ports.ranges().stream().map(PortRange::text).toList());
    }
}
