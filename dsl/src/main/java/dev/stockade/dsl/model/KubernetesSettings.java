package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;
import java.util.List;
import java.util.Optional;

/**
 * {@code kubernetes { namespace; image; service-account; labels { ... }; run-as-user; run-as-group;
 * volume ... }}. {@code runAsUser} and {@code runAsGroup} are the numeric ids as written (0 is kept:
 * the {@code user-root} check reports it); {@code volumes} are in the order written, one per path.
 */
public record KubernetesSettings(
        Optional<Name> namespace,
        Optional<Text> image,
        Optional<Name> serviceAccount,
        List<Label> labels,
        Optional<Count> runAsUser,
        Optional<Count> runAsGroup,
        List<KubernetesVolume> volumes,
        Span span) {

    public KubernetesSettings {
        labels = List.copyOf(labels);
        volumes = List.copyOf(volumes);
    }
}
