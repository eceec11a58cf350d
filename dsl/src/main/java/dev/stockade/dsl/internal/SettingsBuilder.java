package dev.stockade.dsl.internal;

import dev.stockade.dsl.diagnostic.Suggestions;
import dev.stockade.dsl.internal.antlr.StockadeParser;
import dev.stockade.dsl.internal.antlr.StockadeParser.AuditBlockContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.AuditStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.CpuStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.EventsStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.LimitsBlockContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.LimitsStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.LogStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.MemoryStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.OpenFilesStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.RetriesStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.RotateStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.TasksStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.TimeoutStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.UnknownAuditStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.UnknownLimitsStmtContext;
import dev.stockade.dsl.model.Audit;
import dev.stockade.dsl.model.AuditEvent;
import dev.stockade.dsl.model.AuditEventRef;
import dev.stockade.dsl.model.AuditEvents;
import dev.stockade.dsl.model.Count;
import dev.stockade.dsl.model.DurationValue;
import dev.stockade.dsl.model.Keyword;
import dev.stockade.dsl.model.Limits;
import dev.stockade.dsl.model.PathValue;
import dev.stockade.dsl.model.Percent;
import dev.stockade.dsl.model.Rotate;
import dev.stockade.dsl.model.Size;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@code limits { ... }} and {@code audit { ... }}. */
final class SettingsBuilder extends BuilderBase {

    private static final List<String> EVENTS = Arrays.stream(AuditEvent.values()).map(AuditEvent::keyword).toList();

    SettingsBuilder(String file, Sink sink, boolean recovered) {
        super(file, sink, recovered);
    }

    Limits limits(LimitsBlockContext ctx) {
        Optional<DurationValue> timeout = Optional.empty();
        Optional<Count> retries = Optional.empty();
        Optional<Size> memory = Optional.empty();
        Optional<Percent> cpu = Optional.empty();
        Optional<Count> tasks = Optional.empty();
        Optional<Count> openFiles = Optional.empty();
        Once once = new Once("limits");
        requireSeparators(ctx.limitsBody());
        for (LimitsStmtContext stmt : ctx.limitsBody().limitsStmt()) {
            if (stmt instanceof UnknownLimitsStmtContext u) {
                unknown(u.unknownStmt(), "limits");
                continue;
            }
            if (broken(stmt)) {
                continue;
            }
            String keyword = stmt.getStart().getText();
            if (stmt instanceof TimeoutStmtContext s) {
                timeout = once.keep(keyword, s, timeout, () -> duration(s.duration()));
            } else if (stmt instanceof RetriesStmtContext s) {
                retries = once.keep(keyword, s, retries, () -> count(s.count()));
            } else if (stmt instanceof MemoryStmtContext s) {
                memory = once.keep(keyword, s, memory, () -> size(s.size()));
            } else if (stmt instanceof CpuStmtContext s) {
                cpu = once.keep(keyword, s, cpu, () -> percent(s.percent()));
            } else if (stmt instanceof TasksStmtContext s) {
                tasks = once.keep(keyword, s, tasks, () -> count(s.count()));
            } else if (stmt instanceof OpenFilesStmtContext s) {
                openFiles = once.keep(keyword, s, openFiles, () -> count(s.count()));
            }
        }
        return new Limits(timeout, retries, memory, cpu, tasks, openFiles, span(ctx));
    }

    Audit audit(AuditBlockContext ctx) {
        Optional<PathValue> log = Optional.empty();
        Optional<AuditEvents> events = Optional.empty();
        Optional<Rotate> rotate = Optional.empty();
        Once once = new Once("audit");
        requireSeparators(ctx.auditBody());
        for (AuditStmtContext stmt : ctx.auditBody().auditStmt()) {
            if (stmt instanceof UnknownAuditStmtContext u) {
                unknown(u.unknownStmt(), "audit");
                continue;
            }
            if (broken(stmt)) {
                continue;
            }
            String keyword = stmt.getStart().getText();
            if (stmt instanceof LogStmtContext s) {
                log = once.keep(keyword, s, log, () -> Optional.of(path(s.string())));
            } else if (stmt instanceof EventsStmtContext s) {
                events = once.keep(keyword, s, events, () -> Optional.of(new AuditEvents(events(s.name()), span(s))));
            } else if (stmt instanceof RotateStmtContext s) {
                rotate = once.keep(keyword, s, rotate, () -> rotate(s));
            }
        }
        return new Audit(log, events, rotate, span(ctx));
    }

    private Optional<Rotate> rotate(RotateStmtContext s) {
        Optional<Size> size = size(s.size());
        Optional<Count> keep = count(s.count());
        return size.isPresent() && keep.isPresent() ? Optional.of(new Rotate(size.get(), keep.get(), span(s))) : Optional.empty();
    }

    private List<AuditEventRef> events(List<StockadeParser.NameContext> names) {
        List<AuditEventRef> events = new ArrayList<>();
        for (StockadeParser.NameContext name : names) {
            String word = name.getText();
            Optional<AuditEvent> event = Keyword.parse(AuditEvent.class, word);
            if (event.isPresent()) {
                events.add(new AuditEventRef(event.get(), span(name)));
                continue;
            }
            String suggestion = Suggestions.closest(word, EVENTS).map(s -> "did you mean " + Quote.of(s) + "? ").orElse("");
            sink.error("syntax", span(name), "unknown audit event " + Quote.of(word),
                    suggestion + "the events are " + String.join(", ", EVENTS));
        }
        return events;
    }
}
