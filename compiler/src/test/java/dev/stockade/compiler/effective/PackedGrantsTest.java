package dev.stockade.compiler.effective;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.bench.FleetGenerator;
import dev.stockade.dsl.PolicyParser;
import dev.stockade.dsl.model.Ip;
import dev.stockade.dsl.model.PortRange;
import dev.stockade.dsl.model.Protocol;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Packed grants read back equal, in order: the fleet's real ones, and the edges of every field. */
class PackedGrantsTest {

    @Test
    void fleetGrantsReadBackEqualInOrder() {
        List<List<NetGrant>> fleet = PolicyParser.parse(new FleetGenerator(11).files(20, 5)).policies().servers().stream()
                .map(server -> EffectivePolicy.resolve(server).network().effective()).toList();
        assertThat(fleet.stream().mapToInt(List::size).sum()).as("the fleet has grants to pack").isGreaterThan(100);
        assertThat(fleet.stream().flatMap(List::stream).anyMatch(g -> !g.addresses().v6().isEmpty())).isTrue();
        for (List<NetGrant> grants : fleet) {
            PackedGrants packed = PackedGrants.of(grants);
            assertThat(packed.grants()).containsExactlyElementsOf(grants);
            assertThat(packed.isEmpty()).isEqualTo(grants.isEmpty());
        }
    }

    @Test
    void extremesReadBackEqual() {
        Ip lowest6 = new Ip(true, Long.MIN_VALUE, 0);
        Ip highest6 = new Ip(true, -1L, -1L);
        List<NetGrant> grants = List.of(
                new NetGrant(Protocol.values()[Protocol.values().length - 1], AddressSet.all(false).union(AddressSet.all(true)),
                        Ports.all()),
                new NetGrant(Protocol.values()[0], AddressSet.ofRanges(List.of(new IpRange(lowest6, highest6),
                        new IpRange(Ip.v4(0), Ip.v4(0)), new IpRange(Ip.v4(0xFFFFFFFFL), Ip.v4(0xFFFFFFFFL)))),
                        Ports.of(new PortRange(1, 1), new PortRange(3, 80), new PortRange(65535, 65535))),
                new NetGrant(Protocol.values()[0], AddressSet.empty(), Ports.none()));

        assertThat(PackedGrants.of(grants).grants()).containsExactlyElementsOf(grants);
        // the words are a canonical form: the same sets built otherwise give the same words, another grant others
        List<NetGrant> rebuilt = grants.stream().map(g -> new NetGrant(g.protocol(),
                AddressSet.ofRanges(reversed(g.addresses().ranges())), Ports.of(reversed(g.ports().toRanges())))).toList();
        assertThat(PackedGrants.of(rebuilt).words()).isEqualTo(PackedGrants.of(grants).words());
        assertThat(PackedGrants.of(grants.subList(0, 2)).words()).isNotEqualTo(PackedGrants.of(grants).words());
        assertThat(PackedGrants.of(List.of()).grants()).isEmpty();
        assertThat(PackedGrants.of(List.of()).isEmpty()).isTrue();
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new java.util.ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
