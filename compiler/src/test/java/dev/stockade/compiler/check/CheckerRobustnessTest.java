package dev.stockade.compiler.check;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The checks run on whatever the parser understood, including servers with errors, odd
 * combinations and duplicates: they must report, never throw. Random policies from a pool of
 * statements chosen to meet the rules' corner cases (implied code paths, root grants, host
 * names, waivers), fixed seed.
 */
class CheckerRobustnessTest {

    private static final String[] COMMANDS = {"command \"/usr/bin/x\"", "command \"/usr/bin/node\" \"/opt/a/s.js\"",
        "command \"/opt/a/bin/x\" \"/opt/a/x.py\"", "command \"x\"", "command \"/usr/bin/python3\" \"-m\" \"m\"", ""};
    private static final String[] SETTINGS = {"workdir \"/opt/a\"", "workdir \"/\"", "user root", "user 0", "user s",
        "group g", "runtime node", "description \"d\"", "network none", "accept fs-redundant because \"x\"",
        "accept audit-missing because \"\"", "accept bogus because \"x\"", "limits { memory 1MiB }",
        "audit { log \"/var/log/a\" }", "kubernetes { namespace n }", "compose { image \"i\" }", "secrets { env A }",
        "secrets { vault \"p\" { A = b } }"};
    private static final String[] MODES = {"read", "write", "append", "execute", "deny"};
    private static final String[] PATHS = {"/", "/opt", "/opt/a", "/opt/a/s.js", "/opt/a/bin", "/opt/a/bin/x",
        "/usr/bin", "/usr/bin/x", "/home/u/.ssh", "/run/secrets/x", "/tmp", "/data"};
    private static final String[] NETWORK = {"allow tcp 0.0.0.0/0 port 1-65535", "allow udp 169.254.0.0/16 port 53",
        "deny 169.254.169.254", "deny 0.0.0.0/0", "allow tcp \"::/0\" port 53", "deny \"::/0\"", "dns 10.0.0.1",
        "dns \"h.x\"", "loopback port 8080", "allow tcp 10.0.0.0/8 port 53", "deny 10.0.0.0/8",
        "allow tcp \"fd00:ec2::254\" port 80", "allow tcp \"h\" port 1"};

    @Test
    void checksNeverThrow() {
        Random random = new Random(7);
        for (int round = 0; round < 3000; round++) {
            String policy = randomPolicy(random);
            assertThatCode(() -> Checked.of(policy)).as(policy).doesNotThrowAnyException();
        }
    }

    private static String randomPolicy(Random random) {
        StringBuilder text = new StringBuilder();
        for (int server = 1 + random.nextInt(3); server > 0; server--) {
            text.append("server s").append(random.nextInt(3)).append(" {\n  ")
                    .append(pick(random, COMMANDS)).append('\n');
            for (int i = random.nextInt(4); i > 0; i--) {
                text.append("  ").append(pick(random, SETTINGS)).append('\n');
            }
            if (random.nextBoolean()) {
                text.append("  filesystem {\n");
                for (int i = random.nextInt(5); i > 0; i--) {
                    text.append("    ").append(pick(random, MODES)).append(" \"").append(pick(random, PATHS)).append("\"\n");
                }
                text.append("  }\n");
            }
            if (random.nextBoolean()) {
                text.append("  network {\n");
                for (int i = random.nextInt(5); i > 0; i--) {
                    text.append("    ").append(pick(random, NETWORK)).append('\n');
                }
                text.append("  }\n");
            }
            text.append("}\n");
        }
        return text.toString();
    }

    private static String pick(Random random, String[] pool) {
        return pool[random.nextInt(pool.length)];
    }
}
