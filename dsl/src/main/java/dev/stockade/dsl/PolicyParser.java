package dev.stockade.dsl;

import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.internal.FileParser;
import dev.stockade.dsl.internal.Sink;
import dev.stockade.dsl.model.Name;
import dev.stockade.dsl.model.PolicyFile;
import dev.stockade.dsl.model.PolicySet;
import dev.stockade.dsl.model.Server;
import dev.stockade.dsl.source.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The entry point of the language: parses policy files compiled together into one
 * {@link PolicySet}. It never throws for bad input; everything wrong is a diagnostic.
 */
public final class PolicyParser {

    private PolicyParser() {
    }

    public static ParseResult parse(SourceFile file) {
        return parse(List.of(file));
    }

    /** Parses the files in the given order (which decides which duplicate server is "the second"). */
    public static ParseResult parse(List<SourceFile> files) {
        return combine(files.stream().map(PolicyParser::parseFile).toList());
    }

    /**
     * One file on its own, for callers that parse files in parallel: {@link #combine} of every
     * file's result, in file order, is exactly {@link #parse(List)}. Files share nothing while parsed.
     */
    public static FileParse parseFile(SourceFile file) {
        Sink sink = new Sink();
        Optional<PolicyFile> parsed = FileParser.parse(file, sink);
        return new FileParse(parsed, sink.diagnostics());
    }

    /** The policy set of files parsed one by one, in the order given; checks names across them. */
    public static ParseResult combine(List<FileParse> files) {
        Sink sink = new Sink();
        List<PolicyFile> parsed = new ArrayList<>();
        for (FileParse file : files) {
            file.diagnostics().forEach(sink::add);
            file.file().ifPresent(parsed::add);
        }
        PolicySet set = new PolicySet(parsed);
        List<Name> names = new ArrayList<>();
        for (Server server : set.servers()) {
            names.add(server.name());
        }
        duplicateServers(names).forEach(sink::add);
        return new ParseResult(set, sink.diagnostics());
    }

    /** One file's model (empty when it was abandoned after too many syntax errors) and its diagnostics. */
    public record FileParse(Optional<PolicyFile> file, List<Diagnostic> diagnostics) {

        public FileParse {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /**
     * A {@code duplicate-server} error for every server name that an earlier one already has, in
     * the order given: what {@link #combine} checks across files, from the names alone, so a caller
     * that lets each file's model go after checking it can still check the fleet's names.
     */
    public static List<Diagnostic> duplicateServers(List<Name> names) {
        Sink sink = new Sink();
        Map<String, Name> first = new HashMap<>();
        for (Name name : names) {
            Name earlier = first.putIfAbsent(name.value(), name);
            if (earlier != null) {
                var at = earlier.span();
                sink.add(Diagnostic.error("duplicate-server", name.span(),
                        "server \"" + name.value() + "\" is already defined at " + at.file() + ":" + at.line(),
                        "rename one of them; server names are unique across all policy files compiled together"));
            }
        }
        return sink.diagnostics();
    }
}
