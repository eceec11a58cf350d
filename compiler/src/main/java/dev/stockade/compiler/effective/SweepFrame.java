package dev.stockade.compiler.effective;

import dev.stockade.dsl.model.Ip;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An open enclosing prefix of {@link NetSweep}'s walk. {@code cursor} is its first address not yet emitted; past its
 * last address (or null at the family's end) once a child reached its end.
 */
final class SweepFrame {

    final PrefixNode node;
    final Grant own;
    final Grant grant;
    final CoveringAllows allows;
    final int depth;
    Ip cursor;
    /** The grants of children so far, by their own grant; null until a child adds to a grant. */
    private Map<Grant, Grant> children;
    /** For layers: the prefixes inside this one that reset the grant; null until one does. */
    private List<IpRange> resets;

    SweepFrame(PrefixNode node, Grant own, Grant grant, CoveringAllows allows, SweepFrame parent) {
        this.node = node;
        this.own = own;
        this.grant = grant;
        this.allows = allows;
        this.depth = parent == null || parent.node.resets() ? 0 : parent.depth + 1;
        this.cursor = node.prefix().first();
    }

    void reset(Cidr inside) {
        if (resets == null) {
            resets = new ArrayList<>();
        }
        resets.add(inside.range());
    }

    NetSweep.Layer layer() {
        AddressSet prefix = AddressSet.of(node.prefix());
        return new NetSweep.Layer(resets == null ? prefix : prefix.minus(AddressSet.ofRanges(resets)), own, depth);
    }

    /**
     * This grant and a child's own, made once per distinct own grant: hosts under a prefix
     * that add the same ports share one grant, so a wide port set is not copied per host.
     */
    Grant with(Grant own) {
        if (grant.isEmpty()) {
            return own;
        }
        if (children == null) {
            children = new HashMap<>();
        }
        return children.computeIfAbsent(own, grant::union);
    }
}
