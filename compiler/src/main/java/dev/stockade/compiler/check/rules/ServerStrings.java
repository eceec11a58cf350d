package dev.stockade.compiler.check.rules;

import dev.stockade.dsl.model.Label;
import dev.stockade.dsl.model.Mount;
import dev.stockade.dsl.model.PathValue;
import dev.stockade.dsl.model.Server;
import dev.stockade.dsl.model.Text;
import dev.stockade.dsl.model.Vault;
import dev.stockade.dsl.model.VaultField;
import dev.stockade.dsl.source.Span;
import java.util.ArrayList;
import java.util.List;

/** Every string a server holds, with where it stands, for checks that read all of them. */
final class ServerStrings {

    /** One string: what it is ("description"), its value, its span, and whether it is free text. */
    record Item(String what, String value, Span span, boolean freeText) {
    }

    private ServerStrings() {
    }

    static List<Item> of(Server server) {
        List<Item> items = new ArrayList<>();
        server.description().ifPresent(t -> items.add(text("description", t, true)));
        server.command().ifPresent(command -> {
            items.add(path("command", command.program()));
            command.args().forEach(arg -> items.add(text("command argument", arg, true)));
        });
        server.workdir().ifPresent(p -> items.add(path("workdir", p)));
        server.filesystem().ifPresent(fs -> fs.statements().forEach(stmt ->
                stmt.paths().forEach(p -> items.add(path(stmt.mode().keyword() + " path", p)))));
        server.secrets().ifPresent(secrets -> secrets.vaults().forEach(vault -> vault(vault, items)));
        server.audit().flatMap(a -> a.log()).ifPresent(p -> items.add(path("audit log", p)));
        server.kubernetes().ifPresent(k -> {
            k.image().ifPresent(t -> items.add(text("image", t, false)));
            for (Label label : k.labels()) {
                items.add(text("label", label.key(), false));
                items.add(text("label", label.value(), false));
            }
        });
        server.compose().ifPresent(c -> {
            c.image().ifPresent(t -> items.add(text("image", t, false)));
            c.build().ifPresent(t -> items.add(text("build directory", t, false)));
            for (Mount mount : c.mounts()) {
                items.add(path("mount", mount.host()));
                items.add(path("mount", mount.container()));
            }
        });
        server.macos().flatMap(m -> m.label()).ifPresent(t -> items.add(text("label", t, false)));
        server.accepts().forEach(a -> items.add(text("reason", a.reason(), true)));
        return items;
    }

    private static void vault(Vault vault, List<Item> items) {
        items.add(text("vault path", vault.path(), false));
        vault.role().ifPresent(t -> items.add(text("vault role", t, false)));
        for (VaultField field : vault.fields()) {
            items.add(text("vault field", field.field(), false));
        }
    }

    private static Item text(String what, Text text, boolean freeText) {
        return new Item(what, text.value(), text.span(), freeText);
    }

    private static Item path(String what, PathValue path) {
        return new Item(what, path.value(), path.span(), false);
    }
}
