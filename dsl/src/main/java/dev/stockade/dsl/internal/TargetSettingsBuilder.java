package dev.stockade.dsl.internal;

import dev.stockade.dsl.internal.antlr.StockadeParser.BuildStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.ComposeBlockContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.ComposeImageStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.ComposeStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.MacosBlockContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.MacosStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.MountStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.SystemdBlockContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.SystemdStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.UnknownComposeStmtContext;
import dev.stockade.dsl.model.ComposeSettings;
import dev.stockade.dsl.model.MacosSettings;
import dev.stockade.dsl.model.Name;
import dev.stockade.dsl.model.Mount;
import dev.stockade.dsl.model.SystemdSettings;
import dev.stockade.dsl.model.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The per-target blocks ({@code kubernetes} is {@link KubernetesBuilder}): {@code compose}, {@code systemd}, {@code macos}. */
final class TargetSettingsBuilder extends BuilderBase {

    TargetSettingsBuilder(String file, Sink sink, boolean recovered) {
        super(file, sink, recovered);
    }

    ComposeSettings compose(ComposeBlockContext ctx) {
        Optional<Text> image = Optional.empty();
        Optional<Text> build = Optional.empty();
        List<Mount> mounts = new ArrayList<>();
        Once once = new Once("compose");
        requireSeparators(ctx.composeBody());
        for (ComposeStmtContext stmt : ctx.composeBody().composeStmt()) {
            if (broken(stmt)) {
                continue;
            }
            if (stmt instanceof UnknownComposeStmtContext u) {
                unknown(u.unknownStmt(), "compose");
            }
            if (stmt instanceof MountStmtContext s) {
                mounts.add(new Mount(path(s.string(0)), path(s.string(1)), span(s)));
            } else if (stmt instanceof ComposeImageStmtContext s) {
                boolean use = once.first("image", s) && exclusive(once, "build", s);
                Optional<Text> built = Optional.of(text(s.string(), "image"));
                image = use ? built : image;
            } else if (stmt instanceof BuildStmtContext s) {
                boolean use = once.first("build", s) && exclusive(once, "image", s);
                Optional<Text> built = Optional.of(text(s.string(), "build directory"));
                build = use ? built : build;
            }
        }
        return new ComposeSettings(image, build, mounts, span(ctx));
    }

    /** {@code image} and {@code build} exclude each other: the second one is a duplicate. */
    private boolean exclusive(Once once, String other, ComposeStmtContext stmt) {
        if (!once.seen(other)) {
            return true;
        }
        sink.error("duplicate-statement", span(stmt), "compose has both image and build",
                "keep one: image \"REF\" runs a published image, build \"DIR\" builds one");
        return false;
    }

    SystemdSettings systemd(SystemdBlockContext ctx) {
        Optional<Name> unitName = Optional.empty();
        Once once = new Once("systemd");
        requireSeparators(ctx.systemdBody());
        for (SystemdStmtContext stmt : ctx.systemdBody().systemdStmt()) {
            if (stmt.unknownStmt() != null) {
                unknown(stmt.unknownStmt(), "systemd");
            } else if (!broken(stmt)) {
                unitName = once.keep("unit-name", stmt, unitName, () -> Optional.of(name(stmt.name(), NameKind.UNIT)));
            }
        }
        return new SystemdSettings(unitName, span(ctx));
    }

    MacosSettings macos(MacosBlockContext ctx) {
        Optional<Text> label = Optional.empty();
        Once once = new Once("macos");
        requireSeparators(ctx.macosBody());
        for (MacosStmtContext stmt : ctx.macosBody().macosStmt()) {
            if (stmt.unknownStmt() != null) {
                unknown(stmt.unknownStmt(), "macos");
            } else if (!broken(stmt)) {
                label = once.keep("label", stmt, label, () -> Optional.of(text(stmt.string(), "label")));
            }
        }
        return new MacosSettings(label, span(ctx));
    }
}
