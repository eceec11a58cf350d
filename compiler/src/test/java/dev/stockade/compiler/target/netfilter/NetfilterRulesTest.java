package dev.stockade.compiler.target.netfilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockade.compiler.Stockade;
import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.escape.NetfilterEscape;
import dev.stockade.dsl.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the rules say, without loading them: carve-outs, families, names, port chunks. */
class NetfilterRulesTest {

    private static List<Artifact> compile(String network) {
        String policy = "stockade 1\nserver web {\n  command \"/usr/bin/python3\" \"-m\" \"web\"\n  network " + network
                + "\n  limits { memory 64MiB }\n  audit { log \"/var/log/web.log\"; events network-request }\n}\n";
        Stockade.Outcome outcome = Stockade.compile(
                List.of(SourceFile.fromBytes("web.stockade", policy.getBytes(StandardCharsets.UTF_8))), List.of("netfilter"));
        assertThat(outcome.hasBlockingErrors()).as(outcome.diagnostics().toString()).isFalse();
        return outcome.artifacts();
    }

    /**
     * The accepted destinations of one of the nft file's sets ({@code allow4-web}, {@code allow6-web}),
     * as written in its final block: {@code ADDRESSES . PROTOCOL . PORTS}.
     */
    private static List<String> nftElements(List<Artifact> artifacts, String set) {
        String content = artifacts.stream().filter(a -> a.path().endsWith(".nft")).findFirst().orElseThrow().content();
        List<String> lines = content.lines().toList();
        return lines.subList(lines.lastIndexOf("\tset " + set + " {") + 1, lines.size()).stream()
                .takeWhile(l -> !l.equals("\t}")).map(String::strip).filter(l -> !l.startsWith("type ") && !l.startsWith("flags "))
                .map(l -> l.replaceFirst("^elements = \\{ ", "").replaceFirst("( }|,)$", "")).toList();
    }

    /** The rules of the egress chain, without the chain name (iptables) or indentation (nft). */
    private static List<String> rules(List<Artifact> artifacts, String suffix) {
        String content = artifacts.stream().filter(a -> a.path().endsWith(suffix)).findFirst().orElseThrow().content();
        if (suffix.equals(".nft")) {
            List<String> lines = content.lines().toList();
            return lines.subList(lines.lastIndexOf("\tchain egress-web {") + 1, lines.size()).stream()
                    .takeWhile(l -> l.startsWith("\t\t")).map(String::strip).toList();
        }
        return content.lines().filter(l -> l.matches("-A STK-[0-9a-f]{10}-EGRESS .*"))
                .map(l -> l.replaceFirst("^-A STK-[0-9a-f]{10}-EGRESS ", "")).toList();
    }

    @Test
    void aCarveOutIsLeftOutOfTheAcceptedRangesAndAReopeningIsAccepted() {
        List<Artifact> artifacts = compile("""
                {
                    allow tcp 198.51.100.0/24 port 443
                    deny 198.51.100.128/25
                    allow tcp 198.51.100.130 port 443
                  }""");
        assertThat(rules(artifacts, ".iptables")).containsExactly(
                "-m conntrack --ctstate RELATED,ESTABLISHED -j RETURN",
                "-d 198.51.100.130/32 -p tcp -m tcp --dport 443 -j RETURN",
                "-d 198.51.100.0/25 -p tcp -m tcp --dport 443 -j RETURN",
                "-j REJECT --reject-with icmp-admin-prohibited");
        assertThat(nftElements(artifacts, "allow4-web")).containsExactly(
                "198.51.100.0/25 . tcp . 443",
                "198.51.100.130 . tcp . 443");
        assertThat(nftElements(artifacts, "allow6-web")).isEmpty();
        assertThat(rules(artifacts, ".nft")).as("the same three rules for every server without loopback").containsExactly(
                "ip daddr . meta l4proto . th dport @allow4-web accept",
                "ip6 daddr . meta l4proto . th dport @allow6-web accept",
                "reject with icmpx admin-prohibited");
    }

    @Test
    void aServerWithOnlyIpv4GrantsRejectsAllItsIpv6Egress() {
        List<Artifact> artifacts = compile("{\n allow tcp 192.0.2.10 port 443\n }");
        assertThat(rules(artifacts, ".ip6tables")).containsExactly(
                "-m conntrack --ctstate RELATED,ESTABLISHED -j RETURN",
                "-j REJECT --reject-with icmp6-adm-prohibited");
        assertThat(nftElements(artifacts, "allow4-web")).containsExactly("192.0.2.10 . tcp . 443");
        assertThat(nftElements(artifacts, "allow6-web")).isEmpty();
    }

    @Test
    void networkNoneRejectsEverythingButRepliesOnConnectionsItWasGiven() {
        List<Artifact> artifacts = compile("none");
        assertThat(rules(artifacts, ".iptables")).containsExactly(
                "-m conntrack --ctstate RELATED,ESTABLISHED -j RETURN",
                "-j REJECT --reject-with icmp-admin-prohibited");
        assertThat(nftElements(artifacts, "allow4-web")).isEmpty();
        assertThat(nftElements(artifacts, "allow6-web")).isEmpty();
    }

    @Test
    void dnsGoesOnlyToTheResolverAndLoopbackOnlyToTheDeclaredPorts() {
        List<Artifact> artifacts = compile("{\n dns 192.0.2.53\n loopback port 8080\n }");
        assertThat(rules(artifacts, ".iptables")).containsExactly(
                "-m conntrack --ctstate RELATED,ESTABLISHED -j RETURN",
                "-d 192.0.2.53/32 -p tcp -m tcp --dport 53 -j RETURN",
                "-d 192.0.2.53/32 -p udp -m udp --dport 53 -j RETURN",
                "-d 127.0.0.0/8 -p tcp -m tcp --dport 8080 -j RETURN",
                "-d 127.0.0.0/8 -p udp -m udp --dport 8080 -j RETURN",
                "-j REJECT --reject-with icmp-admin-prohibited");
        assertThat(rules(artifacts, ".ip6tables")).containsExactly(
                "-m conntrack --ctstate RELATED,ESTABLISHED -j RETURN",
                "-d ::1/128 -p tcp -m tcp --dport 8080 -j RETURN",
                "-d ::1/128 -p udp -m udp --dport 8080 -j RETURN",
                "-j REJECT --reject-with icmp6-adm-prohibited");
        assertThat(nftElements(artifacts, "allow4-web")).containsExactly("192.0.2.53 . tcp . 53", "192.0.2.53 . udp . 53");
        assertThat(nftElements(artifacts, "allow6-web")).isEmpty();
        assertThat(rules(artifacts, ".nft")).as("loopback as rules of their own, ahead of the lookups").containsExactly(
                "ip daddr 127.0.0.0/8 tcp dport 8080 accept",
                "ip daddr 127.0.0.0/8 udp dport 8080 accept",
                "ip6 daddr ::1 tcp dport 8080 accept",
                "ip6 daddr ::1 udp dport 8080 accept",
                "ip daddr . meta l4proto . th dport @allow4-web accept",
                "ip6 daddr . meta l4proto . th dport @allow6-web accept",
                "reject with icmpx admin-prohibited");
    }

    @Test
    void nftWritesLoopbackDestinationsAsRulesUpToTheLimitAndCarvesThemLikeAnyOther() {
        List<Artifact> carved = compile("{\n allow tcp 127.0.0.1 port 5000\n deny 127.0.0.53\n loopback port 8080\n }");
        assertThat(rules(carved, ".nft")).containsExactly(
                "ip daddr 127.0.0.1 tcp dport 5000 accept",
                "ip daddr 127.0.0.1 tcp dport 8080 accept",
                "ip daddr 127.0.0.0 tcp dport 8080 accept",
                "ip daddr 127.0.0.2-127.0.0.52 tcp dport 8080 accept",
                "ip daddr 127.0.0.54-127.255.255.255 tcp dport 8080 accept",
                "ip daddr 127.0.0.0-127.0.0.52 udp dport 8080 accept",
                "ip daddr 127.0.0.54-127.255.255.255 udp dport 8080 accept",
                "ip6 daddr ::1 tcp dport 8080 accept",
                "ip6 daddr ::1 udp dport 8080 accept",
                "ip daddr . meta l4proto . th dport @allow4-web accept",
                "ip6 daddr . meta l4proto . th dport @allow6-web accept",
                "reject with icmpx admin-prohibited");
        assertThat(nftElements(carved, "allow4-web")).isEmpty();

        // Five port ranges, two protocols: ten IPv4 destinations, more than the limit, all stay in the set; so do
        // the ten of IPv6, each family deciding for itself.
        List<Artifact> many = compile("{\n loopback port 8080,8082,8084,8086,8088\n }");
        assertThat(NftLowering.MAX_LOOPBACK_RULES).isEqualTo(8);
        assertThat(rules(many, ".nft")).containsExactly(
                "ip daddr . meta l4proto . th dport @allow4-web accept",
                "ip6 daddr . meta l4proto . th dport @allow6-web accept",
                "reject with icmpx admin-prohibited");
        assertThat(nftElements(many, "allow4-web")).hasSize(10).allMatch(e -> e.startsWith("127.0.0.0/8 . "))
                .startsWith("127.0.0.0/8 . tcp . 8080", "127.0.0.0/8 . tcp . 8082");
        assertThat(nftElements(many, "allow6-web")).hasSize(10).allMatch(e -> e.startsWith("::1 . "));

        // Four port ranges make eight rules per family: exactly the limit, all rules.
        List<Artifact> limit = compile("{\n loopback port 8080,8082,8084,8086\n }");
        assertThat(rules(limit, ".nft")).hasSize(8 + 8 + 3).filteredOn(r -> r.contains(" dport 80")).hasSize(16);
        assertThat(nftElements(limit, "allow4-web")).isEmpty();
    }

    @Test
    void nftWritesEveryAddressRangeAndPortRangeAsOneIntervalElement() {
        List<Artifact> artifacts = compile("""
                {
                    allow tcp 192.0.2.0/24 port 1000-2000,3000
                    deny 192.0.2.77
                    allow udp "2001:db8::/64" port 5353
                    deny "2001:db8::bad"
                  }""");
        assertThat(nftElements(artifacts, "allow4-web")).containsExactly(
                "192.0.2.0-192.0.2.76 . tcp . 1000-2000",
                "192.0.2.0-192.0.2.76 . tcp . 3000",
                "192.0.2.78-192.0.2.255 . tcp . 1000-2000",
                "192.0.2.78-192.0.2.255 . tcp . 3000");
        assertThat(nftElements(artifacts, "allow6-web")).containsExactly(
                "2001:db8::-2001:db8::bac . udp . 5353",
                "2001:db8::bae-2001:db8::ffff:ffff:ffff:ffff . udp . 5353");
    }

    @Test
    void nftDispatchesOnTheUidThroughOneSharedVerdictMapAfterAcceptingEstablishedTraffic() {
        String nft = compile("{\n allow tcp 192.0.2.10 port 443\n }").stream().filter(a -> a.path().endsWith(".nft"))
                .findFirst().orElseThrow().content();
        List<String> statements = nft.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        assertThat(statements).as("the output chain: established first, then one map lookup; no per-server jump")
                .containsSubsequence(
                        "flush chain inet stockade output",
                        "add rule inet stockade output ct state established,related accept",
                        "add rule inet stockade output meta skuid vmap @dispatch")
                .contains("\tmap dispatch {", "\t\ttype uid : verdict",
                        "add element inet stockade dispatch { \"web\" comment \"stockade server web\" : jump egress-web }")
                .filteredOn(l -> l.startsWith("add rule inet stockade output")).hasSize(2);
        assertThat(statements).as("one shared table, nothing else declared or deleted")
                .filteredOn(l -> l.startsWith("table ") || l.startsWith("delete table")).containsOnly("table inet stockade {");
        assertThat(statements).noneMatch(l -> l.contains("meta skuid \"") || l.contains("stockade-web"));
        assertThat(statements).as("named sets only: an anonymous set makes loading a fleet quadratic")
                .filteredOn(l -> l.contains(" daddr ")).isNotEmpty().noneMatch(l -> l.contains("{"));
    }

    @Test
    void moreThanFifteenPortSlotsAreSplitIntoSeveralMultiportRules() {
        List<Artifact> artifacts = compile("{\n allow tcp 192.0.2.10 port 1,3,5,7,9,11,13,15,17,19,21,23,25,27,29,31,33\n }");
        assertThat(rules(artifacts, ".iptables")).contains(
                "-d 192.0.2.10/32 -p tcp -m multiport --dports 1,3,5,7,9,11,13,15,17,19,21,23,25,27,29 -j RETURN",
                "-d 192.0.2.10/32 -p tcp -m multiport --dports 31,33 -j RETURN");
    }

    @Test
    void chainNamesFitIptablesForTheLongestServerNames() {
        String longest = "s" + "x".repeat(62);
        NetfilterNames names = NetfilterNames.of(longest);
        assertThat(names.dispatchChain()).matches("STK-[0-9a-f]{10}");
        assertThat(names.egressChain().length()).isLessThanOrEqualTo(NetfilterNames.MAX_CHAIN);
        assertThat(names.nftChain()).isEqualTo("egress-" + longest);
        // printf %s mcp-postgres-reports | sha256sum | cut -c1-10
        assertThat(NetfilterNames.hash("mcp-postgres-reports")).isEqualTo("f5bc82af16");
    }

    @Test
    void aNameThatIsNotABareWordIsRefusedNotRewritten() {
        assertThat(NetfilterEscape.word("mcp-fileserver")).isEqualTo("mcp-fileserver");
        for (String bad : List.of("", "a b", "a\"b", "-a", "a;b", "caf\u00e9", "x".repeat(256))) {
            assertThatThrownBy(() -> NetfilterEscape.word(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
