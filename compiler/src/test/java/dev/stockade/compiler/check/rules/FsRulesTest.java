package dev.stockade.compiler.check.rules;

import static dev.stockade.compiler.check.rules.RuleCase.fails;
import static dev.stockade.compiler.check.rules.RuleCase.passes;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The filesystem rules, table-driven: snippet, rule, expected positions and severities. */
class FsRulesTest {

    static Stream<RuleCase> cases() {
        return Stream.of(rootGrant(), broadGrant(), sensitivePath(), writeExec(), writeCode(), conflict(), redundant())
                .flatMap(List::stream);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rule(RuleCase row) {
        row.check();
    }

    private static List<RuleCase> rootGrant() {
        return List.of(
                fails("every mode of /", "fs-root-grant", """
                        server a {
                          command "/usr/bin/x"
                          filesystem {
                            read "/"
                            write "/"
                            append "/"
                            execute "/"
                          }
                        }
                        """, "4:10 error", "5:11 error", "6:12 error", "7:13 error"),
                passes("deny of / is not a grant", "fs-root-grant", """
                        server a {
                          command "/usr/bin/x"
                          filesystem {
                            deny "/"
                            read "/srv/a"
                          }
                        }
                        """));
    }

    private static List<RuleCase> broadGrant() {
        return List.of(
                fails("read of a system root is a warning, other modes errors", "fs-broad-grant", """
                        server a {
                          command "/usr/bin/x"
                          filesystem {
                            read "/etc"
                            write "/tmp"
                            execute "/usr"
                            append "/var"
                          }
                        }
                        """, "4:10 warning", "5:11 error", "6:13 error", "7:12 error"),
                fails("home roots and every listed root", "fs-broad-grant", """
                        server a {
                          command "/usr/bin/x"
                          filesystem {
                            read "/home" "/Users" "/root" "/srv" "/proc" "/sys" "/dev" "/run" "/opt"
                          }
                        }
                        """, "4:10 warning", "4:18 warning", "4:27 warning", "4:35 warning", "4:42 warning",
                        "4:50 warning", "4:57 warning", "4:64 warning", "4:71 warning"),
                fails("any one-segment path", "fs-broad-grant", """
                        server a {
                          command "/usr/bin/x"
                          filesystem {
                            read "/data"
                            write "/data/"
                          }
                        }
                        """, "4:10 warning", "5:11 error"),
                passes("two segments are narrow enough", "fs-broad-grant", """
                        server a {
                          command "/usr/bin/x"
                          filesystem {
                            read "/srv/a" "/etc/a"
                            write "/var/lib/a"
                            deny "/data"
                          }
                        }
                        """));
    }

    private static List<RuleCase> sensitivePath() {
        return List.of(
                fails("credential stores and what is below them", "fs-sensitive-path", """
                        server a {
                          command "/usr/bin/x"
                          filesystem {
                            read "/w/.env"
                            read "/w/.env.local"
                            read "/home/u/.ssh/id_rsa"
                            read "/home/u/.aws"
                            read "/home/u/.kube"
                            read "/home/u/.docker/config.json"
                            read "/home/u/.netrc"
                            read "/home/u/.npmrc"
                            read "/home/u/.pypirc"
                            read "/home/u/.gnupg"
                          }
                        }
                        """, "4:10 error", "5:10 error", "6:10 error", "7:10 error", "8:10 error", "9:10 error",
                        "10:10 error", "11:10 error", "12:10 error", "13:10 error"),
                fails("system secrets and runtime sockets, in every mode", "fs-sensitive-path", """
                        server a {
                          command "/usr/bin/x"
                          filesystem {
                            read "/etc/shadow"
                            read "/etc/sudoers"
                            read "/proc/1/environ"
                            write "/run/docker.sock"
                            append "/run/containerd/containerd.sock"
                            execute "/run/podman/podman.sock"
                          }
                        }
                        """, "4:10 error", "5:10 error", "6:10 error", "7:11 error", "8:12 error", "9:13 error"),
                passes("a deny of a credential store is what we want", "fs-sensitive-path", """
                        server a {
                          command "/usr/bin/x"
                          filesystem {
                            read "/w/app"
                            deny "/w/app/.env" "/w/app/.env.local" "/w/app/.ssh" "/w/app/.aws" "/w/app/.kube"
                            deny "/w/app/.docker" "/w/app/.netrc" "/w/app/.npmrc" "/w/app/.pypirc"
                            deny "/etc/shadow" "/etc/sudoers" "/proc/1/environ" "/run/docker.sock"
                          }
                        }
                        """),
                passes("look-alike names are not stores", "fs-sensitive-path", """
                        server a {
                          command "/usr/bin/x"
                          filesystem {
                            read "/w/app/env" "/w/app/.envrc-docs/readme" "/w/app/ssh" "/etc/shadows-of-doubt"
                          }
                        }
                        """));
    }

    private static List<RuleCase> writeExec() {
        return List.of(
                fails("write and execute on one path", "fs-write-exec", """
                        server a {
                          command "/usr/bin/x"
                          filesystem {
                            write "/opt/tools"
                            execute "/opt/tools"
                          }
                        }
                        """, "4:11 error"),
                fails("append and execute on one path", "fs-write-exec", """
                        server a {
                          command "/usr/bin/x"
                          filesystem {
                            execute "/srv/a/run"
                            append "/srv/a/run"
                          }
                        }
                        """, "4:13 error"),
                passes("most specific wins: the bin sub-tree is execute only", "fs-write-exec", """
                        server a {
                          command "/usr/bin/x"
                          filesystem {
                            write "/opt/tools"
                            execute "/opt/tools/bin"
                          }
                        }
                        """));
    }

    private static List<RuleCase> writeCode() {
        return List.of(
                fails("write on the workdir", "fs-write-code", """
                        server a {
                          command "/usr/bin/x"
                          workdir "/opt/app"
                          filesystem {
                            write "/opt/app"
                          }
                        }
                        """, "5:11 error"),
                fails("write on the script's directory (the implied workdir)", "fs-write-code", """
                        server a {
                          command "/usr/bin/node" "/opt/app/server.js"
                          filesystem {
                            write "/opt/app"
                          }
                        }
                        """, "4:11 error", "4:11 error"),
                fails("the program sits in a writable directory", "fs-write-code", """
                        server a {
                          command "/opt/tools/bin/x"
                          filesystem {
                            write "/opt/tools/bin"
                          }
                        }
                        """, "4:11 error"),
                fails("writable through an enclosing grant: points at that grant", "fs-write-code", """
                        server a {
                          command "/opt/tools/bin/x"
                          filesystem {
                            read "/opt"
                            write "/opt"
                          }
                        }
                        """, "5:11 error"),
                fails("an appendable workdir is writable code too", "fs-write-code", """
                        server a {
                          command "/usr/bin/x"
                          workdir "/opt/app"
                          filesystem {
                            append "/opt/app"
                          }
                        }
                        """, "5:12 error"),
                passes("code read-only, output elsewhere", "fs-write-code", """
                        server a {
                          command "/usr/bin/node" "/opt/app/server.js"
                          filesystem {
                            write "/var/lib/a"
                          }
                        }
                        """),
                passes("an explicit workdir without a script argument", "fs-write-code", """
                        server a {
                          command "/usr/bin/python3" "-m" "server"
                          workdir "/opt/app"
                          filesystem {
                            write "/var/lib/a"
                          }
                        }
                        """),
                passes("a read-only sub-tree inside a writable one", "fs-write-code", """
                        server a {
                          command "/srv/a/bin/x"
                          filesystem {
                            write "/srv/a"
                            read "/srv/a/bin"
                          }
                        }
                        """));
    }

    private static List<RuleCase> conflict() {
        return List.of(
                fails("grant and deny of one path", "fs-conflict", """
                        server a {
                          command "/usr/bin/x"
                          filesystem {
                            read "/srv/a"
                            deny "/srv/a/"
                          }
                        }
                        """, "5:10 error"),
                passes("deny inside a grant carves it out", "fs-conflict", """
                        server a {
                          command "/usr/bin/x"
                          filesystem {
                            read "/srv/a"
                            deny "/srv/a/private"
                          }
                        }
                        """));
    }

    private static List<RuleCase> redundant() {
        return List.of(
                fails("the same grant twice", "fs-redundant", """
                        server a {
                          command "/usr/bin/x"
                          filesystem {
                            read "/srv/a"
                            read "/srv/a"
                          }
                        }
                        """, "5:10 warning"),
                fails("a deny outside every grant", "fs-redundant", """
                        server a {
                          command "/usr/bin/x"
                          filesystem {
                            read "/srv/a"
                            deny "/srv/b"
                          }
                        }
                        """, "5:10 warning"),
                fails("read implied by write on the same path", "fs-redundant", """
                        server a {
                          command "/usr/bin/x"
                          filesystem {
                            write "/srv/a"
                            read "/srv/a"
                          }
                        }
                        """, "5:10 warning"),
                fails("a sub-path with the same rights as its enclosing path", "fs-redundant", """
                        server a {
                          command "/usr/bin/x"
                          filesystem {
                            read "/srv/a"
                            read "/srv/a/b"
                          }
                        }
                        """, "5:10 warning"),
                passes("a narrower grant that narrows, and a carving deny", "fs-redundant", """
                        server a {
                          command "/usr/bin/x"
                          filesystem {
                            write "/srv/a"
                            read "/srv/a/.git"
                            deny "/srv/a/tmp"
                          }
                        }
                        """));
    }
}
