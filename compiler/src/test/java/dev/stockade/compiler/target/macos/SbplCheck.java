package dev.stockade.compiler.target.macos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a generated profile's shape without a Mac: well formed ({@link Sexp}), {@code (version 1)}
 * then {@code (deny default)}, and after that only {@code (allow|deny OPERATION FILTER...)} with
 * operations and filters from the whitelist below, the subset of SBPL Stockade writes (listed in
 * docs/targets/macos.md). A filter's argument is checked for its kind: a path filter takes an
 * absolute path string, {@code global-name} a service name, {@code remote} a protocol and
 * {@code "*:PORT"} or {@code "localhost:PORT"}, {@code target} the symbol {@code self}.
 */
final class SbplCheck {

    /** Operations, and whether a rule for them may stand without a filter. */
    static final Map<String, Boolean> OPERATIONS = Map.ofEntries(
            Map.entry("file-read*", false), Map.entry("file-read-metadata", false), Map.entry("file-write*", false),
            Map.entry("file-write-data", false), Map.entry("file-map-executable", false),
            Map.entry("process-exec", false), Map.entry("process-fork", true), Map.entry("process-info*", false),
            Map.entry("signal", false), Map.entry("sysctl-read", true), Map.entry("mach-lookup", false),
            Map.entry("network-outbound", false));

    static final Set<String> PATH_FILTERS = Set.of("literal", "subpath");
    private static final Pattern REMOTE = Pattern.compile("(\\*|localhost):(\\*|[1-9][0-9]{0,4})");
    private static final Pattern SERVICE = Pattern.compile("[a-z][A-Za-z0-9_.-]*");

    private SbplCheck() {
    }

    /** The rules after the two fixed forms, each checked; fails with the profile's name on the first problem. */
    static List<Sexp.Lst> rules(String name, String profile) {
        List<Sexp.Lst> forms = Sexp.read(profile);
        assertThat(forms.size()).as("%s has forms", name).isGreaterThanOrEqualTo(2);
        assertThat(forms.get(0)).as("%s starts with (version 1)", name)
                .isEqualTo(new Sexp.Lst(List.of(new Sexp.Sym("version"), new Sexp.Sym("1"))));
        assertThat(forms.get(1)).as("%s denies by default", name)
                .isEqualTo(new Sexp.Lst(List.of(new Sexp.Sym("deny"), new Sexp.Sym("default"))));
        List<Sexp.Lst> rules = forms.subList(2, forms.size());
        rules.forEach(rule -> rule(name, rule));
        return rules;
    }

    private static void rule(String name, Sexp.Lst rule) {
        assertThat(rule.size()).as("%s: %s has a verb and an operation", name, rule).isGreaterThanOrEqualTo(2);
        assertThat(symbol(rule.get(0))).as("%s: verb of %s", name, rule).isIn("allow", "deny");
        String operation = symbol(rule.get(1));
        assertThat(OPERATIONS).as("%s: known operation", name).containsKey(operation);
        if (!OPERATIONS.get(operation)) {
            assertThat(rule.size()).as("%s: %s needs a filter", name, rule).isGreaterThan(2);
        }
        for (Sexp.Node filter : rule.items().subList(2, rule.size())) {
            filter(name, operation, filter);
        }
    }

    private static void filter(String name, String operation, Sexp.Node node) {
        assertThat(node).as("%s: a filter is a list", name).isInstanceOf(Sexp.Lst.class);
        Sexp.Lst filter = (Sexp.Lst) node;
        String kind = symbol(filter.get(0));
        switch (kind) {
            case "literal", "subpath" -> {
                assertThat(operation.startsWith("file-") || operation.equals("process-exec")
                        || (operation.equals("network-outbound") && kind.equals("literal")))
                        .as("%s: path filter on %s", name, operation).isTrue();
                assertThat(filter.size()).isEqualTo(2);
                assertThat(string(filter.get(1))).as("%s: absolute path", name).startsWith("/").doesNotContain("//");
            }
            case "global-name" -> {
                assertThat(operation).isEqualTo("mach-lookup");
                assertThat(string(filter.get(1))).matches(SERVICE);
            }
            case "remote" -> {
                assertThat(operation).isEqualTo("network-outbound");
                assertThat(filter.size()).isEqualTo(3);
                assertThat(symbol(filter.get(1))).isIn("tcp", "udp");
                assertThat(string(filter.get(2))).matches(REMOTE);
            }
            case "target" -> {
                assertThat(operation).isIn("process-info*", "signal");
                assertThat(filter).isEqualTo(new Sexp.Lst(List.of(new Sexp.Sym("target"), new Sexp.Sym("self"))));
            }
            default -> throw new AssertionError(name + ": unknown filter " + kind);
        }
    }

    static String symbol(Sexp.Node node) {
        assertThat(node).isInstanceOf(Sexp.Sym.class);
        return ((Sexp.Sym) node).name();
    }

    static String string(Sexp.Node node) {
        assertThat(node).isInstanceOf(Sexp.Str.class);
        return ((Sexp.Str) node).value();
    }
}
