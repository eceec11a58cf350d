package dev.stockade.compiler.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.stockade.dsl.ParseResult;
import dev.stockade.dsl.PolicyParser;
import dev.stockade.dsl.model.FsStatement;
import dev.stockade.dsl.model.NetworkRules;
import dev.stockade.dsl.model.PortRange;
import dev.stockade.dsl.model.Server;
import dev.stockade.dsl.model.Text;
import dev.stockade.dsl.source.SourceFile;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The same fleet as MCP client configuration, for the benchmark's baseline: one JSON file per
 * policy file, in the shape of the {@code mcp-server-config.json} that MCP clients read, with what
 * such files carry beside it (a filesystem-capabilities object, the limits, audit and per-target
 * settings). Built from the parsed policy, so it holds exactly the same information:
 *
 * <pre>
 * { "mcpServers": { "NAME": {
 *     "command": "/usr/bin/node", "args": ["..."], "env": { "NAME": "${NAME}" },
 *     "description": "...", "runtime": "node", "user": "...", "group": "...", "cwd": "...",
 *     "capabilities": {
 *       "filesystem": { "read": [P...], "write": [...], "append": [...], "execute": [...], "deny": [...],
 *                       "maxFileSize": "10MiB" },
 *       "network": { "allow": [ { "protocol": "tcp", "address": "192.0.2.0/24", "ports": ["443", "8000-8100"] } ],
 *                    "deny": [ADDRESS...], "dns": ADDRESS, "loopback": [PORTS...] } },
 *     "secrets": { "vault": [ { "path": "...", "role": "...", "ttl": "1h", "fields": { "ENV": "field" } } ] },
 *     "limits": { "timeout": "30s", "retries": 2, "memory": "512MiB", "cpu": 50, "tasks": 64, "openFiles": 1024 },
 *     "audit": { "log": "...", "events": [...], "rotate": "100MiB", "keep": 10 },
 *     "targets": { "kubernetes": { "namespace", "image", "serviceAccount", "labels": {} },
 *                  "compose": { "image" }, "systemd": { "unitName" }, "macos": { "label" } },
 *     "accept": [ { "rule": "...", "because": "..." } ] } } }
 * </pre>
 *
 * {@code env} names each variable the launcher passes through, with a {@code ${NAME}} reference
 * for its value (there are no secret values in either form).
 */
final class FleetJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FleetJson() {
    }

    /** Each policy file as the JSON file of the same servers, {@code fleet/fleet-0001.json}, .... */
    static List<SourceFile> of(List<SourceFile> policies) {
        List<SourceFile> out = new ArrayList<>();
        for (SourceFile policy : policies) {
            ParseResult parsed = PolicyParser.parse(List.of(policy));
            Map<String, Object> servers = new LinkedHashMap<>();
            parsed.policies().servers().forEach(server -> servers.put(server.name().value(), server(server)));
            try {
                String text = JSON.writeValueAsString(Map.of("mcpServers", servers));
                out.add(SourceFile.of(policy.path().replace(".stockade", ".json"), text));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private static Map<String, Object> server(Server s) {
        Map<String, Object> m = new LinkedHashMap<>();
        s.command().ifPresent(c -> {
            m.put("command", c.program().value());
            m.put("args", texts(c.args()));
        });
        Map<String, Object> env = new LinkedHashMap<>();
        s.secrets().ifPresent(secrets -> secrets.env().forEach(e -> e.names().forEach(n -> env.put(n.value(), "${" + n.value() + "}"))));
        m.put("env", env);
        s.description().ifPresent(d -> m.put("description", d.value()));
        s.runtime().ifPresent(r -> m.put("runtime", r.kind().keyword()));
        s.user().ifPresent(u -> m.put("user", u.value()));
        s.group().ifPresent(g -> m.put("group", g.value()));
        s.workdir().ifPresent(w -> m.put("cwd", w.value()));
        Map<String, Object> capabilities = new LinkedHashMap<>();
        s.filesystem().ifPresent(fs -> {
            Map<String, Object> f = new LinkedHashMap<>();
            for (FsStatement statement : fs.statements()) {
                @SuppressWarnings("unchecked")
                List<String> paths = (List<String>) f.computeIfAbsent(statement.mode().keyword(), k -> new ArrayList<String>());
                statement.paths().forEach(p -> paths.add(p.value()));
            }
            fs.maxFileSize().ifPresent(size -> f.put("maxFileSize", size.text()));
            capabilities.put("filesystem", f);
        });
        s.network().ifPresent(network -> capabilities.put("network", network instanceof NetworkRules rules ? network(rules) : Map.of()));
        m.put("capabilities", capabilities);
        s.secrets().ifPresent(secrets -> m.put("secrets", Map.of("vault", secrets.vaults().stream().map(v -> {
            Map<String, Object> vault = new LinkedHashMap<>();
            vault.put("path", v.path().value());
            v.role().ifPresent(r -> vault.put("role", r.value()));
            v.ttl().ifPresent(t -> vault.put("ttl", t.text()));
            vault.put("fields", v.fields().stream().collect(Collectors.toMap(f -> f.env().value(), f -> f.field().value(),
                    (a, b) -> b, LinkedHashMap::new)));
            return vault;
        }).toList())));
        s.limits().ifPresent(l -> {
            Map<String, Object> limits = new LinkedHashMap<>();
            l.timeout().ifPresent(t -> limits.put("timeout", t.text()));
            l.retries().ifPresent(r -> limits.put("retries", r.value()));
            l.memory().ifPresent(x -> limits.put("memory", x.text()));
            l.cpu().ifPresent(x -> limits.put("cpu", x.value()));
            l.tasks().ifPresent(x -> limits.put("tasks", x.value()));
            l.openFiles().ifPresent(x -> limits.put("openFiles", x.value()));
            m.put("limits", limits);
        });
        s.audit().ifPresent(a -> {
            Map<String, Object> audit = new LinkedHashMap<>();
            a.log().ifPresent(x -> audit.put("log", x.value()));
            a.events().ifPresent(x -> audit.put("events", x.events().stream().map(e -> e.event().keyword()).toList()));
            a.rotate().ifPresent(x -> {
                audit.put("rotate", x.size().text());
                audit.put("keep", x.keep().value());
            });
            m.put("audit", audit);
        });
        m.put("targets", targets(s));
        m.put("accept", s.accepts().stream().map(a -> Map.of("rule", a.rule().value(), "because", a.reason().value())).toList());
        return m;
    }

    private static Map<String, Object> network(NetworkRules rules) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("allow", rules.allows().stream().map(a -> Map.of("protocol", a.protocol().keyword(),
                "address", a.address().text(), "ports", a.ports().ranges().stream().map(PortRange::text).toList())).toList());
        n.put("deny", rules.denies().stream().map(d -> d.address().text()).toList());
        rules.dns().ifPresent(d -> n.put("dns", d.address().text()));
        rules.loopback().ifPresent(l -> n.put("loopback", l.ports().ranges().stream().map(PortRange::text).toList()));
        return n;
    }

    private static Map<String, Object> targets(Server s) {
        Map<String, Object> t = new LinkedHashMap<>();
        s.kubernetes().ifPresent(k -> {
            Map<String, Object> m = new LinkedHashMap<>();
            k.namespace().ifPresent(x -> m.put("namespace", x.value()));
            k.image().ifPresent(x -> m.put("image", x.value()));
            k.serviceAccount().ifPresent(x -> m.put("serviceAccount", x.value()));
            m.put("labels", k.labels().stream().collect(Collectors.toMap(l -> l.key().value(), l -> l.value().value(),
                    (a, b) -> b, LinkedHashMap::new)));
            t.put("kubernetes", m);
        });
        s.compose().ifPresent(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            c.image().ifPresent(x -> m.put("image", x.value()));
            c.build().ifPresent(x -> m.put("build", x.value()));
            m.put("mounts", c.mounts().stream().map(x -> Map.of("host", x.host().value(), "container", x.container().value())).toList());
            t.put("compose", m);
        });
        s.systemd().ifPresent(x -> t.put("systemd", x.unitName().map(u -> Map.of("unitName", u.value())).orElse(Map.of())));
        s.macos().ifPresent(x -> t.put("macos", x.label().map(l -> Map.of("label", l.value())).orElse(Map.of())));
        return t;
    }

    private static List<String> texts(List<Text> texts) {
        return texts.stream().map(Text::value).toList();
    }
}
