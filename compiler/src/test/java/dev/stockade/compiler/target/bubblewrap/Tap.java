package dev.stockade.compiler.target.bubblewrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A strict reading of the probe's TAP: a plan first, then exactly that many numbered lines in order. */
public record Tap(List<String> passed, List<String> failures, List<String> skipped) {

    private static final Pattern LINE = Pattern.compile("(ok|not ok) (\\d+) - (.*)");
    private static final String SKIP = " # SKIP --no-network";

    public static Tap parse(String output) {
        List<String> lines = output.lines().filter(l -> !l.startsWith("#")).toList();
        assertThat(lines).as("TAP output:%n%s", output).isNotEmpty();
        assertThat(lines.get(0)).as("the plan").matches("1\\.\\.\\d+");
        int planned = Integer.parseInt(lines.get(0).substring(3));
        List<String> passed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            Matcher m = LINE.matcher(lines.get(i));
            assertThat(m.matches()).as("a TAP test line: %s", lines.get(i)).isTrue();
            assertThat(Integer.parseInt(m.group(2))).as("numbered in order").isEqualTo(i);
            String description = m.group(3);
            if (description.endsWith(SKIP)) {
                skipped.add(description.substring(0, description.length() - SKIP.length()));
            } else {
                (m.group(1).equals("ok") ? passed : failed).add(description);
            }
        }
        assertThat(lines.size() - 1).as("every planned check ran:%n%s", output).isEqualTo(planned);
        return new Tap(passed, failed, skipped);
    }
}
