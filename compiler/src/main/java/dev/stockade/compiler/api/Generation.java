package dev.stockade.compiler.api;

import dev.stockade.compiler.Stockade;
import dev.stockade.compiler.report.FailOn;
import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.Target;
import dev.stockade.compiler.target.TargetRegistry;
import dev.stockade.dsl.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Validates and compiles policy files: the one code path behind {@code generate} and
 * {@code check}, which differ only in the {@link Comparison} they give it (one that stages what
 * differs, or one that keeps the diff) and in what they do with the {@link Drift} it makes.
 */
public final class Generation {

    private Generation() {
    }

    /**
     * What a compilation gives besides what went to the sink.
     *
     * @param validation the findings (including the targets' approximations) and the verdict
     * @param blocked true when an error that was not waived stopped the targets: what reached the
     *     sink before the error was known (a large fleet is compiled file by file as it is checked,
     *     see {@link Stockade#compile(List, Collection, int, Consumer)}) must be dropped, and nothing
     *     on disk may be judged stale because of it
     */
    public record Result(ValidationResult validation, boolean blocked) {
    }

    /**
     * Compiles {@code sources} for the named targets (all of them when {@code targets} is empty),
     * on every core, and hands each artifact to {@code sink} as it is made: from the worker threads,
     * in no fixed order (a {@link Comparison} is such a sink). No model or output is kept, so the
     * memory does not grow with the output. When the result is {@linkplain Result#blocked() blocked},
     * the sink may have seen artifacts of servers checked before the error, and must drop them (the
     * plugin's {@link Staging} is deleted then). Never throws for bad policy text.
     *
     * @throws IllegalArgumentException for an unknown target name, listing the valid ones
     * @throws IOException what the sink threw as an {@link UncheckedIOException}
     */
    public static Result run(List<SourceFile> sources, FailOn failOn, Collection<String> targets,
            Consumer<Artifact> sink) throws IOException {
        List<String> names = targets.isEmpty() ? TargetRegistry.names() : List.copyOf(targets);
        Stockade.Streamed outcome;
        try {
            outcome = Stockade.compile(sources, names, Runtime.getRuntime().availableProcessors(), sink);
        } catch (UncheckedIOException failure) {
            throw failure.getCause();
        }
        ValidationResult validation = new ValidationResult(
                sources, outcome.servers(), outcome.diagnostics(), failOn.judge(outcome.diagnostics()));
        return new Result(validation, outcome.hasBlockingErrors());
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
