package dev.stockade.compiler.target.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.Golden;
import dev.stockade.compiler.target.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every generated unit through the real systemd-analyze: {@code verify} must print nothing at all
 * (it only warns on a misspelt directive), and {@code security --offline=true} must score at most
 * 0.2 for {@code network none} and 1.0 with network grants. verify checks that the ExecStart
 * program exists, so each unit is verified under a scratch {@code --root} that holds the unit, a
 * copy of the host's unit files (sysinit.target, ...) and an executable stub at the program's path.
 */
class SystemdToolsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final Pattern EXPOSURE = Pattern.compile("Overall exposure level for \\S+: (\\d+\\.\\d+)");
    private static final Pattern PROGRAM = Pattern.compile("(?m)^ExecStart=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static Path root;

    @BeforeAll
    static void scratchRoot() throws IOException {
        root = Files.createTempDirectory("stockade-systemd-root");
        Path units = Files.createDirectories(root.resolve("usr/lib/systemd/system"));
        Files.createDirectories(root.resolve("etc/systemd/system"));
        try (var host = Files.list(Path.of("/usr/lib/systemd/system"))) {
            for (Path unit : host.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList()) {
                Files.copy(unit, units.resolve(unit.getFileName()));
            }
        }
    }

    @AfterAll
    static void removeRoot() {
        Tool.deleteTree(root);
    }

    @Test
    void everyUnitVerifiesCleanAndScoresWithinItsThreshold() throws IOException {
        List<String> scores = new ArrayList<>();
        for (Path policy : Golden.inputs()) {
            for (Artifact unit : units(policy)) {
                String name = unit.path().substring("systemd/".length());
                Files.writeString(root.resolve("etc/systemd/system").resolve(name), unit.content());
                stub(program(unit.content()));
                Tool.Result verify = Tool.run(List.of("systemd-analyze", "verify", "--man=no", "--root=" + root,
                        name), root, Map.of(), TIMEOUT);
                assertThat(verify.err() + verify.out()).as("systemd-analyze verify %s", name).isEmpty();
                assertThat(verify.exit()).as("verify exit of %s", name).isZero();
                double exposure = exposure(name);
                boolean none = unit.content().contains("\nPrivateNetwork=yes\n");
                scores.add(name + "=" + exposure);
                assertThat(exposure).as("exposure of %s (%s)", name, none ? "network none" : "network grants")
                        .isLessThanOrEqualTo(none ? 0.2 : 1.0);
            }
        }
        System.out.println("systemd-analyze security --offline=true: " + scores);
        assertThat(scores).hasSizeGreaterThanOrEqualTo(Golden.inputs().size());
    }

    @Test
    void verifyCatchesAMisspeltDirective() throws IOException {
        Artifact unit = units(Golden.CASES.resolve("network-none.stockade")).get(0);
        String name = "misspelt.service";
        Files.writeString(root.resolve("etc/systemd/system").resolve(name), unit.content().replace("PrivateIPC=", "PrivateIPCC="));
        stub(program(unit.content()));
        Tool.Result verify = Tool.run(List.of("systemd-analyze", "verify", "--man=no", "--root=" + root, name),
                root, Map.of(), TIMEOUT);
        assertThat(verify.err()).contains("Unknown key 'PrivateIPCC'");
    }

    private double exposure(String name) {
        Path file = root.resolve("etc/systemd/system").resolve(name);
        Tool.Result security = Tool.run(List.of("systemd-analyze", "security", "--offline=true", "--no-pager",
                file.toString()), root, Map.of(), TIMEOUT);
        Matcher m = EXPOSURE.matcher(security.out() + security.err());
        assertThat(m.find()).as("exposure line for %s in:%n%s%s", name, security.out(), security.err()).isTrue();
        return Double.parseDouble(m.group(1));
    }

    static List<Artifact> units(Path policy) {
        return Golden.compile(policy, SystemdTarget.NAME).artifacts().stream()
                .filter(a -> a.path().endsWith(".service")).toList();
    }

    /** The first ExecStart word, unquoted: C escapes and doubled specifiers undone. */
    static String program(String unit) {
        Matcher m = PROGRAM.matcher(unit);
        assertThat(m.find()).as("quoted ExecStart program").isTrue();
        return m.group(1).replace("\\\"", "\"").replace("\\\\", "\\").replace("%%", "%");
    }

    private static void stub(String program) throws IOException {
        Path file = root.resolve(program.substring(1));
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
