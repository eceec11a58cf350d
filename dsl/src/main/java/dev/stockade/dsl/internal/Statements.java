package dev.stockade.dsl.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The statement keywords each block accepts, for "unknown statement" messages and suggestions. */
final class Statements {

    static final Map<String, List<String>> BY_BLOCK = blocks();

    private Statements() {
    }

    private static Map<String, List<String>> blocks() {
        Map<String, List<String>> blocks = new LinkedHashMap<>();
        blocks.put("file", List.of("stockade", "server"));
        blocks.put("server", List.of("description", "command", "runtime", "user", "group", "workdir", "filesystem",
                "network", "secrets", "limits", "audit", "kubernetes", "compose", "systemd", "macos", "accept"));
        blocks.put("filesystem", List.of("read", "write", "append", "execute", "deny", "max-file-size"));
        blocks.put("network", List.of("allow", "deny", "dns", "loopback"));
        blocks.put("secrets", List.of("env", "vault"));
        blocks.put("limits", List.of("timeout", "retries", "memory", "cpu", "tasks", "open-files"));
        blocks.put("audit", List.of("log", "events", "rotate"));
        blocks.put("kubernetes", List.of("namespace", "image", "service-account", "labels", "run-as-user", "run-as-group",
                "volume"));
        blocks.put("compose", List.of("image", "build", "mount"));
        blocks.put("systemd", List.of("unit-name"));
        blocks.put("macos", List.of("label"));
        return Map.copyOf(blocks);
    }
}
