package dev.stockade.compiler.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.diagnostic.RuleCatalog;
import dev.stockade.dsl.diagnostic.RuleInfo;
import dev.stockade.dsl.diagnostic.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rule catalog, the registry and docs/rules.md agree: every catalog id has exactly one home
 * (a registered check or a reporter elsewhere), and a doc section with its severity and
 * waivability, a failing example that reports it and a passing example that does not.
 */
class RuleDocsTest {

    /**
     * Rules whose examples only a target can judge. The targets are not written yet, so these
     * examples are only required to parse cleanly; the targets issue empties this map and lets
     * {@link #failingExampleReportsTheRule} check them like every other rule.
     */
    static final Map<String, String> NEEDS_TARGETS = Map.of(
            "target-approximation", "reported by the compose target (no egress filtering by address), not written yet",
            "target-skipped", "reported by the kubernetes target (no image), not written yet");

    private static final Path DOCS = Path.of("..", "docs", "rules.md");
    private static final Pattern HEADING = Pattern.compile("^## `([a-z0-9-]+)`$");

    /** A rule's section: its severity line and its two examples. */
    record Section(String id, Optional<String> severityLine, Optional<String> fails, Optional<String> passes) {
    }

    private static Map<String, Section> sections;

    @BeforeAll
    static void readDocs() throws IOException {
        sections = parse(Files.readAllLines(DOCS));
    }

    static Stream<String> catalogIds() {
        return RuleCatalog.ALL.stream().map(RuleInfo::id);
    }

    @Test
    void everyCatalogIdHasExactlyOneHome() {
        Set<String> registered = registeredIds();
        for (RuleInfo rule : RuleCatalog.ALL) {
            boolean checked = registered.contains(rule.id());
            boolean elsewhere = RuleRegistry.REPORTED_ELSEWHERE.contains(rule.id());
            assertThat(checked ^ elsewhere)
                    .as("%s must be in RuleRegistry.ALL or in REPORTED_ELSEWHERE, not both (registered %s, elsewhere %s)",
                            rule.id(), checked, elsewhere)
                    .isTrue();
        }
        List<String> catalog = catalogIds().toList();
        assertThat(catalog).containsAll(registered).containsAll(RuleRegistry.REPORTED_ELSEWHERE);
    }

    @Test
    void registryIsSortedByIdAndUsesTheCatalogEntries() {
        List<String> ids = RuleRegistry.ALL.stream().map(Rule::id).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        for (Rule rule : RuleRegistry.ALL) {
            assertThat(rule.info()).as(rule.getClass().getSimpleName()).isSameAs(RuleCatalog.get(rule.id()));
        }
        assertThat(catalogIds().toList()).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void targetRulesWaitingForTargetsAreReportedElsewhere() {
        assertThat(RuleRegistry.REPORTED_ELSEWHERE).containsAll(NEEDS_TARGETS.keySet());
        assertThat(registeredIds()).doesNotContainAnyElementsOf(NEEDS_TARGETS.keySet());
    }

    @Test
    void docsHaveOneSectionPerCatalogIdInIdOrder() {
        assertThat(List.copyOf(sections.keySet())).containsExactlyElementsOf(catalogIds().toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogIds")
    void sectionStatesSeverityAndWaivability(String id) {
        Section section = section(id);
        assertThat(section.severityLine()).as("the Severity line of %s", id).contains(expectedSeverityLine(id));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogIds")
    void failingExampleReportsTheRule(String id) {
        String example = section(id).fails().orElseThrow(() -> new AssertionError(id + " has no Fails example"));
        Checked checked = Checked.of(example);
        if (NEEDS_TARGETS.containsKey(id)) {
            assertThat(checked.parseFindings()).as("%s: %s; its example must at least parse", id, NEEDS_TARGETS.get(id))
                    .isEmpty();
            assertThat(checked.reports(id)).as("%s is %s; the checks must not report it", id, NEEDS_TARGETS.get(id))
                    .isFalse();
            return;
        }
        Severity severity = RuleCatalog.get(id).severity();
        assertThat(checked.all()).as("the Fails example of %s must report it at its default severity %s; found:%n%s",
                        id, severity.label(), checked.describe())
                .anyMatch(d -> d.rule().equals(id) && d.severity() == severity);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogIds")
    void passingExampleDoesNotReportTheRuleNorAnyError(String id) {
        String example = section(id).passes().orElseThrow(() -> new AssertionError(id + " has no Passes example"));
        Checked checked = Checked.of(example);
        assertThat(checked.reports(id)).as("the Passes example of %s reports it:%n%s", id, checked.describe()).isFalse();
        assertThat(checked.all()).as("the Passes example of %s has errors:%n%s", id, checked.describe())
                .noneMatch(Diagnostic::isBlockingError);
    }

    private static Set<String> registeredIds() {
        return RuleRegistry.ALL.stream().map(Rule::id).collect(java.util.stream.Collectors.toSet());
    }

    private static Section section(String id) {
        Section section = sections.get(id);
        if (section == null) {
            fail("docs/rules.md has no section ## `" + id + "`");
        }
        return section;
    }

    /** {@code Severity: error · Waivable: never}; two rules state severities that depend on the finding. */
    static String expectedSeverityLine(String id) {
        RuleInfo rule = RuleCatalog.get(id);
        String severity = switch (id) {
            case "fs-broad-grant" -> "error for write/execute/append, warning for read";
            case "net-broad-cidr" -> "warning; error below /16 (IPv4) or /48 (IPv6)";
            default -> rule.severity().label();
        };
        String waivable = switch (rule.waivability()) {
            case YES -> "yes";
            case NO -> "no";
            case NEVER -> "never";
        };
        return "Severity: " + severity + " · Waivable: " + waivable;
    }

    /** Sections by id, in document order; the first {@code ```stockade} block after "Fails:" / "Passes:". */
    static Map<String, Section> parse(List<String> lines) {
        Map<String, Section> out = new LinkedHashMap<>();
        String id = null;
        List<String> body = new ArrayList<>();
        for (String line : lines) {
            Matcher heading = HEADING.matcher(line);
            boolean otherHeading = line.startsWith("## ") && !heading.matches();
            if (heading.matches() || otherHeading) {
                if (id != null) {
                    out.put(id, section(id, body));
                }
                id = heading.matches() ? heading.group(1) : null;
                body = new ArrayList<>();
                continue;
            }
            body.add(line);
        }
        if (id != null) {
            out.put(id, section(id, body));
        }
        return out;
    }

    private static Section section(String id, List<String> body) {
        Optional<String> severity = body.stream().filter(l -> l.startsWith("Severity: ")).findFirst();
        return new Section(id, severity, example(body, "Fails:"), example(body, "Passes:"));
    }

    private static Optional<String> example(List<String> body, String label) {
        int at = body.indexOf(label);
        if (at < 0) {
            return Optional.empty();
        }
        int open = at + 1;
        while (open < body.size() && body.get(open).isBlank()) {
            open++;
        }
        if (open >= body.size() || !body.get(open).equals("```stockade")) {
            return Optional.empty();
        }
        StringBuilder code = new StringBuilder();
        for (int i = open + 1; i < body.size(); i++) {
            if (body.get(i).equals("```")) {
                return Optional.of(code.toString());
            }
            code.append(body.get(i)).append('\n');
        }
        return Optional.empty();
    }
}
