package dev.stockade.compiler.check.rules;

import static dev.stockade.compiler.check.rules.RuleCase.fails;
import static dev.stockade.compiler.check.rules.RuleCase.passes;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Rules that compare the servers compiled together, table-driven; the finding goes to the later server. */
class FleetRulesTest {

    static Stream<RuleCase> cases() {
        return Stream.of(userShared(), profileShared()).flatMap(List::stream);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rule(RuleCase row) {
        row.check();
    }

    private static List<RuleCase> userShared() {
        return List.of(
                fails("the same explicit user on two servers", "user-shared", """
                        server a {
                          command "/usr/bin/x"
                          user svc
                        }
                        server b {
                          command "/usr/bin/y"
                          user svc
                        }
                        """, "7:8 error"),
                fails("an explicit user equal to another server's default", "user-shared", """
                        server a {
                          command "/usr/bin/x"
                          user b
                        }
                        server b {
                          command "/usr/bin/y"
                        }
                        """, "5:8 error"),
                fails("three servers, one user: each later server is reported", "user-shared", """
                        server a {
                          command "/usr/bin/x"
                          user svc
                        }
                        server b {
                          command "/usr/bin/y"
                          user svc
                        }
                        server c {
                          command "/usr/bin/z"
                          user svc
                        }
                        """, "7:8 error", "11:8 error"),
                passes("two servers with their default users", "user-shared", """
                        server a {
                          command "/usr/bin/x"
                        }
                        server b {
                          command "/usr/bin/y"
                        }
                        """),
                passes("a shared group is fine", "user-shared", """
                        server a {
                          command "/usr/bin/x"
                          group staff
                        }
                        server b {
                          command "/usr/bin/y"
                          group staff
                        }
                        """));
    }

    private static List<RuleCase> profileShared() {
        return List.of(
                fails("identical grants written in a different order", "profile-shared", """
                        server a {
                          command "/usr/bin/x"
                          filesystem {
                            read "/srv/a" "/srv/b"
                          }
                          network {
                            allow tcp 192.0.2.10 port 443,80
                          }
                        }
                        server b {
                          command "/usr/bin/y"
                          filesystem {
                            read "/srv/b"
                            read "/srv/a/"
                          }
                          network {
                            allow tcp 192.0.2.10 port 80
                            allow tcp 192.0.2.10 port 443
                          }
                        }
                        """, "10:8 warning"),
                passes("different grants", "profile-shared", """
                        server a {
                          command "/usr/bin/x"
                          filesystem {
                            read "/srv/a"
                          }
                        }
                        server b {
                          command "/usr/bin/y"
                          filesystem {
                            read "/srv/a"
                            write "/var/lib/b"
                          }
                        }
                        """),
                passes("same paths, different modes", "profile-shared", """
                        server a {
                          command "/usr/bin/x"
                          filesystem {
                            read "/srv/a"
                          }
                        }
                        server b {
                          command "/usr/bin/y"
                          filesystem {
                            write "/srv/a"
                          }
                        }
                        """),
                passes("servers that grant nothing themselves are not compared", "profile-shared", """
                        server a {
                          command "/usr/bin/x"
                        }
                        server b {
                          command "/usr/bin/y"
                          network none
                        }
                        """));
    }
}
