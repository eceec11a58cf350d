package dev.stockade.compiler.target.mcp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.SecretNames;
import dev.stockade.compiler.target.ServerTarget;
import dev.stockade.compiler.target.TargetReport;
import dev.stockade.dsl.model.Command;
import dev.stockade.dsl.model.Limits;
import dev.stockade.dsl.model.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code mcp/<server>.json}: the server's entry for an MCP client's {@code mcpServers} object, once
 * per host kind. {@code linux} starts the bubblewrap launcher, {@code macos} starts the command
 * under {@code sandbox-exec} with the generated profile; both find the generated files under the
 * install prefix {@value #PREFIX}, which clients that expand environment references resolve at
 * start. Secrets appear as {@code ${NAME}} references only: no policy holds a value.
 */
public final class McpTarget implements ServerTarget {

    static final String NAME = "mcp";
    /** The install prefix: where the generated directory is copied; {@code STOCKADE_HOME} overrides the default. */
    public static final String PREFIX = "${STOCKADE_HOME:-/opt/stockade}";
    static final String SANDBOX_EXEC = "/usr/bin/sandbox-exec";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Artifact> compile(ServerContext server, TargetReport report) {
        if (server.server().command().isEmpty()) {
            return List.of();
        }
        Command command = server.server().command().get();
        List<String> words = Stream.concat(Stream.of(command.program().value()), command.args().stream().map(Text::value))
                .toList();
        if (words.stream().anyMatch(word -> word.contains("${"))) {
            report.skipped(NAME, server, command.span(), "a command word holds \"${\", which MCP clients replace by an"
                    + " environment variable and offer no way to escape", "avoid \"${\" in the command's arguments");
            return List.of();
        }
        ObjectNode root = McpJson.object();
        root.putObject("linux").putObject("mcpServers").set(server.name(),
                entry(PREFIX + "/bubblewrap/" + server.name() + ".sh", List.of(), server));
        List<String> macArgs = new ArrayList<>(List.of("-f", PREFIX + "/macos/" + server.name() + ".sb"));
        macArgs.addAll(words);
        root.putObject("macos").putObject("mcpServers").set(server.name(), entry(SANDBOX_EXEC, macArgs, server));
        return List.of(Artifact.file("mcp/" + server.name() + ".json", McpJson.write(root)));
    }

    private static ObjectNode entry(String program, List<String> args, ServerContext server) {
        ObjectNode entry = McpJson.object();
        entry.put("command", program);
        ArrayNode array = entry.putArray("args");
        args.forEach(array::add);
        List<String> secrets = SecretNames.of(server);
        if (!secrets.isEmpty()) {
            ObjectNode env = entry.putObject("env");
            secrets.forEach(name -> env.put(name, "${" + name + "}"));
        }
        server.server().limits().flatMap(Limits::timeout).ifPresent(t -> entry.put("timeout", t.millis()));
        server.server().limits().flatMap(Limits::retries).ifPresent(r -> entry.put("retries", r.value()));
        return entry;
    }
}
