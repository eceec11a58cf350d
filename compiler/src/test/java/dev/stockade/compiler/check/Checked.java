package dev.stockade.compiler.check;

import dev.stockade.dsl.ParseResult;
import dev.stockade.dsl.PolicyParser;
import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.source.SourceFile;
import java.util.ArrayList;
import java.util.List;

/**
 * A policy text run through the whole front end, as the build would: the parser's findings plus
 * the checks' findings with waivers applied. Positions are rendered as {@code "LINE:COLUMN SEVERITY"}
 * (plus {@code " accepted"}) because spans deliberately compare equal to each other.
 */
public final class Checked {

    public static final String FILE = "policy.stockade";

    private final List<Diagnostic> parse;
    private final List<Diagnostic> all;

    private Checked(ParseResult result) {
        this.parse = result.diagnostics();
        List<Diagnostic> everything = new ArrayList<>(result.diagnostics());
        everything.addAll(Checker.check(result.policies()));
        everything.sort(Diagnostic.ORDER);
        this.all = List.copyOf(everything);
    }

    public static Checked of(String text) {
        return new Checked(PolicyParser.parse(SourceFile.of(FILE, text)));
    }

    /** The parser's findings alone. */
    public List<Diagnostic> parseFindings() {
        return parse;
    }

    /** Every finding, parser and checks, in report order. */
    public List<Diagnostic> all() {
        return all;
    }

    /** The findings of one rule, as {@code "LINE:COLUMN SEVERITY"} in report order. */
    public List<String> positions(String rule) {
        return all.stream().filter(d -> d.rule().equals(rule)).map(Checked::position).toList();
    }

    public boolean reports(String rule) {
        return all.stream().anyMatch(d -> d.rule().equals(rule));
    }

    /** Findings that would fail a build by default: errors and warnings that are not accepted. */
    public List<Diagnostic> blocking() {
        return all.stream().filter(d -> !d.isAccepted())
                .filter(d -> d.severity() != dev.stockade.dsl.diagnostic.Severity.INFO).toList();
    }

    public static String position(Diagnostic d) {
        return d.span().line() + ":" + d.span().column() + " " + d.severity().label()
                + (d.isAccepted() ? " accepted" : "");
    }

    /** One line per finding, for assertion messages. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        all.forEach(d -> out.append(d.rule()).append(' ').append(position(d)).append(": ").append(d.message()).append('\n'));
        return out.toString();
    }
}
