package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;
import java.util.List;
import java.util.Optional;

/** {@code kubernetes { namespace; image; service-account; labels { ... } }}. */
public record KubernetesSettings(Optional<Name> namespace, Optional<Text> image, Optional<Name> serviceAccount, List<Label> labels, Span span) {
    public KubernetesSettings {
        labels = List.copyOf(labels);
    }
}
