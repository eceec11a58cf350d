package dev.stockade.compiler.check.rules;

import static dev.stockade.compiler.check.rules.RuleCase.fails;
import static dev.stockade.compiler.check.rules.RuleCase.passes;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules on the kubernetes block: {@code run-as-user 0} is {@code user-root}; {@code volume-ungranted}. */
class KubernetesRulesTest {

    static Stream<RuleCase> cases() {
        return Stream.of(userRoot(), volumeUngranted()).flatMap(List::stream);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rule(RuleCase row) {
        row.check();
    }

    private static List<RuleCase> userRoot() {
        return List.of(
                fails("run-as-user 0 and run-as-group 0", "user-root", """
                        server a {
                          command "/usr/bin/x"
                          kubernetes {
                            run-as-user 0
                            run-as-group 0
                          }
                        }
                        """, "4:17 error", "5:18 error"),
                passes("a numeric uid and gid of its own", "user-root", """
                        server a {
                          command "/usr/bin/x"
                          kubernetes {
                            run-as-user 1
                            run-as-group 10001
                          }
                        }
                        """));
    }

    private static List<RuleCase> volumeUngranted() {
        return List.of(
                fails("a volume for a path nothing grants, one inside a grant, and a denied one", "volume-ungranted", """
                        server a {
                          command "/usr/bin/x"
                          filesystem {
                            read "/srv/data"
                            deny "/srv/data/private"
                          }
                          kubernetes {
                            volume "/srv/other" claim other
                            volume "/srv/data/sub" claim sub
                            volume "/srv/data/private" secret private
                          }
                        }
                        """, "8:12 error", "9:12 error", "10:12 error"),
                passes("a volume for each kind of grant", "volume-ungranted", """
                        server a {
                          command "/usr/bin/x"
                          filesystem {
                            read "/srv/data"
                            write "/srv/out"
                            append "/srv/logs/a.log"
                            execute "/opt/tools/bin"
                          }
                          kubernetes {
                            volume "/srv/data" claim data
                            volume "/srv/out" claim out
                            volume "/srv/logs/a.log" host-path "/var/log/a.log"
                            volume "/opt/tools/bin" config-map tools
                          }
                        }
                        """));
    }
}
