package dev.stockade.compiler.check.rules;

import static dev.stockade.compiler.check.rules.RuleCase.fails;
import static dev.stockade.compiler.check.rules.RuleCase.passes;

import dev.stockade.compiler.effective.NetworkGrants;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The network rules, table-driven. In {@code    allow tcp ADDRESS port P} the statement starts at
 * column 5 and the address at column 15.
 */
class NetRulesTest {

    static Stream<RuleCase> cases() {
        return Stream.of(anyHost(), broadCidr(), anyPort(), metadata(), conflict(), redundant(), hostname(), dnsBroad())
                .flatMap(List::stream);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rule(RuleCase row) {
        row.check();
    }

    private static List<RuleCase> anyHost() {
        return List.of(
                fails("every IPv4 and every IPv6 address", "net-any-host", """
                        server a {
                          command "/usr/bin/x"
                          network {
                            allow tcp 0.0.0.0/0 port 443
                            allow udp "::/0" port 443
                          }
                        }
                        """, "4:15 error", "5:15 error"),
                passes("a single host", "net-any-host", """
                        server a {
                          command "/usr/bin/x"
                          network {
                            allow tcp 192.0.2.10 port 443
                          }
                        }
                        """));
    }

    private static List<RuleCase> broadCidr() {
        return List.of(
                fails("/20 is a warning, /12 an error", "net-broad-cidr", """
                        server a {
                          command "/usr/bin/x"
                          network {
                            allow tcp 10.0.0.0/20 port 443
                            allow tcp 172.16.0.0/12 port 443
                          }
                        }
                        """, "4:15 warning", "5:15 error"),
                fails("IPv6 /56 is a warning, /40 an error", "net-broad-cidr", """
                        server a {
                          command "/usr/bin/x"
                          network {
                            allow tcp "2001:db8::/56" port 443
                            allow tcp "2001:db9::/40" port 443
                          }
                        }
                        """, "4:15 warning", "5:15 error"),
                fails("the edges: /23 and /16 warn, /15 is an error; /63 and /48 warn, /47 is an error", "net-broad-cidr", """
                        server a {
                          command "/usr/bin/x"
                          network {
                            allow tcp 10.1.0.0/23 port 443
                            allow tcp 10.2.0.0/16 port 443
                            allow tcp 10.4.0.0/15 port 443
                            allow tcp "2001:db8:1::/63" port 443
                            allow tcp "2001:db8:2::/48" port 443
                            allow tcp "2001:db8:4::/47" port 443
                          }
                        }
                        """, "4:15 warning", "5:15 warning", "6:15 error", "7:15 warning", "8:15 warning", "9:15 error"),
                passes("/24 and /64 are narrow enough; a wide deny is not an allow", "net-broad-cidr", """
                        server a {
                          command "/usr/bin/x"
                          network {
                            allow tcp 192.0.2.0/24 port 443
                            allow tcp "2001:db8::/64" port 443
                            deny 192.0.0.0/8
                          }
                        }
                        """));
    }

    private static List<RuleCase> anyPort() {
        return List.of(
                fails("every port, and more than 1024 ports", "net-any-port", """
                        server a {
                          command "/usr/bin/x"
                          network {
                            allow tcp 192.0.2.10 port 1-65535
                            allow tcp 192.0.2.11 port 2000-4000
                            allow udp 192.0.2.12 port 80,2000-3024
                          }
                        }
                        """, "4:31 error", "5:31 error", "6:31 error"),
                passes("at most 1024 ports", "net-any-port", """
                        server a {
                          command "/usr/bin/x"
                          network {
                            allow tcp 192.0.2.10 port 2000-3023
                            allow tcp 192.0.2.11 port 80,443
                          }
                        }
                        """));
    }

    private static List<RuleCase> metadata() {
        return List.of(
                fails("the endpoints and the link-local range", "net-metadata", """
                        server a {
                          command "/usr/bin/x"
                          network {
                            allow tcp 169.254.169.254 port 80
                            allow tcp "fd00:ec2::254" port 80
                            allow udp 169.254.0.0/16 port 80
                          }
                        }
                        """, "4:5 error", "5:5 error", "6:5 error"),
                fails("every address includes the endpoints", "net-metadata", """
                        server a {
                          command "/usr/bin/x"
                          network {
                            allow tcp 0.0.0.0/0 port 443
                          }
                        }
                        """, "4:5 error"),
                // The effective semantics: the deny carves out only 169.254.169.254; the rest of the
                // link-local range (other metadata services live there, e.g. 169.254.170.2) stays
                // reachable, and the whole range counts as metadata, so the allow is still flagged.
                fails("allow of link-local with only the classic endpoint denied", "net-metadata", """
                        server a {
                          command "/usr/bin/x"
                          network {
                            allow tcp 169.254.0.0/16 port 80
                            deny 169.254.169.254
                          }
                        }
                        """, "4:5 error"),
                // dns is an allow of udp and of tcp 53: one statement, one finding.
                fails("a resolver in the link-local range, reported once", "net-metadata", """
                        server a {
                          command "/usr/bin/x"
                          network {
                            dns 169.254.169.253
                          }
                        }
                        """, "4:5 error"),
                passes("a wide allow with the metadata ranges denied", "net-metadata", """
                        server a {
                          command "/usr/bin/x"
                          network {
                            allow tcp 169.0.0.0/8 port 80
                            allow tcp "fd00::/8" port 80
                            deny 169.254.0.0/16
                            deny "fd00:ec2::254"
                          }
                        }
                        """),
                passes("a neighbour of the endpoint", "net-metadata", """
                        server a {
                          command "/usr/bin/x"
                          network {
                            allow tcp 169.255.169.254 port 80
                            allow tcp "fd00:ec2::253" port 80
                          }
                        }
                        """));
    }

    private static List<RuleCase> conflict() {
        return List.of(
                fails("allow and deny of one prefix", "net-conflict", """
                        server a {
                          command "/usr/bin/x"
                          network {
                            allow tcp 192.0.2.0/24 port 443
                            deny 192.0.2.0/24
                            allow udp "2001:db8::1" port 53
                            deny "2001:db8::1/128"
                          }
                        }
                        """, "5:5 error", "7:5 error"),
                passes("a deny of a longer prefix carves", "net-conflict", """
                        server a {
                          command "/usr/bin/x"
                          network {
                            allow tcp 192.0.2.0/24 port 443
                            deny 192.0.2.128/25
                          }
                        }
                        """));
    }

    private static List<RuleCase> redundant() {
        return List.of(
                fails("a deny inside no allow", "net-redundant", """
                        server a {
                          command "/usr/bin/x"
                          network {
                            allow tcp 192.0.2.10 port 443
                            deny 198.51.100.0/24
                          }
                        }
                        """, "5:5 warning"),
                fails("an allow inside an allow of the same protocol and ports", "net-redundant", """
                        server a {
                          command "/usr/bin/x"
                          network {
                            allow tcp 192.0.2.0/24 port 443
                            allow tcp 192.0.2.10 port 443
                            allow tcp 192.0.2.0/24 port 443
                          }
                        }
                        """, "5:5 warning", "6:5 warning"),
                passes("other protocol, other ports, or a deny in between", "net-redundant", """
                        server a {
                          command "/usr/bin/x"
                          network {
                            allow tcp 192.0.2.0/24 port 443
                            allow udp 192.0.2.10 port 443
                            allow tcp 192.0.2.11 port 8443
                            deny 192.0.2.128/25
                            allow tcp 192.0.2.200 port 443
                          }
                        }
                        """),
                fails("past its bound the search reports the allows it could not check, once", "net-redundant",
                        spanningPortSets(NetworkGrants.COVER_SEARCH_LIMIT + 2), "4:5 warning"),
                passes("within its bound every allow is checked", "net-redundant", spanningPortSets(NetworkGrants.COVER_SEARCH_LIMIT)));
    }

    /** Allows on one prefix of ports {@code 1,K,65535}: each spans all the others' ports, none holds another's. */
    private static String spanningPortSets(int count) {
        StringBuilder policy = new StringBuilder("server a {\n  command \"/usr/bin/x\"\n  network {\n");
        for (int i = 0; i < count; i++) {
            policy.append("    allow tcp 192.0.2.0/24 port 1,").append(100 + i).append(",65535\n");
        }
        return policy.append("  }\n}\n").toString();
    }

    private static List<RuleCase> hostname() {
        return List.of(
                fails("a host name in allow, deny and dns", "net-hostname", """
                        server a {
                          command "/usr/bin/x"
                          network {
                            allow tcp "db.internal" port 5432
                            deny "db.internal"
                            dns "db.internal"
                          }
                        }
                        """, "4:15 error", "5:10 error", "6:9 error"),
                passes("addresses", "net-hostname", """
                        server a {
                          command "/usr/bin/x"
                          network {
                            allow tcp 192.0.2.10 port 5432
                            dns "2001:db8::53"
                          }
                        }
                        """));
    }

    private static List<RuleCase> dnsBroad() {
        return List.of(
                fails("port 53 to a network around the resolver", "net-dns-broad", """
                        server a {
                          command "/usr/bin/x"
                          network {
                            allow udp 192.0.2.0/24 port 53
                            dns 192.0.2.53
                          }
                        }
                        """, "4:5 warning"),
                fails("port 53 without a declared resolver, inside a port range", "net-dns-broad", """
                        server a {
                          command "/usr/bin/x"
                          network {
                            allow tcp 192.0.2.10 port 1-100
                          }
                        }
                        """, "4:5 warning"),
                passes("the resolver alone", "net-dns-broad", """
                        server a {
                          command "/usr/bin/x"
                          network {
                            dns 192.0.2.53
                          }
                        }
                        """),
                passes("an allow of port 53 to exactly the resolver", "net-dns-broad", """
                        server a {
                          command "/usr/bin/x"
                          network {
                            allow udp 192.0.2.53 port 53
                            dns 192.0.2.53
                          }
                        }
                        """),
                passes("port 53 to a network whose other addresses are denied", "net-dns-broad", """
                        server a {
                          command "/usr/bin/x"
                          network {
                            allow udp 192.0.2.52/30 port 53
                            deny 192.0.2.52/31
                            deny 192.0.2.54/31
                            allow udp 192.0.2.53 port 53
                            dns 192.0.2.53
                          }
                        }
                        """));
    }
}
