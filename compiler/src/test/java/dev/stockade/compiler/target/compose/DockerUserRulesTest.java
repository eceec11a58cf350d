package dev.stockade.compiler.target.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.Golden;
import dev.stockade.compiler.target.Tool;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every DOCKER-USER rules file loads, with its documented command, into a fresh network namespace
 * where an empty DOCKER-USER chain exists (as Docker leaves it); iptables-save lists every rule of
 * the file as written and one jump from DOCKER-USER and from INPUT; loading twice gives the same
 * ruleset as loading once; the documented remove command leaves nothing behind. The namespace is
 * deleted whatever happens.
 */
class DockerUserRulesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    static Stream<Path> inputs() {
        return Golden.inputs().stream();
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void rulesLoadOnceAndRemoveCleanly(Path policy) {
        List<Artifact> files = Golden.compile(policy, ComposeTarget.NAME).artifacts().stream()
                .filter(a -> a.path().endsWith("tables")).toList();
        for (Artifact file : files) {
            load(file);
        }
    }

    private static void load(Artifact file) {
        String tool = file.path().endsWith(".ip6tables") ? "ip6tables" : "iptables";
        assertThat(Tool.run(TIMEOUT,
                List.of("id", "-u")).ok().out().strip()).as("loading rules into a namespace needs root").isEqualTo("0");
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        String netns = "stk-compose-" + HexFormat.of().formatHex(random);
        Path dir = Tool.scratch("docker-user-");
        Tool.run(TIMEOUT, List.of("ip", "netns", "add", netns)).ok();
        try {
            Tool.write(dir.resolve(file.path()), file.content());
            inNetns(netns, dir, tool + " -N DOCKER-USER").ok();
            String load = command(file.content(), "# Load");
            inNetns(netns, dir, load).ok();
            String once = save(netns, dir, tool);
            inNetns(netns, dir, load).ok();
            assertThat(save(netns, dir, tool)).as("loading twice = loading once").isEqualTo(once);
            String chain = DockerUserLowering.chain(file.path().replaceAll("^compose/(.*)\\.docker-user\\..*$", "$1"));
            List<String> written = file.content().lines().filter(l -> l.startsWith("-A ")).toList();
            assertThat(once.lines().filter(l -> l.startsWith("-A " + chain + " ") || l.startsWith("-A " + chain + "-")).toList())
                    .containsExactlyElementsOf(written);
            assertThat(once.lines().filter(l -> l.equals("-A DOCKER-USER -j " + chain))).hasSize(1);
            assertThat(once.lines().filter(l -> l.equals("-A INPUT -j " + chain))).hasSize(1);
            inNetns(netns, dir, command(file.content(), "# Remove")).ok();
            assertThat(save(netns, dir, tool)).doesNotContain(chain);
        } finally {
            try {
                Tool.run(TIMEOUT, List.of("ip", "netns", "del", netns)).ok();
            } finally {
                Tool.deleteTree(dir);
            }
        }
    }

    /** The command on the comment line after {@code marker} ({@code #   COMMAND}). */
    private static String command(String content, String marker) {
        List<String> lines = content.lines().toList();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).startsWith(marker)) {
                return lines.get(i + 1).replaceFirst("^#\\s+", "");
            }
        }
        throw new AssertionError("no " + marker + " line");
    }

    private static Tool.Result inNetns(String netns, Path cwd, String commandLine) {
        return Tool.run(List.of("ip", "netns", "exec", netns, "sh", "-c", commandLine), cwd, Map.of(), TIMEOUT);
    }

    /** The filter table as iptables-save lists it, without the comment and counter lines that vary. */
    private static String save(String netns, Path cwd, String tool) {
        String out = inNetns(netns, cwd, tool + "-save -t filter").ok().out();
        return String.join("\n", out.lines().filter(l -> !l.startsWith("#"))
                .map(l -> l.replaceAll("\\[\\d+:\\d+\\]", "")).toList());
    }
}
