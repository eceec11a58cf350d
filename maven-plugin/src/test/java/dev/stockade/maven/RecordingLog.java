package dev.stockade.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;

/** Keeps what was logged, prefixed by its level. */
final class RecordingLog extends SystemStreamLog {
    final List<String> lines = new ArrayList<>();

    @Override
    public void info(CharSequence content) {
        lines.add("info: " + content);
    }

    @Override
    public void warn(CharSequence content) {
        lines.add("warn: " + content);
    }

    @Override
    public void error(CharSequence content) {
        lines.add("error: " + content);
    }
}
