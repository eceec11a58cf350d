package dev.stockade.compiler.target.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.check.Checker;
import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.effective.EffectivePolicy;
import dev.stockade.compiler.effective.NetworkGrants;
import dev.stockade.dsl.PolicyParser;
import dev.stockade.dsl.ParseResult;
import dev.stockade.dsl.model.Ip;
import dev.stockade.dsl.model.Protocol;
import dev.stockade.dsl.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerPolicyTest {

    private static final String POLICY = """
            stockade 1

            server plain {
              command "/usr/bin/node" "/opt/plain/server.js"
              network {
                allow tcp 192.0.2.0/24 port 443
                deny 192.0.2.7
              }
            }

            server local {
              command "/usr/bin/node" "/opt/local/server.js"
              network {
                allow tcp 192.0.2.0/24 port 443
                loopback port 8080
                dns 198.51.100.53
              }
            }
            """;

    @Test
    void aServerWithOnlyStatementsKeepsItsOwnGrants() {
        EffectivePolicy policy = server("plain").effective();
        assertThat(ContainerPolicy.statementNetwork(policy)).isSameAs(policy.network());
        assertThat(ContainerPolicy.withoutLoopback(policy)).isSameAs(policy.network());
        assertThat(policy.network().mayReach(Protocol.TCP, ip("192.0.2.8"), 443)).isTrue();
        assertThat(policy.network().mayReach(Protocol.TCP, ip("192.0.2.7"), 443)).isFalse();
    }

    @Test
    void dnsAndLoopbackAreLeftOutAsEachViewSays() {
        EffectivePolicy policy = server("local").effective();
        NetworkGrants statements = ContainerPolicy.statementNetwork(policy);
        NetworkGrants egress = ContainerPolicy.withoutLoopback(policy);
        Ip resolver = ip("198.51.100.53");
        Ip loopback = ip("127.0.0.1");
        assertThat(policy.network().mayReach(Protocol.UDP, resolver, 53)).isTrue();
        assertThat(policy.network().mayReach(Protocol.TCP, loopback, 8080)).isTrue();
        assertThat(statements.mayReach(Protocol.UDP, resolver, 53)).isFalse();
        assertThat(statements.mayReach(Protocol.TCP, loopback, 8080)).isFalse();
        assertThat(egress.mayReach(Protocol.UDP, resolver, 53)).isTrue();
        assertThat(egress.mayReach(Protocol.TCP, loopback, 8080)).isFalse();
        for (NetworkGrants view : List.of(statements, egress)) {
            assertThat(view.mayReach(Protocol.TCP, ip("192.0.2.8"), 443)).isTrue();
        }
    }

    private static ServerContext server(String name) {
        ParseResult parsed = PolicyParser.parse(SourceFile.of("container.stockade", POLICY));
        assertThat(parsed.diagnostics()).noneMatch(d -> d.isBlockingError());
        return Checker.resolve(parsed.policies()).stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static Ip ip(String text) {
        return Ip.parse(text).orElseThrow();
    }
}
