package dev.stockade.compiler.target.audit;

import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.Header;
import dev.stockade.compiler.target.ServerTarget;
import dev.stockade.compiler.target.TargetReport;
import dev.stockade.compiler.target.Templates;
import dev.stockade.compiler.target.escape.LogrotateEscape;
import dev.stockade.compiler.target.escape.ShellEscape;
import dev.stockade.compiler.target.escape.YamlEscape;
import dev.stockade.dsl.model.Audit;
import dev.stockade.dsl.model.AuditEvent;
import dev.stockade.dsl.model.AuditEventRef;
import dev.stockade.dsl.model.AuditEvents;
import dev.stockade.dsl.model.FsMode;
import dev.stockade.dsl.model.PathValue;
import dev.stockade.dsl.model.Rotate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code audit/<server>.rules} (auditctl), {@code audit/<server>.yaml} (the audit settings: events,
 * who records each, the log and its JSON line shape) and {@code audit/<server>.logrotate}.
 */
public final class AuditTarget implements ServerTarget {

    static final String NAME = "audit";
    private static final long KIB = 1024;

    @Override
    public String name() {
        return NAME;
    }

    static String key(ServerContext server) {
        return "stockade-" + server.name();
    }

    @Override
    public List<Artifact> compile(ServerContext server, TargetReport report) {
        Optional<Audit> audit = server.server().audit();
        if (audit.isEmpty()) {
            report.skipped(NAME, server, server.server().name().span(), "server \"" + server.name()
                    + "\" has no audit block; no audit rules, settings or rotation are generated", "add an audit block");
            return List.of();
        }
        Set<AuditEvent> events = EnumSet.noneOf(AuditEvent.class);
        audit.get().events().map(AuditEvents::events).orElse(List.of()).stream().map(AuditEventRef::event).forEach(events::add);
        String base = "audit/" + server.name();
        List<Artifact> out = new ArrayList<>();
        out.add(Artifact.file(base + ".rules", Templates.render("audit/rules.ftl", AuditRules.of(server, events))));
        Optional<LogrotateView> rotation = logrotate(server, audit.get(), report);
        out.add(Artifact.file(base + ".yaml", Templates.render("audit/settings.yaml.ftl",
                settings(server, audit.get(), events, rotation.isPresent()))));
        rotation.ifPresent(view -> out.add(Artifact.file(base + ".logrotate", Templates.render("audit/logrotate.ftl", view))));
        return out;
    }

    private static SettingsView settings(ServerContext server, Audit audit, Set<AuditEvent> events, boolean rotated) {
        List<SettingsView.Event> views = new ArrayList<>();
        for (AuditEvent event : events) {
            views.add(switch (event) {
                case FILE_ACCESS -> event(event, "kernel", AuditRules.FILE_ACCESS_RECORDS + " by the server's user, on any path");
                case NETWORK_REQUEST -> event(event, "kernel", "every connect() call");
                case COMMAND_EXECUTION -> event(event, "kernel", "every execve() and execveat() call");
                case AUTH_FAILURE -> event(event, "application", "the server appends one JSON line per failed"
                        + " authentication to the log, in the shape of event-schema");
            });
        }
        Optional<Rotate> rotate = audit.rotate();
        String base = "audit/" + server.name();
        return new SettingsView(Header.of(server), y(server.name()), y(server.effective().identity().user()),
                y(server.effective().identity().group()), y(key(server)),
                audit.log().map(PathValue::value).map(YamlEscape::string).orElse("null"), views,
                rotate.map(r -> r.size().bytes()).orElse(-1L), rotate.map(r -> r.keep().value()).orElse(-1L),
                y(base + ".rules"), rotated ? y(base + ".logrotate") : "null",
                events.stream().map(AuditEvent::keyword).map(YamlEscape::string).toList());
    }

    private static SettingsView.Event event(AuditEvent event, String source, String records) {
        return new SettingsView.Event(y(event.keyword()), y(source), y(records));
    }

    private static String y(String value) {
        return YamlEscape.string(value);
    }

    private static Optional<LogrotateView> logrotate(ServerContext server, Audit audit, TargetReport report) {
        if (audit.rotate().isEmpty() || audit.log().isEmpty()) {
            String missing = audit.log().isEmpty() ? "log" : "rotate";
            report.skipped(NAME, server, audit.span(), "the audit block of \"" + server.name() + "\" has no " + missing
                    + "; audit/" + server.name() + ".logrotate is not generated", "add log and rotate SIZE keep N");
            return Optional.empty();
        }
        Rotate rotate = audit.rotate().get();
        PathValue log = audit.log().get();
        Optional<String> path = LogrotateEscape.path(log.value());
        if (path.isEmpty()) {
            report.skipped(NAME, server, log.span(), "logrotate cannot name \"" + log.value()
                    + "\" (it holds both quote characters); audit/" + server.name() + ".logrotate is not generated",
                    "choose a log path without quotes");
            return Optional.empty();
        }
        boolean appendOnly = server.effective().modeOf(log.value()).has(FsMode.APPEND)
                && !server.effective().modeOf(log.value()).allows(FsMode.WRITE);
        return Optional.of(new LogrotateView(Header.of(server), path.get(), size(rotate.size().bytes()),
                rotate.keep().value(), appendOnly ? ShellEscape.word(log.value()) : null));
    }

    /** logrotate's units are powers of 1024: the largest exact one. */
    static String size(long bytes) {
        if (bytes % (KIB * KIB) == 0) {
            return bytes / (KIB * KIB) + "M";
        }
        return bytes % KIB == 0 ? bytes / KIB + "k" : Long.toString(bytes);
    }
}
