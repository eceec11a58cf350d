package dev.stockade.compiler.check.rules;

import static dev.stockade.compiler.check.rules.RuleCase.fails;
import static dev.stockade.compiler.check.rules.RuleCase.passes;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Identity, secrets and the per-server completeness rules (audit, limits), table-driven. */
class IdentitySecretRulesTest {

    static Stream<RuleCase> cases() {
        return Stream.of(userRoot(), secretLiteral(), secretFile(), secretStatic(), auditAndLimits())
                .flatMap(List::stream);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rule(RuleCase row) {
        row.check();
    }

    private static List<RuleCase> userRoot() {
        return List.of(
                fails("user and group root", "user-root", """
                        server a {
                          command "/usr/bin/x"
                          user root
                          group root
                        }
                        """, "3:8 error", "4:9 error"),
                fails("user and group 0", "user-root", """
                        server a {
                          command "/usr/bin/x"
                          user 0
                          group 0
                        }
                        """, "3:8 error", "4:9 error"),
                fails("a dedicated user in the root group", "user-root", """
                        server a {
                          command "/usr/bin/x"
                          user svc-a
                          group root
                        }
                        """, "4:9 error"),
                passes("a dedicated user, and a name that only starts like root", "user-root", """
                        server a {
                          command "/usr/bin/x"
                          user rooted
                          group staff
                        }
                        """));
    }

    private static List<RuleCase> secretLiteral() {
        return List.of(
                fails("a URL with a password in the description", "secret-literal", """
                        server a {
                          description "postgres://app:hunter2@db.example.com/app"
                          command "/usr/bin/x"
                        }
                        """, "2:15 error"),
                fails("a private key block", "secret-literal", """
                        server a {
                          command "/usr/bin/x" "-----BEGIN OPENSSH PRIVATE KEY-----"
                        }
                        """, "2:24 error"),
                fails("AWS access key ids", "secret-literal", """
                        server a {
                          command "/usr/bin/x" "AKIAIOSFODNN7EXAMPLE"
                          description "temporary key ASIAIOSFODNN7EXAMPLE"
                        }
                        """, "2:24 error", "3:15 error"),
                fails("GitHub tokens", "secret-literal", """
                        server a {
                          command "/usr/bin/x" "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"
                          description "gho_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"
                          workdir "/opt/ghs_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"
                          accept audit-missing because "github_pat_11ABCDEFG0123456789_abcdefghijklmnop"
                        }
                        """, "2:24 error", "3:15 error", "4:11 error", "5:32 error"),
                fails("Slack, OpenAI and Anthropic keys", "secret-literal", """
                        server a {
                          command "/usr/bin/x" "--slack=xoxb-123456789012-abcdefghijkl"
                          description "sk-abcdefghijklmnopqrstuvwx"
                          kubernetes {
                            image "sk-ant-api03-abcdefghijklmnopqrstuv"
                          }
                        }
                        """, "2:24 error", "3:15 error", "5:11 error"),
                fails("a JSON web token", "secret-literal", """
                        server a {
                          command "/usr/bin/x" "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"
                        }
                        """, "2:24 error"),
                fails("a high-entropy word in the description and in an argument", "secret-literal", """
                        server a {
                          description "token 8fK2pQz9LmX4vR7tW1yB6nH3jD5sG0aE"
                          command "/usr/bin/x" "--token=Zq8Xw2Lp9Rt4Yv7Bn1Mc6Kd3Hs5Gf0Ja"
                        }
                        """, "2:15 error", "3:24 error"),
                fails("accepting it is refused and the finding stays an error", "secret-literal", """
                        server a {
                          command "/usr/bin/x" "AKIAIOSFODNN7EXAMPLE"
                          accept secret-literal because "x"
                        }
                        """, "2:24 error"),
                passes("paths, a sha256 digest, a UUID and a sentence", "secret-literal", """
                        server a {
                          description "Reads project A's sources and writes build output, 2024 edition"
                          command "/usr/bin/java" "-cp" "/opt/app/lib/app-all-1.4.2.jar" "com.example.mcp.filesystem.ServerMain2" "--digest=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" "--id=123e4567-e89b-12d3-a456-426614174000" "https://example.com/a:b@c"
                          workdir "/opt/app/some/quite/deep/directory/structure/v2024"
                          kubernetes {
                            image "registry.example.com/app@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
                          }
                        }
                        """));
    }

    private static List<RuleCase> secretFile() {
        return List.of(
                fails("mounted secrets, key files, credentials files", "secret-file", """
                        server a {
                          command "/usr/bin/x"
                          filesystem {
                            read "/run/secrets/db"
                            read "/etc/a/tls.key"
                            execute "/etc/a/credentials.json"
                          }
                        }
                        """, "4:10 warning", "5:10 warning", "6:13 warning"),
                passes("a key inside a credential store is fs-sensitive-path's alone", "secret-file", """
                        server a {
                          command "/usr/bin/x"
                          filesystem {
                            read "/home/u/.ssh/id_rsa"
                          }
                        }
                        """),
                passes("configuration files, and a written key file is not handed in", "secret-file", """
                        server a {
                          command "/usr/bin/x"
                          filesystem {
                            read "/etc/a/config.yaml"
                            write "/var/lib/a/keys"
                            deny "/run/secrets"
                          }
                        }
                        """));
    }

    private static List<RuleCase> secretStatic() {
        return List.of(
                fails("environment secrets only", "secret-static", """
                        server a {
                          command "/usr/bin/x"
                          secrets {
                            env API_TOKEN OTHER_TOKEN
                          }
                        }
                        """, "4:5 info"),
                passes("environment secrets with a vault", "secret-static", """
                        server a {
                          command "/usr/bin/x"
                          secrets {
                            env API_URL
                            vault "database/creds/a" ttl 1h {
                              DATABASE_PASSWORD = password
                            }
                          }
                        }
                        """));
    }

    private static List<RuleCase> auditAndLimits() {
        return List.of(
                fails("no audit block", "audit-missing", """
                        server a {
                          command "/usr/bin/x"
                        }
                        """, "1:8 warning"),
                passes("an audit block", "audit-missing", """
                        server a {
                          command "/usr/bin/x"
                          audit {
                            log "/var/log/mcp/a.log"
                          }
                        }
                        """),
                fails("no limits block", "limits-missing", """
                        server a {
                          command "/usr/bin/x"
                        }
                        """, "1:8 info"),
                passes("a limits block", "limits-missing", """
                        server a {
                          command "/usr/bin/x"
                          limits {
                            memory 256MiB
                          }
                        }
                        """));
    }
}
