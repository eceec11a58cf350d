package dev.stockade.dsl.internal;

import dev.stockade.dsl.diagnostic.Suggestions;
import dev.stockade.dsl.internal.antlr.StockadeParser.KubernetesBlockContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.KubernetesImageStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.KubernetesStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.LabelEntryContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.LabelsBlockContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.NamespaceStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.RunAsGroupStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.RunAsUserStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.ServiceAccountStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.UnknownKubernetesStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.VolumeStmtContext;
import dev.stockade.dsl.model.Count;
import dev.stockade.dsl.model.Keyword;
import dev.stockade.dsl.model.KubernetesSettings;
import dev.stockade.dsl.model.KubernetesVolume;
import dev.stockade.dsl.model.Label;
import dev.stockade.dsl.model.Name;
import dev.stockade.dsl.model.PathValue;
import dev.stockade.dsl.model.Text;
import dev.stockade.dsl.model.VolumeKind;
import dev.stockade.dsl.source.Span;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code kubernetes} block. */
final class KubernetesBuilder extends BuilderBase {

    /** The largest uid or gid Kubernetes accepts (an int32). */
    static final long MAX_ID = 2_147_483_647L;
    private static final String SOURCES = "claim NAME, config-map NAME, secret NAME or host-path \"HOST-PATH\"";

    KubernetesBuilder(String file, Sink sink, boolean recovered) {
        super(file, sink, recovered);
    }

    KubernetesSettings kubernetes(KubernetesBlockContext ctx) {
        Optional<Name> namespace = Optional.empty();
        Optional<Text> image = Optional.empty();
        Optional<Name> serviceAccount = Optional.empty();
        Optional<Count> runAsUser = Optional.empty();
        Optional<Count> runAsGroup = Optional.empty();
        List<Label> labels = new ArrayList<>();
        List<KubernetesVolume> volumes = new ArrayList<>();
        Map<String, Span> volumePaths = new HashMap<>();
        Once once = new Once("kubernetes");
        requireSeparators(ctx.kubernetesBody());
        for (KubernetesStmtContext stmt : ctx.kubernetesBody().kubernetesStmt()) {
            if (stmt instanceof UnknownKubernetesStmtContext u) {
                unknown(u.unknownStmt(), "kubernetes");
                continue;
            }
            if (stmt instanceof LabelsBlockContext block) {
                if (block.LBRACE() != null && !broken(block.LBRACE())) {
                    labels.addAll(once.keep("labels", block, List.of(), () -> labels(block)));
                }
                continue;
            }
            if (stmt instanceof VolumeStmtContext s) {
                if (!broken(s)) {
                    volume(s, volumePaths).ifPresent(volumes::add);
                }
                continue;
            }
            if (broken(stmt)) {
                continue;
            }
            String keyword = stmt.getStart().getText();
            if (stmt instanceof NamespaceStmtContext s) {
                namespace = once.keep(keyword, s, namespace, () -> Optional.of(name(s.name(), NameKind.KUBERNETES)));
            } else if (stmt instanceof KubernetesImageStmtContext s) {
                image = once.keep(keyword, s, image, () -> Optional.of(text(s.string(), "image")));
            } else if (stmt instanceof ServiceAccountStmtContext s) {
                serviceAccount = once.keep(keyword, s, serviceAccount, () -> Optional.of(name(s.name(), NameKind.KUBERNETES)));
            } else if (stmt instanceof RunAsUserStmtContext s) {
                runAsUser = once.keep(keyword, s, runAsUser, () -> id(count(s.count()), "run-as-user", "uid"));
            } else if (stmt instanceof RunAsGroupStmtContext s) {
                runAsGroup = once.keep(keyword, s, runAsGroup, () -> id(count(s.count()), "run-as-group", "gid"));
            }
        }
        return new KubernetesSettings(namespace, image, serviceAccount, labels, runAsUser, runAsGroup, volumes, span(ctx));
    }

    /** A uid or gid: 0 is kept for the {@code user-root} check, above an int32 is a {@code syntax} error. */
    private Optional<Count> id(Optional<Count> count, String keyword, String what) {
        if (count.isPresent() && count.get().value() > MAX_ID) {
            sink.error("syntax", count.get().span(), keyword + " " + count.get().value() + " is out of range",
                    "write a " + what + " from 1 to " + MAX_ID + ", e.g. " + keyword + " 65532");
            return Optional.empty();
        }
        return count;
    }

    private Optional<KubernetesVolume> volume(VolumeStmtContext s, Map<String, Span> seen) {
        PathValue path = path(s.string(0));
        String word = s.name(0).getText();
        Optional<VolumeKind> kind = Keyword.parse(VolumeKind.class, word);
        if (kind.isEmpty()) {
            String suggestion = Suggestions.closest(word, Arrays.stream(VolumeKind.values()).map(VolumeKind::keyword).toList())
                    .map(k -> "did you mean " + Quote.of(k) + "? ").orElse("");
            sink.error("syntax", span(s.name(0)), "unknown volume source " + Quote.of(word), suggestion + "write " + SOURCES);
            return Optional.empty();
        }
        Text source;
        if (kind.get().named()) {
            if (s.name().size() < 2) {
                sink.error("syntax", span(s.string(1)), kind.get().keyword() + " takes a name, not a string",
                        "write the name bare: " + kind.get().keyword() + " NAME");
                return Optional.empty();
            }
            Name name = name(s.name(1), NameKind.KUBERNETES);
            source = new Text(name.value(), name.span());
        } else {
            if (s.string().size() < 2) {
                sink.error("syntax", span(s.name(1)), "host-path takes a quoted absolute path",
                        "write host-path \"/srv/data\"");
                return Optional.empty();
            }
            PathValue host = path(s.string(1));
            source = new Text(host.value(), host.span());
        }
        Span span = span(s);
        Span earlier = seen.putIfAbsent(path.value(), span);
        if (earlier != null) {
            sink.error("duplicate-statement", span, "duplicate volume for " + Quote.of(path.value()) + " in kubernetes",
                    "remove one; a path has one source, and it was already given at line " + earlier.line());
            return Optional.empty();
        }
        return Optional.of(new KubernetesVolume(path, kind.get(), source, span));
    }

    private List<Label> labels(LabelsBlockContext block) {
        List<Label> labels = new ArrayList<>();
        requireSeparators(block.labelsBody());
        for (LabelEntryContext entry : block.labelsBody().labelEntry()) {
            if (broken(entry)) {
                continue;
            }
            boolean quotedKey = entry.name() == null;
            Text key = quotedKey ? text(entry.string(0), "label key")
                    : asText(name(entry.name(), NameKind.LABEL));
            Text value = text(entry.string(quotedKey ? 1 : 0), "label value");
            labels.add(new Label(key, value, span(entry)));
        }
        return labels;
    }

    private static Text asText(dev.stockade.dsl.model.Name name) {
        return new Text(name.value(), name.span());
    }
}
