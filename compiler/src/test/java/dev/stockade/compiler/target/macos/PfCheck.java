package dev.stockade.compiler.target.macos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.effective.Cidr;
import dev.stockade.dsl.model.Ip;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pf.conf subset the anchor uses, checked line by line (there is no pfctl on Linux), and a
 * small evaluator: pf takes the first matching {@code quick} rule; with none, pf passes.
 *
 * <pre>
 * line   := "" | "#" text | rule
 * rule   := ("pass" | "block return") " out quick " ("inet" | "inet6") " proto " proto
 *           " from any to " (addrs " port " ports | "any") " user " quoted-name
 * proto  := "tcp" | "udp" | "{ tcp udp }"
 * addrs  := cidr | "{ " cidr (" " cidr)* " }"        (of the rule's family, host bits zero)
 * ports  := port | "{ " port (" " port)* " }"        port := N | N ":" M   (1 &lt;= N &lt; M &lt;= 65535)
 * </pre>
 */
final class PfCheck {

    private static final Pattern RULE = Pattern.compile("(pass|block return) out quick (inet|inet6) proto "
            + "(tcp|udp|\\{ tcp udp \\}) from any to (any|\\S+|\\{ [^{}]+ \\})(?: port (\\S+|\\{ [^{}]+ \\}))?"
            + " user \"([a-z_][a-z0-9_-]*)\"");
    private static final Pattern PORT = Pattern.compile("([1-9][0-9]{0,4})(?::([1-9][0-9]{0,4}))?");

    record Rule(boolean pass, boolean v6, List<String> protocols, List<Cidr> to, List<int[]> ports, String user) {
        boolean matches(String protocol, Ip address, int port, String socketUser) {
            return address.v6() == v6 && protocols.contains(protocol) && user.equals(socketUser)
                    && (to.isEmpty() || to.stream().anyMatch(c -> c.contains(address)))
                    && (ports.isEmpty() || ports.stream().anyMatch(r -> r[0] <= port && port <= r[1]));
        }
    }

    private PfCheck() {
    }

    static List<Rule> rules(String name, String text) {
        assertThat(text).as("%s ends with a newline", name).endsWith("\n");
        List<Rule> rules = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = RULE.matcher(line);
            assertThat(m.matches()).as("%s: line in the grammar: %s", name, line).isTrue();
            boolean pass = m.group(1).equals("pass");
            boolean v6 = m.group(2).equals("inet6");
            List<Cidr> to = m.group(4).equals("any") ? List.of() : items(m.group(4)).stream()
                    .map(t -> Cidr.parse(t).orElseThrow(() -> new AssertionError(name + ": not a prefix: " + t))).toList();
            to.forEach(c -> assertThat(c.v6()).as("%s: family of %s", name, c.text()).isEqualTo(v6));
            assertThat(pass).as("%s: pass names addresses and ports, block names neither: %s", name, line)
                    .isEqualTo(!to.isEmpty()).isEqualTo(m.group(5) != null);
            List<int[]> ports = m.group(5) == null ? List.of() : items(m.group(5)).stream().map(p -> port(name, p)).toList();
            rules.add(new Rule(pass, v6, items(m.group(3)), to, ports, m.group(6)));
        }
        return rules;
    }

    /** What pf decides for an outbound connection of {@code user}'s socket. */
    static boolean passes(List<Rule> rules, String protocol, Ip address, int port, String user) {
        return rules.stream().filter(r -> r.matches(protocol, address, port, user)).findFirst().map(Rule::pass).orElse(true);
    }

    private static List<String> items(String group) {
        String inner = group.startsWith("{ ") ? group.substring(2, group.length() - 2) : group;
        return Arrays.asList(inner.split(" "));
    }

    private static int[] port(String name, String text) {
        Matcher m = PORT.matcher(text);
        assertThat(m.matches()).as("%s: port %s", name, text).isTrue();
        int low = Integer.parseInt(m.group(1));
        int high = m.group(2) == null ? low : Integer.parseInt(m.group(2));
        assertThat(low).as("%s: port range %s", name, text).isLessThanOrEqualTo(high).isBetween(1, 65535);
        assertThat(high).isLessThanOrEqualTo(65535);
        if (m.group(2) != null) {
            assertThat(low).as("%s: a range has two ends", name).isLessThan(high);
        }
        return new int[] {low, high};
    }
}
