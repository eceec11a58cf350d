package dev.stockade.compiler.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.check.Findings;
import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.effective.AddressSet;
import dev.stockade.compiler.effective.EffectivePolicy;
import dev.stockade.compiler.effective.NetGrant;
import dev.stockade.compiler.effective.NetRule;
import dev.stockade.compiler.effective.Origin;
import dev.stockade.dsl.ParseResult;
import dev.stockade.dsl.PolicyParser;
import dev.stockade.dsl.model.Server;
import dev.stockade.dsl.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link NetDnsBroad} computes the addresses open on port 53 once per protocol and asks each allow
 * with a binary search; the oracle here is the rule it replaced, which built that set again for
 * every allow opening port 53 and intersected by a merge, written out again below. On random
 * networks (many allows of port 53 on nested prefixes of one /24 and one IPv6 /120, denies carved
 * out, with and without a resolver) both report the same findings, in the same order.
 */
class NetDnsBroadOracleTest {

    private static final String[] PORTS = {"53", "53", "1-100", "443", "22,53", "50-60,443", "54-99", "80"};

    @Test
    void oneOpenSetPerProtocolReportsWhatASetPerAllowReported() {
        Random random = new Random(20261129);
        int reported = 0;
        for (int round = 0; round < 2_000; round++) {
            String text = randomPolicy(random, 1 + random.nextInt(round % 10 == 0 ? 120 : 16));
            ParseResult parsed = PolicyParser.parse(SourceFile.of("dns.stockade", text));
            assertThat(parsed.diagnostics()).as(text).isEmpty();
            Server server = parsed.policies().servers().get(0);
            ServerContext context = new ServerContext(server, EffectivePolicy.resolve(server));
            Findings findings = new Findings();
            new NetDnsBroad().check(context, findings);
            List<String> actual = findings.all().stream().map(owned -> owned.diagnostic())
                    .map(d -> d.span().line() + ":" + d.span().column() + " " + d.message()).toList();
            assertThat(actual).as("round %d:%n%s", round, text).isEqualTo(Reference.findings(context.effective()));
            reported += actual.size();
        }
        // The inputs are meant to report often, not only to pass.
        assertThat(reported).isGreaterThan(2_000);
    }

    private static String randomPolicy(Random random, int allows) {
        StringBuilder text = new StringBuilder("stockade 1\n\nserver a {\n  command \"/usr/bin/x\"\n  network {\n");
        for (int i = 0; i < allows; i++) {
            boolean deny = random.nextInt(6) == 0;
            String prefix = randomPrefix(random);
            if (deny) {
                text.append("    deny ").append(prefix).append('\n');
            } else {
                text.append("    allow ").append(random.nextBoolean() ? "udp " : "tcp ").append(prefix).append(" port ")
                        .append(PORTS[random.nextInt(PORTS.length)]).append('\n');
            }
        }
        if (random.nextInt(3) > 0) {
            text.append("    dns ").append(random.nextInt(4) == 0 ? "\"2001:db8::35\"" : "192.0.2.53").append('\n');
        }
        return text.append("  }\n}\n").toString();
    }

    /** Hosts to /24 inside 192.0.2.0/24, or /120 to /128 inside 2001:db8::/120, so that many nest. */
    private static String randomPrefix(Random random) {
        int host = random.nextInt(4) == 0 ? 53 : random.nextInt(256);
        int shorter = random.nextInt(9);
        int network = host & (0xff << shorter) & 0xff;
        if (random.nextInt(4) == 0) {
            return "\"2001:db8::" + Integer.toHexString(network) + "/" + (128 - shorter) + "\"";
        }
        return "192.0.2." + network + "/" + (32 - shorter);
    }

    /** The rule before the change: the open set built again per allow, and a merge to intersect. */
    private static final class Reference {

        static List<String> findings(EffectivePolicy effective) {
            List<String> out = new ArrayList<>();
            AddressSet resolver = effective.dns().map(AddressSet::of).orElse(AddressSet.empty());
            List<NetRule> rules = effective.network().rules();
            for (int i = 0; i < rules.size(); i++) {
                if (!(rules.get(i) instanceof NetRule.Allow allow) || effective.netSources().get(i).origin() != Origin.STATEMENT
                        || !allow.ports().contains(53)) {
                    continue;
                }
                AddressSet beyond = AddressSet.of(allow.prefix()).minus(resolver).intersect(openOn53(effective, allow));
                if (!beyond.isEmpty()) {
                    var span = effective.netSources().get(i).span();
                    out.add(span.line() + ":" + span.column() + " port 53 is open to " + allow.prefix().text()
                            + ", not only to the declared resolver");
                }
            }
            return out;
        }

        private static AddressSet openOn53(EffectivePolicy effective, NetRule.Allow allow) {
            AddressSet open = AddressSet.empty();
            for (NetGrant grant : effective.network().effective()) {
                if (grant.protocol() == allow.protocol() && grant.ports().contains(53)) {
                    open = open.union(grant.addresses());
                }
            }
            return open;
        }
    }
}
