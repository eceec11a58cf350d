package dev.stockade.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.bench.FleetGenerator;
import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.TargetRegistry;
import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The one-pass streamed compile ({@link SinglePass}) when something blocks: its findings are those
 * of the two-pass compile, it says it is blocked, and what it sent the sink before it knew is never
 * two artifacts of one path. A waived error does not stop it.
 */
class SinglePassTest {

    private static final List<String> TARGETS = TargetRegistry.names();

    /** A server of its own file; {@code body} is added inside the block. */
    private static SourceFile server(String file, String name, String user, String body) {
        return SourceFile.of(file, "stockade 1\nserver " + name + " {\n  command \"/usr/bin/node\" \"/opt/" + name
                + "/index.js\"\n  user " + user + "\n  workdir \"/opt/" + name + "\"\n" + body + "}\n");
    }

    /** A fleet whose error comes last, in file order, after files that compile. */
    private static List<SourceFile> fleetThen(SourceFile last) {
        List<SourceFile> files = new ArrayList<>(new FleetGenerator(5).files(24, 3));
        files.add(last);
        return files;
    }

    /** Streams in one pass, failing on a second artifact of one path; what reached the sink, by path. */
    private static Map<String, Artifact> streamed(List<SourceFile> files, int threads, List<Diagnostic> expected,
            boolean blocked) {
        Map<String, Artifact> sent = new ConcurrentHashMap<>();
        Stockade.Streamed outcome = Stockade.stream(files, TARGETS, threads,
                artifact -> assertThat(sent.put(artifact.path(), artifact)).as(artifact.path()).isNull(), true);
        assertThat(outcome.diagnostics()).as("%d threads", threads).isEqualTo(expected);
        assertThat(outcome.hasBlockingErrors()).as("%d threads", threads).isEqualTo(blocked);
        return sent;
    }

    private static void assertBlockedLikeTwoPasses(List<SourceFile> files, String rule) {
        Stockade.Outcome collected = Stockade.compile(files, TARGETS, 1);
        assertThat(collected.hasBlockingErrors()).isTrue();
        assertThat(collected.diagnostics()).anyMatch(d -> d.rule().equals(rule) && d.isBlockingError());
        for (int threads : new int[] {1, 2, 3}) {
            streamed(files, threads, collected.diagnostics(), true);
        }
    }

    @Test
    void anErrorInTheLastFileBlocksWithTheFindingsOfTwoPasses() {
        List<SourceFile> files = fleetThen(server("z.stockade", "late", "late", "  filesystem {\n    read \"/home/u/.ssh\"\n  }\n"));
        assertBlockedLikeTwoPasses(files, "fs-sensitive-path");
        // On one thread the files before it were compiled first: the caller is told to drop them.
        assertThat(streamed(files, 1, Stockade.compile(files, TARGETS, 1).diagnostics(), true)).isNotEmpty();
    }

    @Test
    void aSyntaxErrorBlocksAndItsFileIsNotCompiled() {
        List<SourceFile> files = fleetThen(SourceFile.of("z.stockade", "stockade 1\nserver broken {\n"));
        assertBlockedLikeTwoPasses(files, "syntax");
    }

    @Test
    void aServerNameTwiceAcrossFilesNeverSendsOnePathTwice() {
        List<SourceFile> files = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            files.add(server("f" + i + ".stockade", i % 2 == 0 ? "twin" : "s" + i, "u" + i, ""));
        }
        assertBlockedLikeTwoPasses(files, "duplicate-server");
    }

    @Test
    void aFleetRuleErrorFoundAtTheEndBlocks() {
        List<SourceFile> files = fleetThen(server("z.stockade", "other", "shared-user", ""));
        files.add(0, server("a.stockade", "first", "shared-user", ""));
        assertBlockedLikeTwoPasses(files, "user-shared");
    }

    @Test
    void aWaivedErrorDoesNotBlockAndEveryFileIsCompiled() {
        List<SourceFile> files = fleetThen(server("z.stockade", "late", "late",
                "  filesystem {\n    read \"/home/u/.ssh/known_hosts\"\n  }\n"
                        + "  accept fs-sensitive-path because \"it reads the known hosts, which hold no key\"\n"));
        Stockade.Outcome collected = Stockade.compile(files, TARGETS, 1);
        assertThat(collected.hasBlockingErrors()).as(collected.diagnostics().toString()).isFalse();
        assertThat(collected.diagnostics()).anyMatch(d -> d.rule().equals("fs-sensitive-path") && d.isAccepted());
        for (int threads : new int[] {1, 3}) {
            Map<String, Artifact> sent = streamed(files, threads, collected.diagnostics(), false);
            assertThat(sent.keySet()).containsExactlyInAnyOrderElementsOf(collected.artifacts().stream().map(Artifact::path).toList());
        }
    }
}
