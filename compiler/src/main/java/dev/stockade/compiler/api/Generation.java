package dev.stockade.compiler.api;

import dev.stockade.compiler.Stockade;
import dev.stockade.compiler.report.FailOn;
import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.Target;
import dev.stockade.compiler.target.TargetRegistry;
import dev.stockade.dsl.source.SourceFile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Validates and compiles policy files in memory: the one code path behind {@code generate} and
 * {@code check}, which differ only in what they do with the {@link Result} (write it, or compare
 * it with what is on disk).
 */
public final class Generation {

    private Generation() {
    }

    /**
     * What a compilation gives.
     *
     * @param validation the findings (including the targets' approximations) and the verdict
     * @param files every file the output directory should hold, by path, the manifest included;
     *     empty when {@link #blocked()}
     * @param blocked true when an error that was not waived stopped the targets: there is nothing
     *     to write, and nothing on disk may be judged stale because of it
     */
    public record Result(ValidationResult validation, SortedMap<String, GeneratedFile> files, boolean blocked) {

        public Result {
            files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        }
    }

    /**
     * Compiles {@code sources} for the named targets (all of them when {@code targets} is empty).
     * Never throws for bad policy text.
     *
     * @throws IllegalArgumentException for an unknown target name, listing the valid ones
     */
    public static Result run(List<SourceFile> sources, FailOn failOn, Collection<String> targets) {
        List<String> names = targets.isEmpty() ? TargetRegistry.names() : List.copyOf(targets);
        Stockade.Outcome outcome = Stockade.compile(sources, names);
        ValidationResult validation = new ValidationResult(
                sources, outcome.parse(), outcome.diagnostics(), failOn.judge(outcome.diagnostics()));
        if (outcome.hasBlockingErrors()) {
            return new Result(validation, new TreeMap<>(), true);
        }
        SortedMap<String, GeneratedFile> files = new TreeMap<>();
        for (Artifact artifact : outcome.artifacts()) {
            if (files.put(artifact.path(), GeneratedFile.of(artifact)) != null) {
                // INVARIANT: targets name their files after the target and the (unique) server.
                throw new IllegalStateException("two artifacts share the path " + artifact.path());
            }
        }
        GeneratedFile manifest = Manifest.of(files.values()).file();
        files.put(manifest.path(), manifest);
        return new Result(validation, files, false);
    }

    /**
     * Reads a {@code targets} setting: names separated by commas, blanks ignored, case-insensitive;
     * empty means every target.
     *
     * @throws IllegalArgumentException for an unknown name, listing the valid ones
     */
    public static List<String> parseTargets(String setting) {
        if (setting == null || setting.isBlank()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String part : setting.split(",")) {
            String name = part.strip().toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && !names.contains(name)) {
                names.add(name);
            }
        }
        // Registry order, so "netfilter,systemd" and "systemd,netfilter" are the same configuration.
        return TargetRegistry.select(names).stream().map(Target::name).toList();
    }
}
