package dev.stockade.dsl.model;

/** The source of a {@code kubernetes} {@code volume}: a Kubernetes object by name, or a node path. */
public enum VolumeKind implements Keyword {
    /** A PersistentVolumeClaim. */
    CLAIM("claim"),
    /** A ConfigMap: always mounted read-only. */
    CONFIG_MAP("config-map"),
    /** A Secret: always mounted read-only. */
    SECRET("secret"),
    /** A directory or file of the node: {@code hostPath}. */
    HOST_PATH("host-path");

    private final String keyword;

    VolumeKind(String keyword) {
        this.keyword = keyword;
    }

    @Override
    public String keyword() {
        return keyword;
    }

    /** True for the sources Kubernetes only ever mounts read-only. */
    public boolean readOnlyOnly() {
        return this == CONFIG_MAP || this == SECRET;
    }

    /** True for a source named by a Kubernetes object name; false for {@code host-path}, which takes a path. */
    public boolean named() {
        return this != HOST_PATH;
    }
}
