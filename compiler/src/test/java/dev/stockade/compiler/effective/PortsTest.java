package dev.stockade.compiler.effective;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.dsl.model.PortRange;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void operationsAgreeWithPerPortOracle() {
        Random random = new Random(1234);
        for (int round = 0; round < 1000; round++) {
            List<PortRange> rangesA = Universe.randomPorts(random);
            List<PortRange> rangesB = Universe.randomPorts(random);
            Ports a = Ports.of(rangesA);
            Ports b = Ports.of(rangesB);
            BitSet modelA = Universe.portBits(rangesA);
            BitSet modelB = Universe.portBits(rangesB);
            BitSet union = (BitSet) modelA.clone();
            union.or(modelB);
            BitSet intersection = (BitSet) modelA.clone();
            intersection.and(modelB);
            BitSet difference = (BitSet) modelA.clone();
            difference.andNot(modelB);
            assertThat(bits(a)).isEqualTo(modelA);
            assertThat(bits(a.union(b))).isEqualTo(union);
            assertThat(bits(a.intersect(b))).isEqualTo(intersection);
            assertThat(bits(a.minus(b))).isEqualTo(difference);
            assertThat(a.size()).isEqualTo(modelA.cardinality());
            assertThat(a.containsAll(b)).isEqualTo(b.minus(a).isEmpty());
            assertThat(a.equals(b)).isEqualTo(modelA.equals(modelB));
            assertThat(a.minus(b).union(a.intersect(b))).isEqualTo(a);
            assertThat(b.union(a)).isEqualTo(a.union(b));
            assertThat(a.union(a)).isEqualTo(a);
            assertThat(a.union(Ports.none())).isEqualTo(a);
            assertThat(Ports.none().union(a)).isEqualTo(a);
            assertThat(Ports.of(a.toRanges())).isEqualTo(a);
        }
    }

    private static BitSet bits(Ports ports) {
        BitSet bits = new BitSet();
        for (int port = 0; port <= Universe.MAX_PORT + 1; port++) {
            bits.set(port, ports.contains(port));
        }
        return bits;
    }

    @Test
    void mergesAndPrints() {
        Ports ports = Ports.of(new PortRange(8000, 8100), PortRange.single(22), new PortRange(8101, 8200));
        assertThat(ports.toString()).isEqualTo("22,8000-8200");
        assertThat(ports.size()).isEqualTo(202);
        assertThat(Ports.all().size()).isEqualTo(65535);
        assertThat(Ports.all().minus(Ports.single(1)).minus(Ports.single(65535)).toString()).isEqualTo("2-65534");
        assertThat(Ports.all().contains(0)).isFalse();
        assertThat(Ports.none().isEmpty()).isTrue();
        assertThat(Ports.single(80).compareTo(Ports.of(new PortRange(80, 81)))).isNegative();
    }
}
