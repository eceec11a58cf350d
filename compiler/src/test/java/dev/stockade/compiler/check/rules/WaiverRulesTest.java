package dev.stockade.compiler.check.rules;

import static dev.stockade.compiler.check.rules.RuleCase.fails;
import static dev.stockade.compiler.check.rules.RuleCase.passes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.check.Checked;
import dev.stockade.dsl.diagnostic.Diagnostic;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Waivers: {@code accept RULE because "reason"} and the accept-* findings, table-driven. The
 * accept statement starts at column 3, its rule id at column 10.
 */
class WaiverRulesTest {

    static Stream<RuleCase> cases() {
        return Stream.of(
                fails("an accepted finding is still reported, as accepted", "audit-missing", """
                        server a {
                          command "/usr/bin/x"
                          accept audit-missing because "the host journal records it"
                        }
                        """, "1:8 warning accepted"),
                fails("a waiver covers every finding of its rule for its server only", "fs-broad-grant", """
                        server a {
                          command "/usr/bin/x"
                          filesystem {
                            read "/etc"
                            write "/data"
                          }
                          accept fs-broad-grant because "a legacy layout"
                        }
                        server b {
                          command "/usr/bin/y"
                          filesystem {
                            read "/etc"
                          }
                        }
                        """, "4:10 warning accepted", "5:11 error accepted", "12:10 warning"),
                fails("an unknown rule id", "accept-unknown", """
                        server a {
                          command "/usr/bin/x"
                          accept audit-mising because "typo"
                        }
                        """, "3:10 error"),
                passes("a known rule id", "accept-unknown", """
                        server a {
                          command "/usr/bin/x"
                          accept audit-missing because "the host journal records it"
                        }
                        """),
                fails("an empty reason, and the finding stays unaccepted", "accept-reason", """
                        server a {
                          command "/usr/bin/x"
                          accept audit-missing because ""
                          accept limits-missing because "   "
                        }
                        """, "3:32 error", "4:33 error"),
                fails("the finding of a waiver with an empty reason is not accepted", "audit-missing", """
                        server a {
                          command "/usr/bin/x"
                          accept audit-missing because ""
                        }
                        """, "1:8 warning"),
                passes("a reason", "accept-reason", """
                        server a {
                          command "/usr/bin/x"
                          accept limits-missing because "the orchestrator sets them"
                        }
                        """),
                fails("a waiver that matches no finding", "accept-unused", """
                        server a {
                          command "/usr/bin/x"
                          accept fs-redundant because "nothing is redundant"
                          accept user-shared because "b shares it"
                        }
                        server b {
                          command "/usr/bin/y"
                          user a
                        }
                        """, "3:3 warning", "4:3 warning"),
                passes("a waiver that matches a finding of its own server", "accept-unused", """
                        server a {
                          command "/usr/bin/x"
                        }
                        server b {
                          command "/usr/bin/y"
                          user a
                          accept user-shared because "b is a second replica of a"
                        }
                        """),
                fails("never-waivable and not-waivable rules", "accept-never", """
                        server a {
                          command "/usr/bin/x"
                          filesystem {
                            read "/"
                          }
                          accept fs-root-grant because "we trust it"
                          accept accept-unused because "later"
                        }
                        """, "6:10 error", "7:10 error"),
                fails("a never-waivable finding stays an error", "fs-root-grant", """
                        server a {
                          command "/usr/bin/x"
                          filesystem {
                            read "/"
                          }
                          accept fs-root-grant because "we trust it"
                        }
                        """, "4:10 error"),
                passes("a waivable rule", "accept-never", """
                        server a {
                          command "/usr/bin/x"
                          accept audit-missing because "the host journal records it"
                        }
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rule(RuleCase row) {
        row.check();
    }

    @Test
    void acceptedFindingCarriesTheReasonAndUnknownIdSuggestsTheClosest() {
        Checked accepted = Checked.of("""
                server a {
                  command "/usr/bin/x"
                  accept audit-missing because "the host journal records it"
                }
                """);
        Diagnostic finding = only(accepted, "audit-missing");
        assertThat(finding.acceptedBecause()).contains("the host journal records it");
        assertThat(finding.isBlockingError()).isFalse();

        Checked typo = Checked.of("""
                server a {
                  command "/usr/bin/x"
                  accept audit-mising because "typo"
                }
                """);
        assertThat(only(typo, "accept-unknown").hint()).contains("\"audit-missing\"");
        assertThat(only(typo, "audit-missing").isAccepted()).isFalse();
    }

    private static Diagnostic only(Checked checked, String rule) {
        List<Diagnostic> found = checked.all().stream().filter(d -> d.rule().equals(rule)).toList();
        assertThat(found).as(checked.describe()).hasSize(1);
        return found.get(0);
    }
}
