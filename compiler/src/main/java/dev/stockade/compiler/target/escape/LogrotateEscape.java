package dev.stockade.compiler.target.escape;

import java.util.Optional;

/**
 * File names in logrotate configuration: bare when nothing in them is special to logrotate's
 * parser, else inside double or single quotes (logrotate has no escape within quotes, so a name
 * holding both quote characters cannot be written). Paths reaching here hold no glob characters
 * ({@code path-syntax} rejects {@code *?[]{}}), which logrotate would expand.
 */
public final class LogrotateEscape {

    private LogrotateEscape() {
    }

    public static Optional<String> path(String path) {
        if (path.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.empty();
        }
        boolean plain = path.codePoints().noneMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                || "\"'\\#{}".indexOf(cp) >= 0);
        if (plain) {
            return Optional.of(path);
        }
        if (path.indexOf('"') < 0) {
            return Optional.of('"' + path + '"');
        }
        if (path.indexOf('\'') < 0) {
            return Optional.of('\'' + path + '\'');
        }
        return Optional.empty();
    }
}
