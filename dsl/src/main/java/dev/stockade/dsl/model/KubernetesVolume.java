package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;

/**
 * {@code volume "PATH" claim NAME | config-map NAME | secret NAME | host-path "HOST-PATH"}: where the
 * filesystem grant {@code path} comes from in a pod. {@code source} is the object's name, or for
 * {@code host-path} the node's path (normalized like every path).
 */
public record KubernetesVolume(PathValue path, VolumeKind kind, Text source, Span span) {
}
