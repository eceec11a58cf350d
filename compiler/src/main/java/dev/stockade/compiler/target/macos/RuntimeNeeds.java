package dev.stockade.compiler.target.macos;

import dev.stockade.compiler.effective.EffectivePolicy;
import dev.stockade.dsl.model.Runtime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an interpreter needs from a Mac to start that the policy does not name (the language leaves
 * the runtime to each target). Read-only, and written before the policy's own rules so that a
 * policy {@code deny} inside one of these trees still wins.
 *
 * <ul>
 *   <li>every runtime: the system libraries and frameworks ({@code /usr/lib}, {@code /System/Library}),
 *       the dyld shared cache ({@code /private/var/db/dyld}, and {@code /System/Volumes/Preboot/Cryptexes/OS}
 *       where macOS 13 and later keep it), the time zone, and {@code /dev/null}, {@code /dev/zero},
 *       {@code /dev/random}, {@code /dev/urandom};
 *   <li>the interpreter's install prefix: {@code P} when the program is {@code P/bin/NAME} outside
 *       {@code /usr/bin} and {@code /bin} (Homebrew's {@code /opt/homebrew} or {@code /usr/local},
 *       nvm, pyenv, a python.org framework), so its own libraries, modules and ICU data load;
 *   <li>{@code python}: the python.org framework tree, and for Apple's {@code /usr/bin/python3}
 *       shim the Command Line Tools it hands over to ({@code xcode-select}'s link and the real
 *       interpreter, which it executes);
 *   <li>{@code jvm}: the installed JDKs under {@code /Library/Java/JavaVirtualMachines}.
 * </ul>
 */
final class RuntimeNeeds {

    static final String CLT = "/Library/Developer/CommandLineTools";

    private RuntimeNeeds() {
    }

    /** Trees read (and mapped executable, for their libraries) by the runtime. */
    static List<String> trees(EffectivePolicy policy) {
        List<String> trees = new ArrayList<>(List.of("/usr/lib", "/System/Library", "/private/var/db/dyld",
                "/System/Volumes/Preboot/Cryptexes/OS", "/private/var/db/timezone"));
        installPrefix(policy).ifPresent(trees::add);
        if (policy.runtime() == Runtime.PYTHON) {
            trees.add("/Library/Frameworks/Python.framework");
            if (isSystemPython(policy)) {
                trees.add(CLT);
            }
        }
        if (policy.runtime() == Runtime.JVM) {
            trees.add("/Library/Java/JavaVirtualMachines");
        }
        return List.copyOf(trees);
    }

    /** Single files read by every runtime. */
    static List<String> files(EffectivePolicy policy) {
        List<String> files = new ArrayList<>(List.of("/private/etc/localtime", "/dev/null", "/dev/zero",
                "/dev/random", "/dev/urandom"));
        if (!policy.networkNone()) {
            files.addAll(List.of("/private/etc/hosts", "/private/etc/services", "/private/etc/protocols",
                    "/private/etc/ssl/cert.pem"));
        }
        if (isSystemPython(policy)) {
            files.add("/private/var/db/xcode_select_link");
        }
        return List.copyOf(files);
    }

    /** Programs the runtime itself executes besides the command: the shim's real interpreter. */
    static List<String> programs(EffectivePolicy policy) {
        return isSystemPython(policy) ? List.of(CLT + "/usr/bin/python3") : List.of();
    }

    /**
     * The Mach services looked up while starting: user and group lookups (getpwuid, which both
     * node's {@code os.userInfo()} and Python's {@code getpass} use), notifications (time zone
     * changes) and the unified log. Name resolution is added only with {@code dns}.
     */
    static List<String> machServices() {
        return List.of("com.apple.logd", "com.apple.system.logger", "com.apple.system.notification_center",
                "com.apple.system.opendirectoryd.libinfo");
    }

    /** {@code P} for a program {@code P/bin/NAME}, unless that is the system's own {@code /usr} or {@code /}. */
    static Optional<String> installPrefix(EffectivePolicy policy) {
        if (policy.runtime() == Runtime.NATIVE) {
            return Optional.empty();
        }
        return policy.code().program().map(p -> p.value()).flatMap(program -> {
            int slash = program.lastIndexOf('/');
            String dir = program.substring(0, Math.max(slash, 0));
            if (!dir.endsWith("/bin") || dir.equals("/usr/bin") || dir.equals("/bin")) {
                return Optional.empty();
            }
            String prefix = dir.substring(0, dir.length() - "/bin".length());
            return prefix.isEmpty() || prefix.equals("/usr") ? Optional.empty() : Optional.of(prefix);
        });
    }

    private static boolean isSystemPython(EffectivePolicy policy) {
        return policy.runtime() == Runtime.PYTHON
                && policy.code().program().map(p -> p.value().equals("/usr/bin/python3")).orElse(false);
    }
}
