package dev.stockade.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.bench.FleetGenerator;
import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.Golden;
import dev.stockade.compiler.target.TargetRegistry;
import dev.stockade.dsl.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Compiling on many threads gives exactly what compiling on one gives: the same artifacts, byte for
 * byte and in the same order, and the same diagnostics in the same order, for every case, every
 * bundled example and a generated fleet, with every registered target. No timing here.
 */
class ParallelCompileTest {

    private static void assertSameOnAnyThreads(List<SourceFile> files) {
        List<String> targets = TargetRegistry.names();
        Stockade.Outcome one = Stockade.compile(files, targets, 1);
        for (int threads : new int[] {2, 3, 8}) {
            Stockade.Outcome many = Stockade.compile(files, targets, threads);
            assertThat(many.diagnostics()).as("diagnostics on %d threads", threads).isEqualTo(one.diagnostics());
            assertThat(paths(many.artifacts())).as("artifact paths on %d threads", threads).isEqualTo(paths(one.artifacts()));
            for (int i = 0; i < one.artifacts().size(); i++) {
                Artifact expected = one.artifacts().get(i);
                Artifact actual = many.artifacts().get(i);
                assertThat(actual.bytes()).as("%s on %d threads", expected.path(), threads).isEqualTo(expected.bytes());
                assertThat(actual.executable()).as("%s executable", expected.path()).isEqualTo(expected.executable());
            }
        }
        assertStreamedSame(files, one);
    }

    /**
     * Streaming (which lets each server's model go once compiled) gives the files and findings of
     * collecting, in one pass over the files and in two.
     */
    private static void assertStreamedSame(List<SourceFile> files, Stockade.Outcome collected) {
        for (int threads : new int[] {1, 3}) {
            for (boolean singlePass : new boolean[] {true, false}) {
                assertStreamedSame(files, collected, threads, singlePass);
            }
        }
    }

    private static void assertStreamedSame(List<SourceFile> files, Stockade.Outcome collected, int threads, boolean singlePass) {
        String how = threads + " threads, single pass " + singlePass;
        Map<String, Artifact> streamed = new ConcurrentHashMap<>();
        Stockade.Streamed outcome = Stockade.stream(files, TargetRegistry.names(), threads,
                artifact -> assertThat(streamed.put(artifact.path(), artifact)).as(artifact.path()).isNull(), singlePass);
        assertThat(outcome.diagnostics()).as("diagnostics streamed on %s", how).isEqualTo(collected.diagnostics());
        assertThat(outcome.servers()).isEqualTo(collected.parse().policies().servers().size());
        if (collected.hasBlockingErrors() && singlePass) {
            // The single pass may have compiled files before the error; the caller drops them (SinglePassTest).
            assertThat(outcome.hasBlockingErrors()).as(how).isTrue();
            return;
        }
        assertThat(new TreeSet<>(streamed.keySet())).as(how).containsExactlyElementsOf(paths(collected.artifacts()));
        for (Artifact expected : collected.artifacts()) {
            Artifact actual = streamed.get(expected.path());
            assertThat(actual.bytes()).as("%s streamed on %s", expected.path(), how).isEqualTo(expected.bytes());
            assertThat(actual.executable()).as("%s streamed executable", expected.path()).isEqualTo(expected.executable());
        }
    }

    private static List<String> paths(List<Artifact> artifacts) {
        return artifacts.stream().map(Artifact::path).toList();
    }

    @Test
    void everyCaseAndExampleCompilesToTheSameBytesOnOneThreadAndOnMany() throws IOException {
        List<SourceFile> all = new ArrayList<>();
        for (Path policy : Golden.inputs()) {
            SourceFile file = SourceFile.fromBytes(policy.getFileName().toString(), Files.readAllBytes(policy));
            assertSameOnAnyThreads(List.of(file));
            all.add(file);
        }
        assertThat(all).isNotEmpty();
    }

    @Test
    void aGeneratedFleetCompilesToTheSameBytesOnOneThreadAndOnMany() {
        List<SourceFile> fleet = new FleetGenerator(7).files(60, 25);
        Stockade.Outcome outcome = Stockade.compile(fleet, TargetRegistry.names(), 1);
        assertThat(outcome.hasBlockingErrors()).as(outcome.diagnostics().toString()).isFalse();
        assertThat(outcome.artifacts()).isNotEmpty();
        assertSameOnAnyThreads(fleet);
    }

    @Test
    void releasingResolvedPoliciesBetweenThePassesChangesNoByte() {
        List<SourceFile> fleet = new FleetGenerator(7).files(60, 25);
        Stockade.Outcome kept = Stockade.compile(fleet, TargetRegistry.names(), 1);
        for (int threads : new int[] {1, 3}) {
            Stockade.Outcome released = Stockade.compileReleasing(fleet, TargetRegistry.names(), threads);
            assertThat(released.diagnostics()).as("diagnostics on %d threads", threads).isEqualTo(kept.diagnostics());
            assertThat(paths(released.artifacts())).isEqualTo(paths(kept.artifacts()));
            for (int i = 0; i < kept.artifacts().size(); i++) {
                assertThat(released.artifacts().get(i).bytes()).as(kept.artifacts().get(i).path())
                        .isEqualTo(kept.artifacts().get(i).bytes());
            }
        }
    }

    @Test
    void streamingTheArtifactsGivesTheSameFilesAsCollectingThem() {
        List<SourceFile> fleet = new FleetGenerator(11).files(40, 10);
        assertStreamedSame(fleet, Stockade.compile(fleet, TargetRegistry.names(), 1));
    }
}
