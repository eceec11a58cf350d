package dev.stockade.compiler.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.target.Artifact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftCheckTest {

    @TempDir
    Path out;

    private static Optional<String> report(Drift drift) {
        return DriftCheck.report(drift, "isolation", "mvn stockade:generate");
    }

    @Test
    void anUpToDateDirectoryHasNoReport() throws IOException {
        Outputs.generate(out, Artifact.file("a", "x\n"));

        assertThat(report(Outputs.check(out, Artifact.file("a", "x\n")))).isEmpty();
    }

    @Test
    void aChangedFileIsListedWithAUnifiedDiffAndTheFix() throws IOException {
        Outputs.generate(out, Artifact.file("systemd/a.service", "one\ntwo\nthree\n"));

        String report = report(Outputs.check(out, Artifact.file("systemd/a.service", "one\nTWO\nthree\n"))).orElseThrow();

        assertThat(report).startsWith("isolation does not match the policies: 2 changed\n"
                + "  changed  isolation/.stockade-manifest\n"
                + "  changed  isolation/systemd/a.service\n"
                + "--- isolation/systemd/a.service (on disk)\n"
                + "+++ isolation/systemd/a.service (generated)\n"
                + "@@ -1,3 +1,3 @@\n one\n-two\n+TWO\n three\n");
        assertThat(report).endsWith("Run `mvn stockade:generate` to regenerate isolation, review the changes and"
                + " commit them; edit the .stockade policies, never the generated files.");
    }

    @Test
    void anExecutableBitAloneIsNamedWithoutADiff() throws IOException {
        Outputs.generate(out, Artifact.program("run.sh", "#!/bin/sh\n"));
        Files.setPosixFilePermissions(out.resolve("run.sh"), PosixFilePermissions.fromString("rw-r--r--"));

        String report = report(Outputs.check(out, Artifact.program("run.sh", "#!/bin/sh\n"))).orElseThrow();

        assertThat(report).isEqualTo("isolation does not match the policies: 1 changed\n"
                + "  changed  isolation/run.sh (executable bit: not set, should be set)\n"
                + "Run `mvn stockade:generate` to regenerate isolation, review the changes and"
                + " commit them; edit the .stockade policies, never the generated files.");
    }

    @Test
    void missingAndStaleFilesAreNamed() throws IOException {
        Outputs.generate(out, Artifact.file("old", "x\n"));

        String report = DriftCheck.report(Outputs.check(out, Artifact.file("new", "y\n")), "out",
                "mvn stockade:generate").orElseThrow();

        assertThat(report).contains("out does not match the policies: 1 missing, 1 changed, 1 stale\n",
                "  missing  out/new\n", "  stale    out/old (no longer generated)\n",
                "--- /dev/null\n+++ out/new (generated)\n@@ -0,0 +1,1 @@\n+y\n");
    }

    @Test
    void theDiffIsCutAtAReadableLength() throws IOException {
        String before = IntStream.range(0, 500).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
        Outputs.generate(out, Artifact.file("big", before));
        Files.writeString(out.resolve("big"), before.replace("line", "LINE"));

        String report = report(Outputs.check(out, Artifact.file("big", before))).orElseThrow();

        assertThat(report.lines().filter(line -> line.startsWith("-LINE") || line.startsWith("+line")))
                .hasSizeLessThan(DriftCheck.DIFF_LINE_LIMIT);
        assertThat(report).contains("... more diff lines not shown (1 file differs;");
        assertThat(report.lines().count()).isLessThan(DriftCheck.DIFF_LINE_LIMIT + 10);
    }

    /**
     * However many files differ, and in whatever order the compile's threads hand them over, the
     * diff shows the changed files' then the missing files', in path order, up to the limit.
     */
    @Test
    void manyFilesShowTheFirstDiffsInPathOrderWhateverTheOrderTheyCameIn() throws IOException {
        List<Artifact> onDisk = new ArrayList<>();
        List<Artifact> generated = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String path = String.format("f%03d", i);
            onDisk.add(Artifact.file(path, "a\nb\n"));
            generated.add(Artifact.file(path, "a\nB\n"));
            generated.add(Artifact.file("new/" + path, "n\n"));
        }
        Outputs.generate(out, onDisk.toArray(Artifact[]::new));
        Collections.shuffle(generated, new Random(7));

        String report = report(Outputs.check(out, generated.toArray(Artifact[]::new))).orElseThrow();

        List<String> headers = report.lines().filter(line -> line.startsWith("+++ ")).toList();
        // each file's diff is 2 headers, an @@ line and 3 lines: 80 lines hold 13 whole files and part of one
        assertThat(headers).hasSize(14).first().isEqualTo("+++ isolation/f000 (generated)");
        assertThat(headers).last().isEqualTo("+++ isolation/f013 (generated)");
        assertThat(report).contains("... more diff lines not shown (400 files differ;");
        assertThat(report).contains("does not match the policies: 200 missing, 201 changed");
    }

    @Test
    void missingFilesDiffAfterEveryChangedOneWhenThereIsRoom() throws IOException {
        Outputs.generate(out, Artifact.file("z", "1\n"));

        String report = report(Outputs.check(out, Artifact.file("a-new", "n\n"), Artifact.file("z", "2\n")))
                .orElseThrow();

        assertThat(report.lines().filter(line -> line.startsWith("+++ ")))
                .containsExactly("+++ isolation/z (generated)", "+++ isolation/a-new (generated)");
        assertThat(report).doesNotContain("not shown");
    }

    @Test
    void hunksKeepThreeLinesOfContextAndSeparateFarChanges() {
        String a = IntStream.rangeClosed(1, 20).mapToObj(i -> i + "\n").collect(Collectors.joining());
        String b = a.replaceFirst("2\n", "two\n").replace("\n18\n", "\neighteen\n");

        assertThat(UnifiedDiff.hunks(a, b)).containsExactly(
                "@@ -1,5 +1,5 @@", " 1", "-2", "+two", " 3", " 4", " 5",
                "@@ -15,6 +15,6 @@", " 15", " 16", " 17", "-18", "+eighteen", " 19", " 20");
    }
}
