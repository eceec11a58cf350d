package dev.stockade.compiler.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftCheckTest {

    @TempDir
    Path out;

    private static SortedMap<String, GeneratedFile> files(GeneratedFile... files) {
        SortedMap<String, GeneratedFile> all = new TreeMap<>();
        for (GeneratedFile file : files) {
            all.put(file.path(), file);
        }
        GeneratedFile manifest = Manifest.of(all.values()).file();
        all.put(manifest.path(), manifest);
        return all;
    }

    @Test
    void anUpToDateDirectoryHasNoReport() throws IOException {
        var files = files(GeneratedFile.text("a", "x\n"));
        ArtifactWriter.apply(Drift.compare(files, out));

        assertThat(DriftCheck.report(Drift.compare(files, out), "isolation", "mvn stockade:generate")).isEmpty();
    }

    @Test
    void aChangedFileIsListedWithAUnifiedDiffAndTheFix() throws IOException {
        ArtifactWriter.apply(Drift.compare(files(GeneratedFile.text("systemd/a.service", "one\ntwo\nthree\n")), out));

        String report = DriftCheck.report(Drift.compare(
                files(GeneratedFile.text("systemd/a.service", "one\nTWO\nthree\n")), out), "isolation",
                "mvn stockade:generate").orElseThrow();

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
    void missingAndStaleFilesAreNamed() throws IOException {
        ArtifactWriter.apply(Drift.compare(files(GeneratedFile.text("old", "x\n")), out));

        String report = DriftCheck.report(Drift.compare(files(GeneratedFile.text("new", "y\n")), out), "out",
                "mvn stockade:generate").orElseThrow();

        assertThat(report).contains("out does not match the policies: 1 missing, 1 changed, 1 stale\n",
                "  missing  out/new\n", "  stale    out/old (no longer generated)\n",
                "--- /dev/null\n+++ out/new (generated)\n@@ -0,0 +1,1 @@\n+y\n");
    }

    @Test
    void theDiffIsCutAtAReadableLength() throws IOException {
        String before = IntStream.range(0, 500).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
        ArtifactWriter.apply(Drift.compare(files(GeneratedFile.text("big", before)), out));
        Files.writeString(out.resolve("big"), before.replace("line", "LINE"));

        String report = DriftCheck.report(Drift.compare(files(GeneratedFile.text("big", before)), out), "out",
                "mvn stockade:generate").orElseThrow();

        assertThat(report.lines().filter(line -> line.startsWith("-LINE") || line.startsWith("+line")))
                .hasSizeLessThan(DriftCheck.DIFF_LINE_LIMIT);
        assertThat(report).contains("more diff lines not shown");
        assertThat(report.lines().count()).isLessThan(DriftCheck.DIFF_LINE_LIMIT + 10);
    }

    @Test
    void hunksKeepThreeLinesOfContextAndSeparateFarChanges() {
        String a = IntStream.rangeClosed(1, 20).mapToObj(i -> i + "\n").collect(Collectors.joining());
        String b = a.replaceFirst("2\n", "two\n").replace("\n18\n", "\neighteen\n");

        assertThat(UnifiedDiff.of("a", a, "b", b)).containsExactly("--- a", "+++ b",
                "@@ -1,5 +1,5 @@", " 1", "-2", "+two", " 3", " 4", " 5",
                "@@ -15,6 +15,6 @@", " 15", " 16", " 17", "-18", "+eighteen", " 19", " 20");
    }
}
