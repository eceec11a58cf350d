package dev.stockade.compiler.target.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of YAML the settings file uses: block mappings and sequences indented by two spaces,
 * plain keys, and every value in JSON syntax (YAML 1.2 is a superset of JSON, and
 * {@code YamlEscape} writes JSON-compatible double-quoted scalars), so each value is checked with a
 * JSON parser.
 */
final class YamlShape {

    private static final Pattern LINE = Pattern.compile("(?<indent>(?:  )*)(?:- )?(?<key>[$a-zA-Z][a-zA-Z-]*):(?: (?<value>.+))?");
    private static final ObjectMapper JSON = new ObjectMapper();

    private YamlShape() {
    }

    static void check(String yaml) {
        assertThat(yaml).doesNotContain("\t").endsWith("\n");
        for (String line : yaml.split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            assertThat(m.matches()).as("a YAML mapping line: %s", line).isTrue();
            String value = m.group("value");
            if (value != null) {
                try {
                    JSON.readTree(value);
                } catch (JsonProcessingException e) {
                    throw new AssertionError("value is not a JSON-compatible YAML scalar: " + line, e);
                }
            }
        }
    }
}
