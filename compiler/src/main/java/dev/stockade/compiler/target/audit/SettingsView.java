package dev.stockade.compiler.target.audit;

import java.util.List;

/**
 * {@code audit/<server>.yaml}; every string is a YAML scalar already
 * ({@link dev.stockade.compiler.target.escape.YamlEscape#string}) or {@code null}.
 *
 * @param rotateBytes the rotation size in bytes, or -1 without {@code rotate}
 */
public record SettingsView(List<String> header, String server, String user, String group, String key, String log,
        List<Event> events, long rotateBytes, long keep, String rulesFile, String logrotateFile, List<String> eventNames) {

    /** One declared event: who records it ({@code kernel} or {@code application}) and what it covers. */
    public record Event(String name, String source, String records) {
    }
}
