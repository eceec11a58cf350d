package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;
import java.util.List;
import java.util.Optional;

/** {@code compose { image "REF" | build "DIR"; mount ... }}. */
public record ComposeSettings(Optional<Text> image, Optional<Text> build, List<Mount> mounts, Span span) {
    public ComposeSettings {
        mounts = List.copyOf(mounts);
    }
}
