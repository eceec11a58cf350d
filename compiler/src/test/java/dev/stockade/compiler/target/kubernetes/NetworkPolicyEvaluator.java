package dev.stockade.compiler.target.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stockade.compiler.effective.Cidr;
import dev.stockade.dsl.model.Ip;
import dev.stockade.dsl.model.Protocol;
import java.util.Locale;

/**
 * A test-side reading of a NetworkPolicy's egress, as the Kubernetes API documents it and
 * independent of how the target built it: a packet is allowed when some rule matches both its
 * destination and its port. A rule without {@code to} (or with an empty one) matches every
 * destination, without {@code ports} every port; a port entry without {@code protocol} is TCP,
 * without {@code port} every port, with {@code endPort} a range. An ipBlock matches its cidr less
 * its excepts; pod and namespace selectors match cluster pods, never the addresses sampled here.
 */
final class NetworkPolicyEvaluator {

    private final JsonNode spec;

    NetworkPolicyEvaluator(JsonNode networkPolicy) {
        this.spec = networkPolicy.path("spec");
    }

    boolean egressRestricted() {
        for (JsonNode type : spec.path("policyTypes")) {
            if (type.asText().equals("Egress")) {
                return true;
            }
        }
        return false;
    }

    /** Whether a connection from the selected pods to {@code ip:port} over {@code protocol} is allowed. */
    boolean allows(Protocol protocol, Ip ip, int port) {
        if (!egressRestricted()) {
            return true;
        }
        for (JsonNode rule : spec.path("egress")) {
            if (matchesPort(rule.path("ports"), protocol, port) && matchesAddress(rule.path("to"), ip)) {
                return true;
            }
        }
        return false;
    }

    /** Whether some rule lets the pods reach cluster pods through a selector, on {@code protocol} port {@code port}. */
    boolean allowsSelectorPeer(Protocol protocol, int port) {
        for (JsonNode rule : spec.path("egress")) {
            for (JsonNode peer : rule.path("to")) {
                if (!peer.has("ipBlock") && matchesPort(rule.path("ports"), protocol, port)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matchesPort(JsonNode ports, Protocol protocol, int port) {
        if (ports.isMissingNode() || ports.isEmpty()) {
            return true;
        }
        for (JsonNode entry : ports) {
            String name = entry.path("protocol").asText("TCP");
            if (!name.equals(protocol.keyword().toUpperCase(Locale.ROOT))) {
                continue;
            }
            if (!entry.has("port")) {
                return true;
            }
            int low = entry.path("port").asInt();
            int high = entry.has("endPort") ? entry.path("endPort").asInt() : low;
            if (low <= port && port <= high) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAddress(JsonNode to, Ip ip) {
        if (to.isMissingNode() || to.isEmpty()) {
            return true;
        }
        for (JsonNode peer : to) {
            JsonNode block = peer.path("ipBlock");
            if (block.isMissingNode()) {
                continue;
            }
            if (parse(block.path("cidr").asText()).contains(ip) && !excepted(block.path("except"), ip)) {
                return true;
            }
        }
        return false;
    }

    private static boolean excepted(JsonNode except, Ip ip) {
        for (JsonNode cidr : except) {
            if (parse(cidr.asText()).contains(ip)) {
                return true;
            }
        }
        return false;
    }

    private static Cidr parse(String text) {
        return Cidr.parse(text).orElseThrow(() -> new AssertionError("not a CIDR: " + text));
    }
}
