package dev.stockade.compiler.effective;

import dev.stockade.dsl.model.Ip;
import dev.stockade.dsl.model.Protocol;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The effective network policy of one server: which (protocol, address, port) it may reach.
 *
 * <p>Semantics, longest prefix wins:
 * <ul>
 *   <li>a {@code deny} removes its whole prefix, every port of both protocols, from every allow
 *       whose prefix is as wide or wider (prefixes never partly overlap: they nest or are apart);
 *   <li>allows add up: {@code (protocol, port)} is open to address {@code a} iff some allow of
 *       that protocol and port contains {@code a} and no deny containing {@code a} has a prefix as
 *       long or longer than that allow's. So an allow inside a deny re-opens what it names, and a
 *       narrower allow never closes a port a wider one opened;
 *   <li>an allow and a deny of exactly the same prefix are a {@link Conflict}: the deny wins there
 *       (fail closed), and the allow still loses to deeper denies;
 *   <li>everything no allow names is closed.
 * </ul>
 * When all allows name the same ports this is plain longest-prefix match: the most specific rule
 * decides. Built in O(n log n) for n rules (plus the size of the port sets); no query or build
 * step visits individual addresses or ports.
 */
public final class NetworkGrants {

    /** How many port sets that span an allow's ports without holding them {@link #redundant} looks at, per prefix. */
    public static final int COVER_SEARCH_LIMIT = CoveringAllows.MISSES_UP_TO;

    /** What a sweep says about the rules beside the grants. */
    private record Findings(List<Conflict> conflicts, List<Redundancy> redundant, List<Integer> unchecked) {
    }

    private final List<NetRule> rules;
    private final List<NetGrant> effective;
    private final List<List<NetGrant>> levels;
    private final boolean layered;
    /**
     * Null for grants made by {@link #without} until asked: their targets never ask. Racy on
     * purpose, like {@link AddressSet#toPrefixes()}: any thread's sweep of the same rules is equal.
     */
    private Findings findings;

    /** Canonical grants: one level. */
    private NetworkGrants(List<NetRule> rules, List<NetGrant> effective, Findings findings) {
        this(rules, effective, List.of(effective), false, findings);
    }

    private NetworkGrants(List<NetRule> rules, List<NetGrant> effective, List<List<NetGrant>> levels, boolean layered,
            Findings findings) {
        this.rules = rules;
        this.effective = effective;
        this.levels = levels;
        this.layered = layered;
        this.findings = findings;
    }

    public static NetworkGrants of(List<NetRule> rules) {
        return of(rules, NetSweep.Form.DECIDE);
    }

    /** For tests: the policy in the form given, or as {@link #of(List)} decides. */
    static NetworkGrants of(List<NetRule> rules, NetSweep.Form form) {
        List<NetRule> copy = List.copyOf(rules);
        NetSweep sweep = NetSweep.run(copy, form);
        Findings findings = new Findings(sweep.conflicts(), sweep.redundant(), sweep.unchecked());
        if (!sweep.layered()) {
            return new NetworkGrants(copy, group(sweep.regions()), findings);
        }
        List<NetSweep.Layer> layers = sweep.layers();
        int depths = layers.stream().mapToInt(NetSweep.Layer::depth).max().orElse(0) + 1;
        List<List<NetSweep.Layer>> byDepth = new ArrayList<>();
        for (int depth = 0; depth < depths; depth++) {
            byDepth.add(new ArrayList<>());
        }
        layers.forEach(layer -> byDepth.get(layer.depth()).add(layer));
        return new NetworkGrants(copy, groupLayers(layers), byDepth.stream().map(NetworkGrants::groupLayers).toList(), true,
                findings);
    }

    /**
     * These grants less the rules {@code leftOut} names (by index): equal to {@link #of} the rules
     * left, in their order. A rule decides only inside its own prefix, so outside the prefixes of
     * the rules left out every address keeps its grants; inside them only the rules left that nest
     * with one of those prefixes (prefixes nest or are apart) decide, and only they are swept
     * again. The container targets leave out the resolver and loopback, a few small prefixes, and
     * so need not sweep all of a server's rules twice more.
     */
    public NetworkGrants without(BitSet leftOut) {
        int first = leftOut.nextSetBit(0);
        if (first < 0 || first >= rules.size()) {
            return this;
        }
        List<NetRule> kept = new ArrayList<>();
        List<Cidr> cut = new ArrayList<>();
        List<IpRange> cutRanges = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            if (leftOut.get(i)) {
                cut.add(rules.get(i).prefix());
                cutRanges.add(rules.get(i).prefix().range());
            } else {
                kept.add(rules.get(i));
            }
        }
        if (layered) {
            // Layers of the whole policy are not cut apart: the rules left are swept again.
            return of(kept);
        }
        AddressSet cutSet = AddressSet.ofRanges(cutRanges);
        List<NetRule> nested = new ArrayList<>();
        for (NetRule rule : kept) {
            for (Cidr prefix : cut) {
                if (prefix.contains(rule.prefix()) || rule.prefix().contains(prefix)) {
                    nested.add(rule);
                    break;
                }
            }
        }
        // Regions, whatever the nested rules' size: the whole is canonical, so the result must be.
        List<NetGrant> again = group(NetSweep.run(List.copyOf(nested), NetSweep.Form.REGIONS).regions());
        List<NetGrant> out = new ArrayList<>();
        for (Protocol protocol : Protocol.values()) {
            // A grant outside the cut whose port set the sweep inside it does not give stays as it
            // is; the others are put together again by port set, as group() does.
            Map<Ports, List<IpRange>> inside = new TreeMap<>();
            for (NetGrant grant : again) {
                if (grant.protocol() == protocol) {
                    collect(inside, grant.ports(), grant.addresses().intersect(cutSet));
                }
            }
            Map<Ports, NetGrant> byPorts = new TreeMap<>();
            for (NetGrant grant : effective) {
                if (grant.protocol() != protocol) {
                    continue;
                }
                List<IpRange> more = inside.remove(grant.ports());
                if (more == null && !grant.addresses().overlaps(cutSet)) {
                    byPorts.put(grant.ports(), grant);
                    continue;
                }
                List<IpRange> ranges = new ArrayList<>(grant.addresses().minus(cutSet).ranges());
                if (more != null) {
                    ranges.addAll(more);
                }
                if (!ranges.isEmpty()) {
                    byPorts.put(grant.ports(), new NetGrant(protocol, AddressSet.ofRanges(ranges), grant.ports()));
                }
            }
            inside.forEach((ports, ranges) -> byPorts.put(ports, new NetGrant(protocol, AddressSet.ofRanges(ranges), ports)));
            out.addAll(byPorts.values());
        }
        return new NetworkGrants(List.copyOf(kept), List.copyOf(out), null);
    }

    private static void collect(Map<Ports, List<IpRange>> byPorts, Ports ports, AddressSet addresses) {
        if (!addresses.isEmpty()) {
            byPorts.computeIfAbsent(ports, p -> new ArrayList<>()).addAll(addresses.ranges());
        }
    }

    private Findings findings() {
        Findings known = findings;
        if (known == null) {
            NetSweep sweep = NetSweep.run(rules);
            known = new Findings(sweep.conflicts(), sweep.redundant(), sweep.unchecked());
            findings = known;
        }
        return known;
    }

    /** Per protocol, one entry per distinct port set of the layers, with every address a layer of it holds. */
    private static List<NetGrant> groupLayers(List<NetSweep.Layer> layers) {
        List<NetGrant> out = new ArrayList<>();
        for (Protocol protocol : Protocol.values()) {
            Map<Ports, List<IpRange>> byPorts = new TreeMap<>();
            for (NetSweep.Layer layer : layers) {
                Ports ports = layer.grant().ports(protocol);
                if (!ports.isEmpty()) {
                    collect(byPorts, ports, layer.addresses());
                }
            }
            byPorts.forEach((ports, ranges) -> out.add(new NetGrant(protocol, AddressSet.ofRanges(ranges), ports)));
        }
        return List.copyOf(out);
    }

    /** Per protocol, one entry per distinct port set, so addresses are disjoint within a protocol. */
    private static List<NetGrant> group(List<NetSweep.Region> regions) {
        List<NetGrant> out = new ArrayList<>();
        for (Protocol protocol : Protocol.values()) {
            Map<Ports, List<IpRange>> byPorts = new TreeMap<>();
            for (NetSweep.Region region : regions) {
                Ports ports = region.grant().ports(protocol);
                if (!ports.isEmpty()) {
                    byPorts.computeIfAbsent(ports, p -> new ArrayList<>()).add(region.range());
                }
            }
            byPorts.forEach((ports, ranges) -> out.add(new NetGrant(protocol, AddressSet.ofRanges(ranges), ports)));
        }
        return List.copyOf(out);
    }

    /** The rules, in the order given; {@link Conflict} and {@link Redundancy} index into it. */
    public List<NetRule> rules() {
        return rules;
    }

    /** Whether the server may open {@code protocol} connections to {@code address} on {@code port}. */
    public boolean mayReach(Protocol protocol, Ip address, int port) {
        for (NetGrant grant : effective) {
            if (grant.protocol() == protocol && grant.ports().contains(port) && grant.addresses().contains(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The effective policy: TCP entries, then UDP, each protocol ordered by port set, no two
     * entries of a protocol with equal port sets. An address is reachable on the union of the
     * ports of the entries that hold it. Canonical (so equal policies, whatever their rules, give
     * equal lists): within a protocol no address is in two entries. Unless {@link #layered()}.
     */
    public List<NetGrant> effective() {
        return effective;
    }

    /**
     * Whether {@link #effective} is in layers rather than canonical: entries may then overlap,
     * each the ports some prefixes write themselves, for those prefixes less the denies inside
     * them. Only when the canonical form would hold many times more port ranges than the rules
     * (see {@link NetSweep#LAYERED_ABOVE}): hosts that each add ports of their own under a prefix
     * of many port ranges, where every host's entry would repeat the prefix's ranges.
     */
    public boolean layered() {
        return layered;
    }

    /**
     * The effective entries in levels: within a level no (protocol, address, port) is in two
     * entries, so each level can be a set of disjoint elements (nft's interval sets refuse
     * overlapping ones). Canonical: one level, {@link #effective} itself. In layers: one level per
     * depth of nesting (see {@link NetSweep.Layer}), outermost first, each grouped as
     * {@link #effective} is.
     */
    public List<List<NetGrant>> levels() {
        return levels;
    }

    /** Every address reachable on some port of {@code protocol}. */
    public AddressSet reachable(Protocol protocol) {
        // Every range first, one sort-and-merge: a union per grant would copy the growing set each time.
        return AddressSet.ofRanges(effective.stream().filter(grant -> grant.protocol() == protocol)
                .flatMap(grant -> grant.addresses().ranges().stream()).toList());
    }

    /** Allows and denies of exactly the same prefix, in prefix order. */
    public List<Conflict> conflicts() {
        return findings().conflicts();
    }

    /**
     * Rules that change nothing, by rule index: an allow inside another allow (same or wider
     * prefix) of the same protocol whose ports include its own, with no deny in between (of equal
     * allows the first one counts); a deny no allow encloses ({@code DEFAULT_DENY}); a deny whose
     * nearest enclosing rule is already a deny, or that repeats a deny. Coverage by the union of
     * several allows is not detected.
     */
    public List<Redundancy> redundant() {
        return findings().redundant();
    }

    /**
     * Allows (rule indices, ascending) not checked for {@link #redundant}: on their prefix or an
     * enclosing one, more port sets span their ports without holding them than the search looks
     * at (see docs/rules: {@code net-redundant}). Whether one set of port ranges holds another, over
     * many sets, is a subset question with no fast general answer, so the search is bounded.
     */
    public List<Integer> unchecked() {
        return findings().unchecked();
    }
}
