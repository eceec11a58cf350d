package dev.stockade.it.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stockade.compiler.target.Tool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives the servers through the official MCP TypeScript SDK client ({@code client.mjs}, stdio):
 * writes a plan (how to start each server, which tools to call), runs the client with a deadline
 * and reads back what every call returned.
 */
final class Mcp {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one tool call returned. */
    record Reply(boolean isError, String text) {
    }

    /** The tools each server listed, and each call's reply by id. */
    record Session(Map<String, List<String>> tools, Map<String, Reply> replies, String stderr) {
    }

    /** How to start one server: command, environment, working directory. */
    record Start(List<String> command, Map<String, String> env) {
    }

    private Mcp() {
    }

    static Session run(Path npm, Path scratch, Map<String, Start> servers, List<Attack> calls) {
        try {
            ObjectNode plan = JSON.createObjectNode();
            ObjectNode specs = plan.putObject("servers");
            servers.forEach((id, start) -> {
                ObjectNode spec = specs.putObject(id);
                spec.put("command", start.command().get(0));
                start.command().subList(1, start.command().size()).forEach(spec.withArray("args")::add);
                ObjectNode env = spec.putObject("env");
                start.env().forEach(env::put);
                spec.put("cwd", "/");
            });
            for (Attack call : calls) {
                ObjectNode node = plan.withArray("calls").addObject();
                node.put("id", call.id()).put("server", call.server()).put("tool", call.tool());
                ObjectNode args = node.putObject("args");
                call.args().forEach(args::put);
            }
            Path planFile = scratch.resolve("plan.json");
            Path resultsFile = scratch.resolve("results.json");
            Files.deleteIfExists(resultsFile);
            JSON.writeValue(planFile.toFile(), plan);
            Tool.Result run = Tool.run(List.of("timeout", "290", "node", npm.resolve("client.mjs").toString(),
                    planFile.toString(), resultsFile.toString()), npm, Map.of(), Duration.ofSeconds(300));
            if (!Files.exists(resultsFile)) {
                throw new AssertionError("the MCP client wrote no results (exit " + run.exit() + ")\n" + run.out()
                        + run.err());
            }
            JsonNode results = JSON.readTree(resultsFile.toFile());
            Files.delete(resultsFile);
            Files.delete(planFile);
            Map<String, List<String>> tools = new LinkedHashMap<>();
            results.path("tools").fields().forEachRemaining(e -> tools.put(e.getKey(),
                    JSON.convertValue(e.getValue(), JSON.getTypeFactory().constructCollectionType(List.class, String.class))));
            Map<String, Reply> replies = new LinkedHashMap<>();
            results.path("results").forEach(r -> replies.put(r.path("id").asText(),
                    new Reply(r.path("isError").asBoolean(), r.path("text").asText())));
            StringBuilder stderr = new StringBuilder(run.err());
            results.path("stderr").fields().forEachRemaining(e -> stderr.append("\n[").append(e.getKey())
                    .append("] ").append(e.getValue().asText()));
            return new Session(tools, replies, stderr.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
