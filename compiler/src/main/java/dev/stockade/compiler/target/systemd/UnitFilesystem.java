package dev.stockade.compiler.target.systemd;

import dev.stockade.compiler.effective.Access;
import dev.stockade.compiler.effective.FsEntry;
import dev.stockade.compiler.effective.FsGrants;
import dev.stockade.compiler.target.escape.SystemdEscape;
import dev.stockade.dsl.model.FsMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The filesystem half of the unit, decided from the effective entries (parent before child).
 *
 * <p>{@code ProtectSystem=strict} makes the whole tree read-only but leaves it readable, which is
 * wider than the policy. So the top-level directory above each outermost grant (the second level
 * under {@code /var}) is covered with an empty read-only tmpfs ({@code TemporaryFileSystem=}) and
 * the grants are bound back into it ({@code BindPaths=}, {@code BindReadOnlyPaths=}): their
 * siblings disappear. Home directories get the same through {@code ProtectHome=tmpfs}. Grants in
 * the runtime's own trees ({@code /usr}, {@code /etc}, ...) and top-level grants stay in place and
 * use {@code ReadWritePaths=}/{@code ReadOnlyPaths=}. A deny is {@code InaccessiblePaths=}, or an
 * empty tmpfs when a grant inside it must be bound back. {@code NoExecPaths=/} with
 * {@code ExecPaths=} for the runtime and the execute grants.
 *
 * <p>INVARIANT: every path is absolute and normalized (the effective policy guarantees it), and
 * systemd applies all of these mounts sorted by path, deeper last, so the most specific entry
 * decides, as in the policy.
 */
final class UnitFilesystem {

    /** What the runtime needs: readable (and, for the first group, executable); never hidden. */
    static final List<String> RUNTIME_EXEC = List.of("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32");
    private static final List<String> RUNTIME_TREES =
            List.of("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc", "/dev", "/proc", "/sys",
                    "/run", "/tmp", "/var/tmp");
    private static final List<String> HOME_TREES = List.of("/home", "/root", "/run/user");

    /** The unit's filesystem settings, each list already escaped, one value per directive line. */
    record Lowered(String protectHome, List<String> hiddenPaths, List<String> hidden, List<String> bind, List<String> bindReadOnly,
            List<String> readWrite, List<String> readOnly, List<String> inaccessible, List<String> exec,
            List<String> noExec, List<String> writableDirs, List<String> appendFiles, List<String> notExpressible) {
    }

    private final Map<String, FsEntry> byPath = new LinkedHashMap<>();
    private final TreeSet<String> hideRoots = new TreeSet<>();
    private final TreeSet<String> emptied = new TreeSet<>();

    private final FsGrants fs;

    private UnitFilesystem(FsGrants fs) {
        this.fs = fs;
        fs.entries().forEach(e -> byPath.put(e.path(), e));
    }

    static Lowered lower(FsGrants fs) {
        return new UnitFilesystem(fs).lower();
    }

    private Lowered lower() {
        for (FsEntry entry : byPath.values()) {
            if (entry.access().isDenied() && fs.grantedBelow(entry.path())) {
                emptied.add(entry.path());
            } else if (!entry.access().isDenied() && enclosingGrant(entry).isEmpty()) {
                hideRoot(entry.path()).ifPresent(hideRoots::add);
            }
        }
        boolean homeGranted = byPath.values().stream()
                .anyMatch(e -> !e.access().isDenied() && under(e.path(), HOME_TREES));
        List<String> bind = new ArrayList<>();
        List<String> bindRo = new ArrayList<>();
        List<String> rw = new ArrayList<>();
        List<String> ro = new ArrayList<>();
        List<String> inaccessible = new ArrayList<>();
        List<String> exec = new ArrayList<>();
        List<String> noExec = new ArrayList<>();
        List<String> writable = new ArrayList<>();
        List<String> append = new ArrayList<>();
        List<String> colon = new ArrayList<>();
        TreeSet<String> tmpfs = new TreeSet<>(hideRoots);
        tmpfs.addAll(emptied);
        for (FsEntry entry : byPath.values()) {
            Access access = entry.access();
            Optional<FsEntry> enclosing = entry.enclosing().map(byPath::get);
            if (access.isDenied()) {
                if (!emptied.contains(entry.path())) {
                    inaccessible.add(SystemdEscape.optionalPath(entry.path()));
                }
                continue;
            }
            if (writable(access)) {
                (access.allows(FsMode.WRITE) ? writable : append).add(entry.path());
            }
            Access outer = enclosing.map(FsEntry::access).orElse(Access.none());
            boolean nestedInGrant = !outer.isDenied();
            if (!nestedInGrant && bound(entry.path(), homeGranted)) {
                if (entry.path().contains(":")) {
                    colon.add(entry.path());
                    continue;
                }
                (writable(access) ? bind : bindRo).add(SystemdEscape.optionalPath(entry.path()));
            } else if (writable(access) && !(nestedInGrant && writable(outer))) {
                rw.add(SystemdEscape.optionalPath(entry.path()));
            } else if (!writable(access) && nestedInGrant && writable(outer)) {
                ro.add(SystemdEscape.optionalPath(entry.path()));
            }
            boolean outerExec = nestedInGrant && outer.allows(FsMode.EXECUTE);
            if (access.allows(FsMode.EXECUTE) && !outerExec && !under(entry.path(), RUNTIME_EXEC)) {
                exec.add(SystemdEscape.optionalPath(entry.path()));
            } else if (!access.allows(FsMode.EXECUTE) && outerExec) {
                noExec.add(SystemdEscape.optionalPath(entry.path()));
            }
        }
        List<String> hidden = tmpfs.stream().filter(p -> !p.contains(":")).map(p -> SystemdEscape.path(p + ":ro")).toList();
        tmpfs.stream().filter(p -> p.contains(":")).forEach(colon::add);
        List<String> hiddenPaths = tmpfs.stream().filter(p -> !p.contains(":")).toList();
        return new Lowered(homeGranted ? "tmpfs" : "yes", hiddenPaths, hidden, bind, bindRo, rw, ro, inaccessible, exec, noExec,
                writable, append, colon);
    }

    /** Append is written as a writable file (plus the append-only attribute from tmpfiles). */
    private static boolean writable(Access access) {
        return access.allows(FsMode.WRITE) || access.allows(FsMode.APPEND);
    }

    private boolean bound(String path, boolean homeGranted) {
        if ((homeGranted && under(path, HOME_TREES)) || under(path, hideRoots)) {
            return true;
        }
        // Inside an emptied deny: one look-up per directory above the path, not one per deny.
        for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
            if (emptied.contains(path.substring(0, slash))) {
                return true;
            }
        }
        return emptied.contains("/") && !path.equals("/");
    }

    private Optional<FsEntry> enclosingGrant(FsEntry entry) {
        Optional<FsEntry> up = entry.enclosing().map(byPath::get);
        while (up.isPresent() && up.get().access().isDenied()) {
            up = up.get().enclosing().map(byPath::get);
        }
        return up;
    }

    /**
     * The directory to cover for an outermost grant: its top-level directory ({@code /var/X} under
     * {@code /var}); none for the runtime's and the home trees, or when the grant is that directory.
     */
    static Optional<String> hideRoot(String path) {
        if (under(path, HOME_TREES) || under(path, RUNTIME_TREES)) {
            return Optional.empty();
        }
        int depth = under(path, "/var") ? 2 : 1;
        int end = 0;
        for (int level = 0; level < depth; level++) {
            end = path.indexOf('/', end + 1);
            if (end < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(path.substring(0, end));
    }

    static boolean under(String path, Collection<String> roots) {
        for (String root : roots) {
            if (under(path, root)) {
                return true;
            }
        }
        return false;
    }

    static boolean under(String path, String root) {
        return root.equals("/") || (path.startsWith(root)
                && (path.length() == root.length() || path.charAt(root.length()) == '/'));
    }
}
