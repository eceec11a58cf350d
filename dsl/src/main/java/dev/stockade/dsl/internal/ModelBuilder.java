package dev.stockade.dsl.internal;

import dev.stockade.dsl.internal.antlr.StockadeParser;
import dev.stockade.dsl.internal.antlr.StockadeParser.PolicyFileContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.TopItemContext;
import dev.stockade.dsl.model.PolicyFile;
import dev.stockade.dsl.model.Server;
import dev.stockade.dsl.model.VersionDecl;
import dev.stockade.dsl.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns the parse tree of one file into model records: the only place that reads parse contexts. */
final class ModelBuilder extends BuilderBase {

    static final int LANGUAGE_VERSION = 1;

    private final ServerBuilder servers;

    /** {@code recovered}: whether error recovery built parts of the tree (see {@link BuilderBase#broken}). */
    ModelBuilder(String file, Sink sink, boolean recovered) {
        super(file, sink, recovered);
        servers = new ServerBuilder(file, sink, recovered);
    }

    PolicyFile build(PolicyFileContext ctx) {
        Optional<VersionDecl> version = Optional.empty();
        List<Server> built = new ArrayList<>();
        boolean serverSeen = false;
        requireSeparators(ctx);
        for (TopItemContext item : ctx.topItem()) {
            if (item.unknownStmt() != null) {
                unknown(item.unknownStmt(), "file");
            } else if (item.versionDecl() != null) {
                Optional<VersionDecl> decl = version(item.versionDecl(), serverSeen, version.isPresent());
                if (version.isEmpty()) {
                    version = decl;
                }
            } else if (item.serverDecl() != null) {
                serverSeen = true;
                servers.build(item.serverDecl()).ifPresent(built::add);
            }
        }
        return new PolicyFile(file, version, built, fileSpan(ctx));
    }

    private Optional<VersionDecl> version(StockadeParser.VersionDeclContext ctx, boolean afterServer, boolean again) {
        if (broken(ctx)) {
            return Optional.empty();
        }
        Span span = span(ctx);
        if (afterServer || again) {
            sink.error("syntax", span, again ? "the language version is given twice" : "the language version comes after a server block",
                    "write stockade " + LANGUAGE_VERSION + " once, before the first server block");
            return Optional.empty();
        }
        String text = ctx.version().getText();
        boolean digits = text.length() <= 9 && text.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!digits) {
            sink.error("syntax", span(ctx.version()), "bad language version " + Quote.of(text),
                    "write stockade " + LANGUAGE_VERSION);
            return Optional.empty();
        }
        int number = Integer.parseInt(text);
        if (number != LANGUAGE_VERSION) {
            sink.error("version", span(ctx.version()), "language version " + number + " is not supported",
                    "this release reads version " + LANGUAGE_VERSION + "; write stockade " + LANGUAGE_VERSION);
        }
        return Optional.of(new VersionDecl(number, span));
    }

    private Span fileSpan(PolicyFileContext ctx) {
        Span end = span(ctx.getStop() == null ? ctx.getStart() : ctx.getStop());
        return new Span(file, 1, 1, end.endLine(), end.endColumn());
    }
}
