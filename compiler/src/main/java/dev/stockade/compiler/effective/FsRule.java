package dev.stockade.compiler.effective;

import dev.stockade.dsl.model.FsMode;

/** One span-free filesystem statement for one path: {@code read "/a"}, {@code deny "/a/b"}. */
public record FsRule(FsMode mode, String path) {

    public FsRule {
        path = PathTrie.normalize(path);
    }

    public static FsRule of(FsMode mode, String path) {
        return new FsRule(mode, path);
    }

    public boolean isDeny() {
        return mode == FsMode.DENY;
    }
}
