package dev.stockade.compiler.target.bubblewrap;

import dev.stockade.compiler.effective.EffectivePolicy;
import dev.stockade.dsl.model.Runtime;
import java.util.ArrayList;
import java.util.List;

/**
 * What the runtime needs from the host that the policy does not name (the language leaves it to
 * each target): the system trees and a few files of {@code /etc}, all read-only.
 */
final class SystemPaths {

    /** Top-level directories that merged-/usr hosts keep as symlinks into /usr. */
    static final List<String> TOP_LEVEL = List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32");

    private SystemPaths() {
    }

    /**
     * Files and directories bound read-only when they exist. Not {@code /etc/passwd} and
     * {@code /etc/group}: they would show the server every account of the host. The launcher writes
     * an {@code /etc/passwd} and {@code /etc/group} holding only the server's own user and group
     * (runtimes look the current user up: node's {@code os.userInfo()}, Python's {@code getpass},
     * git); {@code /etc/shadow} is never there.
     */
    static List<String> files(EffectivePolicy policy) {
        List<String> paths = new ArrayList<>(List.of("/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d",
                "/etc/alternatives", "/etc/localtime", "/etc/nsswitch.conf"));
        if (!policy.networkNone()) {
            paths.addAll(List.of("/etc/hosts", "/etc/host.conf", "/etc/gai.conf", "/etc/ssl", "/etc/ca-certificates",
                    "/etc/pki"));
        }
        if (policy.dns().isPresent()) {
            paths.add("/etc/resolv.conf");
        }
        if (policy.runtime() == Runtime.JVM) {
            paths.addAll(List.of("/etc/java-11-openjdk", "/etc/java-17-openjdk", "/etc/java-21-openjdk"));
        }
        if (policy.runtime() == Runtime.PYTHON) {
            paths.add("/etc/python3");
        }
        return List.copyOf(paths);
    }
}
