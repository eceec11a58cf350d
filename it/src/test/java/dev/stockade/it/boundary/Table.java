package dev.stockade.it.boundary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The results table (Markdown): per call, what was expected, what happened in and out of the sandbox. */
final class Table {

    private Table() {
    }

    /** The table; the temporary root is written {@code ROOT}, so runs compare line by line. */
    static String render(List<Attack> suite, Mcp.Session inside, Mcp.Session outside, List<String> notes,
            String root) {
        StringBuilder out = new StringBuilder();
        out.append("| # | call | expected in the sandbox | observed in the sandbox | layer that stopped it | without the sandbox |\n");
        out.append("|---|---|---|---|---|---|\n");
        int n = 1;
        for (Attack attack : suite) {
            Mcp.Reply in = scrub(reply(inside, attack), root);
            Mcp.Reply out2 = scrub(reply(outside, attack), root);
            out.append("| ").append(n++).append(" | ").append(attack.what()).append(" (`").append(attack.server())
                    .append(' ').append(attack.tool()).append("`) | ")
                    .append(attack.legitimate() ? "succeeds" : "denied: " + attack.expected().text).append(" | ")
                    .append(attack.observed(in)).append(" | ")
                    .append(attack.legitimate() ? "—" : attack.layer(in).text).append(" | ")
                    .append(attack.observed(out2))
                    .append(" |\n");
        }
        String table = out.toString().replace(root, "ROOT");
        out.setLength(0);
        out.append(table).append('\n');
        notes.forEach(note -> out.append("- ").append(note).append('\n'));
        return out.toString();
    }

    private static Mcp.Reply scrub(Mcp.Reply reply, String root) {
        return new Mcp.Reply(reply.isError(), reply.text().replace(root, "ROOT"));
    }

    static Mcp.Reply reply(Mcp.Session session, Attack attack) {
        Mcp.Reply reply = session.replies().get(attack.id());
        return reply != null ? reply : new Mcp.Reply(true, "NO REPLY");
    }

    static void write(Path file, String table) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "# Boundary suite: latest results\n\n" + table, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
