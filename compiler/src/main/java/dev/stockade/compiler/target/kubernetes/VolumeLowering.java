package dev.stockade.compiler.target.kubernetes;

import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.effective.FsEntry;
import dev.stockade.compiler.target.TargetReport;
import dev.stockade.compiler.target.container.ContainerPolicy;
import dev.stockade.compiler.target.escape.YamlEscape;
import dev.stockade.dsl.model.FsMode;
import dev.stockade.dsl.model.KubernetesSettings;
import dev.stockade.dsl.model.KubernetesVolume;
import dev.stockade.dsl.model.VolumeKind;
import dev.stockade.dsl.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The filesystem grants as pod volumes. Paths are visited parent before child, each mount taking
 * effect below its path until a longer one replaces it, as the most specific rule wins:
 * <ul>
 * <li>a grant with its own {@code volume} mounts that source, {@code readOnly} unless the grant may
 * write or append (a Secret or ConfigMap is always read-only);</li>
 * <li>a grant without one inside a mounted grant of other writability mounts the same volume again
 * with a {@code subPath}; with the same writability it is already visible and needs nothing;</li>
 * <li>a deny inside a mounted grant is hidden by an empty in-memory {@code emptyDir} mounted over it
 * (read-only unless a mount below it needs its mount point created);</li>
 * <li>a grant outside every mounted volume is not mounted; all of a server's are reported in one
 * finding on its kubernetes block, where the fix goes (a finding per path was most of a large
 * fleet's diagnostics, and of its memory).</li>
 * </ul>
 */
final class VolumeLowering {

    static final String HIDDEN_SIZE = "4Ki";

    /** One mount point; {@code hidden} when an emptyDir covers a deny, else {@code volume} holds the source. */
    private record Point(String path, String volume, String subPath, boolean readOnly, boolean hidden) {
    }

    private final ServerContext server;
    private final TargetReport report;
    private final Map<String, Span> spans;
    private final List<Point> points = new ArrayList<>();
    /**
     * The last point added at each path, and the last that is not a hidden cover: what a mount
     * looks up above a path, one ancestor at a time, instead of every point (quadratic in the
     * grants of a server).
     */
    private final Map<String, Point> lastAt = new HashMap<>();
    private final Map<String, Point> lastSourceAt = new HashMap<>();
    private int hiddenCount;
    private final Map<String, ManifestView.Volume> volumes = new LinkedHashMap<>();
    private final Map<String, String> hiddenWritable = new LinkedHashMap<>();
    private final List<String> unmounted = new ArrayList<>();

    private VolumeLowering(ServerContext server, TargetReport report) {
        this.server = server;
        this.report = report;
        this.spans = ContainerPolicy.statementSpans(server);
    }

    /** The volumes and mounts (without {@code /tmp}), in the order they must be mounted. */
    record Result(List<ManifestView.Volume> volumes, List<ManifestView.Mount> mounts) {
        boolean hasSources() {
            return volumes.stream().anyMatch(v -> !v.type().equals("emptyDir"));
        }
    }

    static Result lower(ServerContext server, KubernetesSettings settings, TargetReport report) {
        return new VolumeLowering(server, report).run(settings);
    }

    private Result run(KubernetesSettings settings) {
        Map<String, KubernetesVolume> byPath = new LinkedHashMap<>();
        settings.volumes().forEach(v -> byPath.putIfAbsent(v.path().value(), v));
        for (FsEntry entry : ContainerPolicy.statementFilesystem(server).entries()) {
            if (entry.access().isDenied()) {
                hide(entry.path());
            } else {
                grant(entry, Optional.ofNullable(byPath.get(entry.path())));
            }
        }
        reportUnmounted(settings);
        List<ManifestView.Mount> mounts = new ArrayList<>();
        List<ManifestView.Volume> all = new ArrayList<>(volumes.values());
        for (Point p : points) {
            boolean readOnly = p.hidden() ? !hiddenWritable.containsKey(p.volume()) : p.readOnly();
            mounts.add(new ManifestView.Mount(YamlEscape.string(p.volume()), YamlEscape.string(p.path()),
                    p.subPath().isEmpty() ? "" : YamlEscape.string(p.subPath()), readOnly));
        }
        return new Result(all, mounts);
    }

    private void grant(FsEntry entry, Optional<KubernetesVolume> own) {
        String path = entry.path();
        boolean writable = entry.access().allows(FsMode.APPEND);
        if (path.equals("/tmp")) {
            approximation(path, "\"/tmp\" is the pod's own empty directory: a volume is not mounted over it",
                    "grant a directory below /tmp, or leave /tmp to the pod");
            return;
        }
        if (own.isPresent()) {
            KubernetesVolume volume = own.get();
            String name = volume(volume);
            boolean readOnly = !writable || volume.kind().readOnlyOnly();
            reportSource(entry, volume, writable);
            reportAppend(entry, readOnly);
            mountBelowHidden(path);
            add(new Point(path, name, "", readOnly, false));
            return;
        }
        Optional<Point> enclosing = enclosing(path);
        Optional<Point> source = enclosingSource(path);
        if (source.isEmpty()) {
            unmounted.add(path);
            return;
        }
        Point parent = source.get();
        boolean readOnlyOnly = volumes.get(parent.volume()).type().equals("secret")
                || volumes.get(parent.volume()).type().equals("configMap");
        boolean readOnly = !writable || readOnlyOnly;
        if (writable && readOnlyOnly) {
            approximation(path, "\"" + path + "\" is mounted read-only: it lies in the read-only Secret or ConfigMap "
                    + "volume of \"" + parent.path() + "\" (stricter)", "give it a writable volume of its own: volume \""
                    + path + "\" claim NAME");
        }
        reportAppend(entry, readOnly);
        if (enclosing.get() == parent && parent.readOnly() == readOnly) {
            return; // visible through the enclosing volume, with the same writability
        }
        String rel = path.substring(parent.path().length() + 1);
        mountBelowHidden(path);
        add(new Point(path, parent.volume(), parent.subPath().isEmpty() ? rel : parent.subPath() + "/" + rel,
                readOnly, false));
    }

    /** Every grant left unmounted, named in one finding on the kubernetes block. */
    private void reportUnmounted(KubernetesSettings settings) {
        if (unmounted.isEmpty()) {
            return;
        }
        String paths = "\"" + String.join("\", \"", unmounted) + "\"";
        String message = unmounted.size() == 1
                ? paths + " is not mounted: the kubernetes block names no volume for it, so the pod sees only its "
                        + "image there"
                : unmounted.size() + " granted paths are not mounted: the kubernetes block names no volume for them, "
                        + "so the pod sees only its image there: " + paths;
        String hint = unmounted.size() == 1
                ? "name its source: volume " + paths + " claim NAME (or config-map, secret, host-path), or build "
                        + "the files into the image"
                : "name their sources: a volume \"PATH\" claim NAME (or config-map, secret, host-path) for each, or "
                        + "build the files into the image";
        report.approximation(KubernetesTarget.NAME, server, settings.span(), message, hint);
    }

    private void hide(String path) {
        Optional<Point> enclosing = enclosing(path);
        if (enclosing.isEmpty() || enclosing.get().hidden()) {
            return; // nothing of a volume is visible there
        }
        String name = "hidden-" + (hiddenCount + 1);
        volumes.put(name, new ManifestView.Volume(YamlEscape.string(name), "emptyDir", List.of(
                new ManifestView.Entry("medium", YamlEscape.string("Memory")),
                new ManifestView.Entry("sizeLimit", YamlEscape.string(HIDDEN_SIZE)))));
        add(new Point(path, name, "", true, true));
        approximation(path, "deny \"" + path + "\" inside the volume of \"" + enclosing.get().path()
                        + "\" is hidden by an empty in-memory directory mounted over it: Kubernetes cannot exclude part "
                        + "of a volume, so the pod sees an empty directory there (stricter); were it a file, the pod "
                        + "would fail to start",
                "deny a directory, or give the volume a layout without the denied part");
    }

    /** A mount inside a hidden deny: the emptyDir must be writable for the runtime to create the mount point. */
    private void mountBelowHidden(String path) {
        enclosing(path).filter(Point::hidden).ifPresent(hidden -> {
            if (hiddenWritable.putIfAbsent(hidden.volume(), path) == null) {
                approximation(hidden.path(), "the empty directory hiding \"" + hidden.path() + "\" is writable ("
                                + HIDDEN_SIZE + ", in memory, never the volume's files): the container runtime creates "
                                + "the mount point of \"" + path + "\" in it",
                        "move the re-opened grant out of the denied directory to keep the cover read-only");
            }
        });
    }

    private void reportSource(FsEntry entry, KubernetesVolume volume, boolean writable) {
        String path = entry.path();
        Span span = volume.span();
        if (writable && volume.kind().readOnlyOnly()) {
            report.approximation(KubernetesTarget.NAME, server, span, "\"" + path + "\" is granted "
                            + (entry.access().allows(FsMode.WRITE) ? "write" : "append") + " but mounted read-only: a "
                            + volume.kind().keyword() + " volume is always read-only (stricter)",
                    "use a claim for data the server writes, or grant read");
        }
        if (volume.kind() == VolumeKind.HOST_PATH) {
            report.approximation(KubernetesTarget.NAME, server, span, "\"" + path + "\" is the node's \""
                            + volume.source().value() + "\" (hostPath): the pod depends on the node it lands on, the "
                            + "node's files are exposed to it, and the Pod Security baseline and restricted profiles "
                            + "reject the pod",
                    "prefer a claim (a PersistentVolumeClaim); keep host-path for single-node clusters you control");
        }
    }

    /** An append-only grant mounted writable: a volume cannot be append-only (the nearest enforceable form). */
    private void reportAppend(FsEntry entry, boolean readOnly) {
        if (!readOnly && !entry.access().allows(FsMode.WRITE)) {
            approximation(entry.path(), "append \"" + entry.path() + "\" is mounted writable: a volume cannot be "
                            + "append-only, so the server may also read, truncate and replace it",
                    "send the log to stdout and let the cluster collect it, or accept the finding");
        }
    }

    /** The pod volume of a source; one per distinct source, so two paths of one claim share it. */
    private String volume(KubernetesVolume volume) {
        String type = switch (volume.kind()) {
            case CLAIM -> "persistentVolumeClaim";
            case CONFIG_MAP -> "configMap";
            case SECRET -> "secret";
            case HOST_PATH -> "hostPath";
        };
        String key = switch (volume.kind()) {
            case CLAIM -> "claimName";
            case CONFIG_MAP -> "name";
            case SECRET -> "secretName";
            case HOST_PATH -> "path";
        };
        ManifestView.Entry field = new ManifestView.Entry(key, YamlEscape.string(volume.source().value()));
        for (Map.Entry<String, ManifestView.Volume> existing : volumes.entrySet()) {
            if (existing.getValue().type().equals(type) && existing.getValue().fields().equals(List.of(field))) {
                return existing.getKey();
            }
        }
        String name = "volume-" + (volumes.values().stream().filter(v -> !v.type().equals("emptyDir")).count() + 1);
        volumes.put(name, new ManifestView.Volume(YamlEscape.string(name), type, List.of(field)));
        return name;
    }

    /** The mount that decides {@code path}: the longest mount point at or above it. */
    private Optional<Point> enclosing(String path) {
        Point found = longestAbove(path, lastAt);
        return Optional.ofNullable(found != null ? found : lastAt.get("/"));
    }

    /** The longest mount of a volume (not a hidden cover) above {@code path}. */
    private Optional<Point> enclosingSource(String path) {
        return Optional.ofNullable(longestAbove(path, lastSourceAt));
    }

    /** The point at the deepest proper ancestor of {@code path} (not {@code /}) that has one, the last added there; or null. */
    private static Point longestAbove(String path, Map<String, Point> at) {
        for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
            Point point = at.get(path.substring(0, slash));
            if (point != null) {
                return point;
            }
        }
        return null;
    }

    private void add(Point point) {
        points.add(point);
        lastAt.put(point.path(), point);
        if (point.hidden()) {
            hiddenCount++;
        } else {
            lastSourceAt.put(point.path(), point);
        }
    }

    private void approximation(String path, String message, String hint) {
        report.approximation(KubernetesTarget.NAME, server, spans.get(path), message, hint);
    }
}
