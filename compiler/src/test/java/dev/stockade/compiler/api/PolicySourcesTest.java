package dev.stockade.compiler.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockade.dsl.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicySourcesTest {

    @TempDir
    Path project;

    private Path policies() {
        return project.resolve("src/main/stockade");
    }

    private void write(String relative, String text) throws IOException {
        Path file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static List<String> paths(List<SourceFile> sources) {
        return sources.stream().map(SourceFile::path).toList();
    }

    @Test
    void findsNestedPolicyFilesSortedByDisplayPathRelativeToTheBase() throws IOException {
        write("src/main/stockade/z.stockade", "stockade 1\n");
        write("src/main/stockade/b/deep/c.stockade", "stockade 1\n");
        write("src/main/stockade/a.stockade", "stockade 1\n");
        write("src/main/stockade/b.stockade", "stockade 1\n");

        List<SourceFile> sources = PolicySources.load(policies(), project);

        assertThat(paths(sources)).containsExactly(
                "src/main/stockade/a.stockade",
                "src/main/stockade/b.stockade",
                "src/main/stockade/b/deep/c.stockade",
                "src/main/stockade/z.stockade");
    }

    @Test
    void ignoresFilesWithOtherExtensionsAndDirectoriesNamedLikePolicies() throws IOException {
        write("src/main/stockade/policy.stockade", "stockade 1\n");
        write("src/main/stockade/README.md", "# notes\n");
        write("src/main/stockade/policy.stockade.bak", "stockade 1\n");
        write("src/main/stockade/policy.STOCKADE.txt", "stockade 1\n");
        write("src/main/stockade/odd.stockade/inner.stockade", "stockade 1\n");

        assertThat(paths(PolicySources.load(policies(), project))).containsExactly(
                "src/main/stockade/odd.stockade/inner.stockade",
                "src/main/stockade/policy.stockade");
    }

    @Test
    void readsTheBytesAsTheParserSeesThem() throws IOException {
        write("src/main/stockade/a.stockade", "stockade 1\nserver s {}\n");

        SourceFile source = PolicySources.load(policies(), project).get(0);

        assertThat(source.text()).isEqualTo("stockade 1\nserver s {}\n");
    }

    @Test
    void anEmptyOrMissingDirectoryHasNoSources() throws IOException {
        assertThat(PolicySources.load(policies(), project)).isEmpty();
        Files.createDirectories(policies().resolve("empty/nested"));
        assertThat(PolicySources.load(policies(), project)).isEmpty();
    }

    @Test
    void aPolicyDirectoryThatIsAFileIsAClearError() throws IOException {
        write("policies", "not a directory");

        assertThatThrownBy(() -> PolicySources.load(project.resolve("policies"), project))
                .isInstanceOf(IOException.class)
                .hasMessage("policy directory policies is not a directory");
    }

    @Test
    void theBaseDirectoryItselfGivesPathsWithoutPrefix() throws IOException {
        write("a.stockade", "stockade 1\n");

        assertThat(paths(PolicySources.load(project, project))).containsExactly("a.stockade");
    }

    @Test
    void followsLinksToSharedPolicies() throws IOException {
        write("shared/common.stockade", "stockade 1\n");
        Files.createDirectories(policies());
        Files.createSymbolicLink(policies().resolve("shared"), project.resolve("shared"));

        assertThat(paths(PolicySources.load(policies(), project)))
                .containsExactly("src/main/stockade/shared/common.stockade");
    }

    @Test
    void aLinkLoopIsAClearErrorNamingTheLink() throws IOException {
        write("src/main/stockade/a.stockade", "stockade 1\n");
        Files.createSymbolicLink(policies().resolve("loop"), policies());

        assertThatThrownBy(() -> PolicySources.load(policies(), project))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("symbolic link loop at src/main/stockade/loop");
    }

    @Test
    void aBrokenLinkIsAClearError() throws IOException {
        Files.createDirectories(policies());
        Files.createSymbolicLink(policies().resolve("gone.stockade"), project.resolve("missing.stockade"));

        assertThatThrownBy(() -> PolicySources.load(policies(), project))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot read src/main/stockade/gone.stockade: it does not exist");
    }

    @Test
    void aLinkToAGrandparentIsALoopToo() throws IOException {
        write("src/main/stockade/b/a.stockade", "stockade 1\n");
        Files.createSymbolicLink(policies().resolve("b/up"), policies());

        assertThatThrownBy(() -> PolicySources.load(policies(), project))
                .isInstanceOf(IOException.class)
                .hasMessage("symbolic link loop at src/main/stockade/b/up: it leads back to one of its own parent directories");
    }

    @Test
    void linksToFilesAndToSiblingDirectoriesAreFollowedUnderTheirOwnNames() throws IOException {
        write("src/main/stockade/a/x.stockade", "stockade 1\n");
        write("elsewhere/y.stockade", "stockade 1\n# y\n");
        Files.createSymbolicLink(policies().resolve("b"), policies().resolve("a"));
        Files.createSymbolicLink(policies().resolve("y.stockade"), project.resolve("elsewhere/y.stockade"));

        var read = PolicySources.read(policies(), project);

        assertThat(read).containsOnlyKeys("src/main/stockade/a/x.stockade", "src/main/stockade/b/x.stockade",
                "src/main/stockade/y.stockade");
        assertThat(read.get("src/main/stockade/y.stockade")).asString(StandardCharsets.UTF_8).isEqualTo("stockade 1\n# y\n");
    }

    @Test
    void aBrokenLinkNotNamedLikeAPolicyIsIgnored() throws IOException {
        write("src/main/stockade/a.stockade", "stockade 1\n");
        Files.createSymbolicLink(policies().resolve("notes.md"), project.resolve("missing.md"));
        Files.createSymbolicLink(policies().resolve("gone"), project.resolve("missing-directory"));

        assertThat(paths(PolicySources.load(policies(), project))).containsExactly("src/main/stockade/a.stockade");
    }

    @Test
    void anUnreadableFileIsAClearError() {
        // Tests run as root in CI, and root reads a mode-000 file, so the failure is handed over directly.
        Path file = policies().resolve("secret.stockade");
        IOException failure = new java.nio.file.AccessDeniedException(file.toString());

        assertThat(PolicySources.explain(file, project, failure))
                .hasMessage("cannot read src/main/stockade/secret.stockade: permission denied")
                .hasCause(failure);
    }

    @Test
    void displayPathsUseForwardSlashes() {
        assertThat(PolicySources.displayPath(project.resolve("x/y/z.stockade"), project)).isEqualTo("x/y/z.stockade");
    }
}
