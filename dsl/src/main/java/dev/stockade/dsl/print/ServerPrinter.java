package dev.stockade.dsl.print;

import dev.stockade.dsl.model.Accept;
import dev.stockade.dsl.model.Command;
import dev.stockade.dsl.model.Server;
import dev.stockade.dsl.model.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** {@code server NAME { ... }} with its statements in canonical order. */
final class ServerPrinter {

    private ServerPrinter() {
    }

    static Lines print(Server server) {
        List<Lines> statements = new ArrayList<>();
        add(statements, server.description(), d -> Lines.of("description " + Tokens.string(d.value())));
        add(statements, server.command(), ServerPrinter::command);
        add(statements, server.runtime(), r -> Lines.of("runtime " + r.kind().keyword()));
        add(statements, server.user(), u -> Lines.of("user " + u.value()));
        add(statements, server.group(), g -> Lines.of("group " + g.value()));
        add(statements, server.workdir(), w -> Lines.of("workdir " + Tokens.string(w.value())));
        add(statements, server.filesystem(), BlockPrinter::filesystem);
        add(statements, server.network(), BlockPrinter::network);
        add(statements, server.secrets(), BlockPrinter::secrets);
        add(statements, server.limits(), BlockPrinter::limits);
        add(statements, server.audit(), BlockPrinter::audit);
        add(statements, server.kubernetes(), TargetPrinter::kubernetes);
        add(statements, server.compose(), TargetPrinter::compose);
        add(statements, server.systemd(), TargetPrinter::systemd);
        add(statements, server.macos(), TargetPrinter::macos);
        for (Accept accept : server.accepts()) {
            statements.add(Lines.of("accept " + accept.rule().value() + " because " + Tokens.string(accept.reason().value())));
        }
        return Lines.block("server " + server.name().value(), Lines.separated(statements));
    }

    private static <T> void add(List<Lines> statements, Optional<T> value, Function<T, Lines> print) {
        value.map(print).ifPresent(statements::add);
    }

    private static Lines command(Command command) {
        StringBuilder line = new StringBuilder("command ").append(Tokens.string(command.program().value()));
        for (Text arg : command.args()) {
            line.append(' ').append(Tokens.string(arg.value()));
        }
        return Lines.of(line.toString());
    }
}
