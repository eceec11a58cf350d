package dev.stockade.dsl.model;

import java.util.List;

/** Every policy file compiled together. */
public record PolicySet(List<PolicyFile> files) {
    public PolicySet {
        files = List.copyOf(files);
    }

    /** All servers of all files, in file order then source order. */
    public List<Server> servers() {
        return files.stream().flatMap(file -> file.servers().stream()).toList();
    }
}
