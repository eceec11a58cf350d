package dev.stockade.compiler.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import freemarker.cache.StringTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Templates#render(Template, Record)} writes into a buffer the thread keeps from render to
 * render: whatever came before on the thread, each output is exactly what FreeMarker writes for that
 * render alone.
 */
class TemplatesTest {

    public record View(String name, List<String> lines) {
    }

    /** Text of 64 characters and more goes into the buffer in bulk; shorter text char by char. */
    private static final String LONG_TEXT = "# a line of template text long enough to go in as one string, "
            + "twice over: a line of template text long enough to go in as one string\n";

    private static final Configuration CONFIG = configuration(
            "plain", "head ${v.name}\n<#list v.lines as l>\n- ${l}\n</#list>\n" + LONG_TEXT + "tail\n",
            "wide", "» ${v.name} «\n" + LONG_TEXT.replace("template", "tëmplate ✓") + "<#list v.lines as l>${l}\n</#list>");

    private static Configuration configuration(String... namesAndTexts) {
        StringTemplateLoader loader = new StringTemplateLoader();
        for (int i = 0; i < namesAndTexts.length; i += 2) {
            loader.putTemplate(namesAndTexts[i], namesAndTexts[i + 1]);
        }
        return Templates.configure(loader);
    }

    /** What FreeMarker writes for the render alone, into a writer of its own. */
    private static String alone(String template, View view) throws IOException, TemplateException {
        StringWriter out = new StringWriter();
        CONFIG.getTemplate(template).process(ViewWrapper.root(view), out);
        return out.toString();
    }

    private static String rendered(String template, View view) throws IOException, TemplateException {
        return Templates.render(CONFIG.getTemplate(template), view);
    }

    @Test
    void eachRenderOnAThreadWritesOnlyItsOwnOutput() throws IOException, TemplateException {
        View small = new View("small", List.of("a", "b"));
        View unicode = new View("ünïcödé ✓", List.of("日本語", "x"));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            many.add("line " + i + " of a render larger than the 1 MiB a thread keeps");
        }
        View large = new View("large", many);
        // Small after large (the buffer let go), Latin-1 after wider characters (the buffer inflated),
        // and each again: every output equals the render alone.
        String[][] order = {{"plain", "small"}, {"plain", "large"}, {"plain", "small"}, {"wide", "unicode"},
                {"plain", "small"}, {"wide", "small"}, {"plain", "unicode"}, {"plain", "large"}, {"wide", "large"},
                {"plain", "small"}};
        for (String[] step : order) {
            View view = switch (step[1]) {
                case "small" -> small;
                case "unicode" -> unicode;
                default -> large;
            };
            String output = rendered(step[0], view);
            assertThat(output).as("%s with %s", step[0], step[1]).isEqualTo(alone(step[0], view));
        }
        assertThat(rendered("plain", large).length()).isGreaterThan(1024 * 1024);
        assertThat(rendered("wide", unicode)).startsWith("» ünïcödé ✓ «\n").contains("tëmplate ✓").endsWith("日本語\nx\n");
    }

    @Test
    void aFailedRenderLeavesNothingForTheNext() throws IOException, TemplateException {
        Configuration config = configuration("fails", "written before the failure ${v.nothing}", "plain", "ok ${v.name}\n");
        Template fails = config.getTemplate("fails");
        assertThatThrownBy(() -> Templates.render(fails, new View("x", List.of())))
                .isInstanceOf(TemplateException.class).hasMessageContaining("has no component nothing");
        assertThat(Templates.render(config.getTemplate("plain"), new View("after", List.of()))).isEqualTo("ok after\n");
    }
}
