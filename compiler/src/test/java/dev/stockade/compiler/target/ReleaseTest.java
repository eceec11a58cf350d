package dev.stockade.compiler.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockade.compiler.bench.FleetGenerator;
import dev.stockade.compiler.check.Checker;
import dev.stockade.compiler.check.Fanout;
import dev.stockade.compiler.check.Findings;
import dev.stockade.compiler.check.ServerContext;
import dev.stockade.dsl.PolicyParser;
import dev.stockade.dsl.model.Server;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's memory bound: while a fleet is checked and compiled, only the servers that workers
 * are on hold a resolved policy, and none is held at the end; a streamed compile lets each server's
 * model go too once compiled. Observed from inside the passes, by a rule-free counting target, on one
 * thread and on two.
 */
class ReleaseTest {

    private static final int SERVERS = 24;

    /** A fleet target that records how many servers hold a resolved policy whenever it takes a part. */
    private static final class Watcher implements FleetTarget<String> {
        final List<ServerContext> servers;
        final AtomicInteger most = new AtomicInteger();
        final ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Integer> retiredBefore = new ConcurrentLinkedQueue<>();

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
            retiredBefore.add((int) servers.stream().filter(ServerContext::retired).count());
            most.accumulateAndGet(heldAtOnce(), Math::max);
            seen.add(server.name());
            return server.name();
        }

        /**
         * How many servers hold a resolved policy at one moment. One walk of the list is no snapshot: the other
         * threads go on meanwhile, and one may release a server the walk has counted and resolve a later one before
         * the walk reaches it. So the walk is repeated until two in a row find the same servers: a server resolves
         * once and is released once, so each of them was resolved from its place in the first walk to its place in
         * the second, and all of them at the moment between the two walks.
         */
        private int heldAtOnce() {
            Set<String> before = resolved();
            for (int walk = 0; walk < 10_000; walk++) {
                Set<String> after = resolved();
                if (after.equals(before)) {
                    return after.size();
                }
                before = after;
            }
            throw new IllegalStateException("no two walks in a row found the same resolved servers");
        }

        private Set<String> resolved() {
            return servers.stream().filter(ServerContext::resolved).map(ServerContext::name).collect(Collectors.toSet());
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

    @Test
    void streamingRetiresEachServerOnceCompiledAndKeepsNoModel() throws InterruptedException {
        for (int threads : new int[] {1, 2}) {
            List<ServerContext> servers = fleet();
            List<WeakReference<Server>> models = servers.stream().map(s -> new WeakReference<>(s.server())).toList();
            Watcher watcher = new Watcher(servers);
            List<Target> targets = List.of(TargetRegistry.select(List.of("probe")).get(0),
                    TargetRegistry.select(List.of("compose")).get(0), watcher);
            Map<String, String> streamed = new ConcurrentHashMap<>();
            try (Fanout fanout = Fanout.of(threads)) {
                TargetRunner.stream(targets, servers, new Findings(), fanout,
                        artifact -> streamed.put(artifact.path(), artifact.content()), false);
            }
            if (threads == 1) {
                // One worker takes the servers in order: before the k-th, exactly k are retired.
                assertThat(List.copyOf(watcher.retiredBefore)).isEqualTo(
                        java.util.stream.IntStream.range(0, SERVERS).boxed().toList());
            }
            assertThat(servers).allMatch(ServerContext::retired).noneMatch(ServerContext::resolved);
            assertThat(streamed).containsKeys("compose/compose.yaml", "watcher/servers.txt");
            assertThat(streamed.get("compose/compose.yaml")).contains("Generated by Stockade from fleet/fleet-0001.stockade");
            assertThatThrownBy(() -> servers.get(0).server()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("retired");
            assertThatThrownBy(() -> servers.get(0).effective()).isInstanceOf(IllegalStateException.class);
            // Nothing else holds a model: each becomes collectable (a bounded wait for the collector).
            for (int attempt = 0; attempt < 20 && models.stream().anyMatch(m -> m.get() != null); attempt++) {
                System.gc();
                Thread.sleep(50);
            }
            assertThat(models).allMatch(model -> model.get() == null);
        }
    }

    private static List<ServerContext> fleet() {
        return PolicyParser.parse(new FleetGenerator(7).files(SERVERS, 10)).policies().servers().stream()
                .map(ServerContext::new).toList();
    }
}
