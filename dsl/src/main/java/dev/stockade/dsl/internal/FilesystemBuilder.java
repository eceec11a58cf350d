package dev.stockade.dsl.internal;

import dev.stockade.dsl.internal.antlr.StockadeParser.FilesystemBlockContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.FsGrantStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.FsStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.MaxFileSizeStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.UnknownFsStmtContext;
import dev.stockade.dsl.model.Filesystem;
import dev.stockade.dsl.model.FsMode;
import dev.stockade.dsl.model.FsStatement;
import dev.stockade.dsl.model.Keyword;
import dev.stockade.dsl.model.PathValue;
import dev.stockade.dsl.model.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code filesystem { ... }}. */
final class FilesystemBuilder extends BuilderBase {

    FilesystemBuilder(String file, Sink sink, boolean recovered) {
        super(file, sink, recovered);
    }

    Filesystem build(FilesystemBlockContext ctx) {
        List<FsStatement> statements = new ArrayList<>();
        Optional<Size> maxFileSize = Optional.empty();
        Once once = new Once("filesystem");
        requireSeparators(ctx.fsBody());
        for (FsStmtContext stmt : ctx.fsBody().fsStmt()) {
            if (broken(stmt)) {
                continue;
            }
            if (stmt instanceof UnknownFsStmtContext u) {
                unknown(u.unknownStmt(), "filesystem");
            }
            if (stmt instanceof FsGrantStmtContext grant) {
                FsMode mode = Keyword.parse(FsMode.class, grant.fsVerb().getText()).orElseThrow();
                List<PathValue> paths = grant.string().stream().map(this::path).toList();
                statements.add(new FsStatement(mode, paths, span(grant)));
            } else if (stmt instanceof MaxFileSizeStmtContext max) {
                maxFileSize = once.keep("max-file-size", max, maxFileSize, () -> size(max.size()));
            }
        }
        return new Filesystem(statements, maxFileSize, span(ctx));
    }
}
