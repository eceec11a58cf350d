package dev.stockade.dsl.internal;

import dev.stockade.dsl.diagnostic.Suggestions;
import dev.stockade.dsl.internal.antlr.StockadeParser;
import dev.stockade.dsl.internal.antlr.StockadeParser.AcceptStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.AuditBlockContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.CommandStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.ComposeBlockContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.DescriptionStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.FilesystemBlockContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.GroupStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.KubernetesBlockContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.LimitsBlockContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.MacosBlockContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.NetworkBlockContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.NetworkNoneStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.RuntimeStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.SecretsBlockContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.ServerStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.SystemdBlockContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.UnknownServerStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.UserStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.WorkdirStmtContext;
import dev.stockade.dsl.model.Accept;
import dev.stockade.dsl.model.Command;
import dev.stockade.dsl.model.Keyword;
import dev.stockade.dsl.model.Name;
import dev.stockade.dsl.model.PathValue;
import dev.stockade.dsl.model.Runtime;
import dev.stockade.dsl.model.RuntimeDecl;
import dev.stockade.dsl.model.Server;
import dev.stockade.dsl.model.Text;
import dev.stockade.dsl.source.Span;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.tree.TerminalNode;

/** {@code server NAME { ... }}: dispatches each statement and keeps the first of each once-only one. */
final class ServerBuilder extends BuilderBase {

    private static final List<String> RUNTIMES = Arrays.stream(Runtime.values()).map(Runtime::keyword).toList();

    private final FilesystemBuilder filesystem;
    private final NetworkBuilder network;
    private final SecretsBuilder secrets;
    private final SettingsBuilder settings;
    private final TargetSettingsBuilder targets;
    private final KubernetesBuilder kubernetes;

    ServerBuilder(String file, Sink sink, boolean recovered) {
        super(file, sink, recovered);
        filesystem = new FilesystemBuilder(file, sink, recovered);
        network = new NetworkBuilder(file, sink, recovered);
        secrets = new SecretsBuilder(file, sink, recovered);
        settings = new SettingsBuilder(file, sink, recovered);
        targets = new TargetSettingsBuilder(file, sink, recovered);
        kubernetes = new KubernetesBuilder(file, sink, recovered);
    }

    /** The server, or empty when its header is broken beyond use. */
    Optional<Server> build(StockadeParser.ServerDeclContext ctx) {
        if (ctx.name() == null || broken(ctx.name()) || ctx.serverBody() == null) {
            return Optional.empty();
        }
        Name name = name(ctx.name(), NameKind.SERVER);
        Parts parts = new Parts();
        Once once = new Once("server " + Quote.of(name.value()));
        requireSeparators(ctx.serverBody());
        for (ServerStmtContext stmt : ctx.serverBody().serverStmt()) {
            if (stmt instanceof UnknownServerStmtContext u) {
                unknown(u.unknownStmt(), "server");
                continue;
            }
            if (stmt instanceof AcceptStmtContext accept) {
                if (!broken(accept)) {
                    parts.accepts.add(new Accept(name(accept.name(), NameKind.RULE),
                            text(accept.string(), "reason"), span(accept)));
                }
                continue;
            }
            if (!broken(header(stmt))) {
                // A duplicate is still built, into parts that are dropped: what the parser finds
                // wrong inside it is reported now, not after the user has removed the other one.
                statement(stmt, once.first(keyword(stmt), stmt) ? parts : new Parts());
            }
        }
        Span span = span(ctx);
        if (parts.command.isEmpty() && !broken(ctx)) {
            sink.error("command-missing", span(ctx.name()), "server " + Quote.of(name.value()) + " has no command",
                    "add the program to run, e.g. command \"/usr/bin/node\" \"/opt/" + name.value() + "/server.js\"");
        }
        if (parts.user.isEmpty() && name.value().length() > 32) {
            sink.error("name-syntax", span(ctx.name()), "server name " + Quote.of(name.value())
                    + " is longer than 32 characters and cannot be the default user name",
                    "add user NAME with a name of at most 32 characters");
        }
        return Optional.of(new Server(name, parts.description, parts.command, parts.runtime, parts.user, parts.group,
                parts.workdir, parts.filesystem, parts.network, parts.secrets, parts.limits, parts.audit,
                parts.kubernetes, parts.compose, parts.systemd, parts.macos, parts.accepts, span));
    }

    /** The once-only key of a statement: {@code network none} and {@code network { }} share one. */
    private static String keyword(ServerStmtContext stmt) {
        return stmt.getStart().getText();
    }

    /** For a block statement only its header decides whether it is usable; its body is checked per statement. */
    private static org.antlr.v4.runtime.tree.ParseTree header(ServerStmtContext stmt) {
        if (stmt.getChildCount() > 0 && hasBody(stmt)) {
            return stmt.getChild(0);
        }
        return stmt;
    }

    private static boolean hasBody(ServerStmtContext stmt) {
        for (int i = 0; i < stmt.getChildCount(); i++) {
            // A '{' that error recovery skipped over (command {}) is an error node, not a block's body.
            if (stmt.getChild(i) instanceof TerminalNode t && !(t instanceof org.antlr.v4.runtime.tree.ErrorNode)
                    && t.getSymbol().getType() == StockadeParser.LBRACE) {
                return true;
            }
        }
        return false;
    }

    private void statement(ServerStmtContext stmt, Parts parts) {
        if (stmt instanceof DescriptionStmtContext s) {
            parts.description = Optional.of(text(s.string(), "description"));
        } else if (stmt instanceof CommandStmtContext s) {
            parts.command = Optional.of(command(s));
        } else if (stmt instanceof RuntimeStmtContext s) {
            parts.runtime = runtime(s);
        } else if (stmt instanceof UserStmtContext s) {
            parts.user = Optional.of(name(s.name(), NameKind.USER));
        } else if (stmt instanceof GroupStmtContext s) {
            parts.group = Optional.of(name(s.name(), NameKind.GROUP));
        } else if (stmt instanceof WorkdirStmtContext s) {
            parts.workdir = Optional.of(path(s.string()));
        } else if (stmt instanceof FilesystemBlockContext s) {
            parts.filesystem = Optional.of(filesystem.build(s));
        } else if (stmt instanceof NetworkNoneStmtContext s) {
            parts.network = Optional.of(new dev.stockade.dsl.model.NetworkNone(span(s)));
        } else if (stmt instanceof NetworkBlockContext s) {
            parts.network = Optional.of(network.build(s));
        } else if (stmt instanceof SecretsBlockContext s) {
            parts.secrets = Optional.of(secrets.build(s));
        } else if (stmt instanceof LimitsBlockContext s) {
            parts.limits = Optional.of(settings.limits(s));
        } else if (stmt instanceof AuditBlockContext s) {
            parts.audit = Optional.of(settings.audit(s));
        } else if (stmt instanceof KubernetesBlockContext s) {
            parts.kubernetes = Optional.of(kubernetes.kubernetes(s));
        } else if (stmt instanceof ComposeBlockContext s) {
            parts.compose = Optional.of(targets.compose(s));
        } else if (stmt instanceof SystemdBlockContext s) {
            parts.systemd = Optional.of(targets.systemd(s));
        } else if (stmt instanceof MacosBlockContext s) {
            parts.macos = Optional.of(targets.macos(s));
        }
    }

    private Command command(CommandStmtContext ctx) {
        List<StockadeParser.StringContext> words = ctx.string();
        Span programSpan = span(words.get(0));
        String program = Strings.decode(words.get(0).STRING().getText(), programSpan, sink);
        PathValue path;
        if (!program.startsWith("/") && Strings.firstControl(program) < 0) {
            sink.error("command-relative", programSpan, "command " + Quote.of(program) + " is not an absolute path",
                    "write the full path of the program, e.g. \"/usr/bin/" + program.replaceAll("^\\.?/*", "") + "\"");
            path = new PathValue(program, programSpan);
        } else {
            path = Paths.check(program, programSpan, sink);
        }
        List<Text> args = new ArrayList<>();
        for (StockadeParser.StringContext word : words.subList(1, words.size())) {
            args.add(text(word, "argument"));
        }
        return new Command(path, args, span(ctx));
    }

    private Optional<RuntimeDecl> runtime(RuntimeStmtContext ctx) {
        String word = ctx.name().getText();
        Optional<Runtime> runtime = Keyword.parse(Runtime.class, word);
        if (runtime.isEmpty()) {
            String suggestion = Suggestions.closest(word, RUNTIMES).map(s -> "did you mean " + Quote.of(s) + "? ").orElse("");
            sink.error("syntax", span(ctx.name()), "unknown runtime " + Quote.of(word),
                    suggestion + "the runtimes are " + String.join(", ", RUNTIMES));
        }
        return runtime.map(kind -> new RuntimeDecl(kind, span(ctx)));
    }

    /** The statements of one server as they are collected. */
    private static final class Parts {
        Optional<Text> description = Optional.empty();
        Optional<Command> command = Optional.empty();
        Optional<RuntimeDecl> runtime = Optional.empty();
        Optional<Name> user = Optional.empty();
        Optional<Name> group = Optional.empty();
        Optional<PathValue> workdir = Optional.empty();
        Optional<dev.stockade.dsl.model.Filesystem> filesystem = Optional.empty();
        Optional<dev.stockade.dsl.model.Network> network = Optional.empty();
        Optional<dev.stockade.dsl.model.Secrets> secrets = Optional.empty();
        Optional<dev.stockade.dsl.model.Limits> limits = Optional.empty();
        Optional<dev.stockade.dsl.model.Audit> audit = Optional.empty();
        Optional<dev.stockade.dsl.model.KubernetesSettings> kubernetes = Optional.empty();
        Optional<dev.stockade.dsl.model.ComposeSettings> compose = Optional.empty();
        Optional<dev.stockade.dsl.model.SystemdSettings> systemd = Optional.empty();
        Optional<dev.stockade.dsl.model.MacosSettings> macos = Optional.empty();
        final List<Accept> accepts = new ArrayList<>();
    }
}
