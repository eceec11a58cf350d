package dev.stockade.compiler.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LargeFleetTest {

    private static final List<String> G1 = List.of("G1 Young Generation", "G1 Old Generation");

    @Test
    void advisesTheParallelCollectorForALargeFleetUnderG1() {
        assertThat(LargeFleet.advice(LargeFleet.SERVERS, G1)).hasValueSatisfying(advice -> assertThat(advice)
                .startsWith("2000 servers compiled under the G1 collector").contains("-XX:+UseParallelGC")
                .contains(".mvn/jvm.config"));
    }

    @Test
    void saysNothingForASmallFleetOrAnotherCollector() {
        assertThat(LargeFleet.advice(LargeFleet.SERVERS - 1, G1)).isEmpty();
        assertThat(LargeFleet.advice(10_000, List.of("PS Scavenge", "PS MarkSweep"))).isEmpty();
        assertThat(LargeFleet.advice(10_000, List.of("ZGC Cycles", "ZGC Pauses"))).isEmpty();
    }
}
