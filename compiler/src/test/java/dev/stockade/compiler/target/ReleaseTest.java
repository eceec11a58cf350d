package dev.stockade.compiler.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.bench.FleetGenerator;
import dev.stockade.compiler.check.Checker;
import dev.stockade.compiler.check.Fanout;
import dev.stockade.compiler.check.Findings;
import dev.stockade.compiler.check.ServerContext;
import dev.stockade.dsl.PolicyParser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's memory bound: while a fleet is checked and compiled, only the servers that workers
 * are on hold a resolved policy, and none is held at the end. Observed from inside the passes, by a
 * rule-free counting target, on one thread and on two.
 */
class ReleaseTest {

    private static final int SERVERS = 24;

    /** A fleet target that records how many servers hold a resolved policy whenever it takes a part. */
    private static final class Watcher implements FleetTarget<String> {
        final List<ServerContext> servers;
        final AtomicInteger most = new AtomicInteger();
        final ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();

        Watcher(List<ServerContext> servers) {
            this.servers = servers;
        }

        @Override
        public String name() {
            return "watcher";
        }

        @Override
        public String part(ServerContext server, TargetReport report) {
            server.effective();
            most.accumulateAndGet((int) servers.stream().filter(ServerContext::resolved).count(), Math::max);
            seen.add(server.name());
            return server.name();
        }

        @Override
        public List<Artifact> merge(List<ServerContext> all, List<String> parts, TargetReport report, Fanout fanout) {
            assertThat(parts).isEqualTo(all.stream().map(ServerContext::name).toList());
            return List.of(Artifact.file("watcher/servers.txt", String.join("\n", parts)));
        }
    }

    @Test
    void checkingReleasesEveryServer() {
        for (int threads : new int[] {1, 2}) {
            List<ServerContext> servers = fleet();
            try (Fanout fanout = Fanout.of(threads)) {
                Findings findings = Checker.findings(servers, fanout, true);
                assertThat(findings.all()).isNotEmpty();
            }
            assertThat(servers).noneMatch(ServerContext::resolved);
        }
    }

    @Test
    void compilingHoldsOnlyTheServersBeingCompiled() {
        for (int threads : new int[] {1, 2}) {
            List<ServerContext> servers = fleet();
            Watcher watcher = new Watcher(servers);
            List<Target> targets = List.of(TargetRegistry.select(List.of("probe")).get(0), watcher);
            List<Artifact> artifacts = new ArrayList<>();
            try (Fanout fanout = Fanout.of(threads)) {
                artifacts.addAll(TargetRunner.run(targets, servers, new Findings(), fanout, true));
            }
            assertThat(watcher.seen).hasSize(SERVERS);
            assertThat(watcher.most.get()).isBetween(1, threads);
            assertThat(servers).noneMatch(ServerContext::resolved);
            assertThat(artifacts).hasSize(SERVERS + 1);
            assertThat(artifacts.get(artifacts.size() - 1).content()).startsWith("fleet-s00000\nfleet-s00001\n");
        }
    }

    private static List<ServerContext> fleet() {
        return PolicyParser.parse(new FleetGenerator(7).files(SERVERS, 10)).policies().servers().stream()
                .map(ServerContext::new).toList();
    }
}
