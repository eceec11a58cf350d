package dev.stockade.compiler.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import freemarker.cache.StringTemplateLoader;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinesDirectiveTest {

    public record Item(String name) {
    }

    public record View(String name, long size, List<String> lines, List<Item> items, List<String> absent) {
    }

    private static View view(String... lines) {
        return new View("web", 3, Arrays.asList(lines), List.of(new Item("a")), null);
    }

    private static String render(String text, View view) throws IOException, TemplateException {
        StringTemplateLoader loader = new StringTemplateLoader();
        loader.putTemplate("t", text);
        StringWriter out = new StringWriter();
        Templates.configure(loader).getTemplate("t").process(ViewWrapper.root(view), out);
        return out.toString();
    }

    @Test
    void writesWhatTheListItReplacesWrites() throws IOException, TemplateException {
        List<View> views = List.of(view(), view("one"), view("a", "b b", "#c", "\"quoted\"", "tab\there", ""));
        List<String[]> forms = List.of(
                new String[] {"", ""}, new String[] {"# ", ""}, new String[] {"\t\t", " accept"},
                new String[] {"-A ${v.name} ", " -j RETURN"}, new String[] {"", ";"});
        for (View view : views) {
            for (String[] form : forms) {
                String list = "head\n<#list v.lines as x>\n" + form[0] + "${x}" + form[1] + "\n</#list>\ntail\n";
                String lines = "head\n<@lines each=v.lines" + attribute("prefix", form[0]) + attribute("suffix", form[1])
                        + "/>\ntail\n";
                assertThat(render(lines, view)).as(lines + " with " + view.lines()).isEqualTo(render(list, view));
            }
        }
        assertThat(render("<@lines each=v.lines prefix=\"# \"/>\n", view("a", "b"))).isEqualTo("# a\n# b\n");
    }

    private static String attribute(String name, String value) {
        if (value.isEmpty()) {
            return "";
        }
        // An FTL string literal: ${...} inside it is an interpolation, as in a template's own text.
        return " " + name + "=\"" + value.replace("\t", "\\t").replace("\"", "\\\"") + "\"";
    }

    @Test
    void indentedCallsAreLaidOutLikeTheLinesAroundThem() throws IOException, TemplateException {
        String template = "set {\n<#if true>\n\t<@lines each=v.lines prefix=\"\\t\\t\"/>\n</#if>\n}\n";
        assertThat(render(template, view("a", "b"))).isEqualTo("set {\n\t\ta\n\t\tb\n}\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<@lines/>",
        "<@lines prefix=\"# \"/>",
        "<@lines each=v.name/>",
        "<@lines each=v.items/>",
        "<@lines each=v.absent/>",
        "<@lines each=v.lines prefix=v.size/>",
        "<@lines each=v.lines suffix=v.lines/>",
        "<@lines each=v.lines separator=\",\"/>",
        "<@lines each=v.lines>body</@lines>",
        "<@lines each=v.lines; x/>",
    })
    void failsTheRenderOnAnythingElse(String template) {
        assertThatThrownBy(() -> render(template, view("a"))).as(template).isInstanceOf(TemplateException.class);
    }

    @Test
    void failsOnANullLine() {
        List<String> lines = new ArrayList<>(List.of("a"));
        lines.add(null);
        View view = new View("web", 3, lines, List.of(), null);
        assertThatThrownBy(() -> render("<@lines each=v.lines/>", view)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("null");
    }
}
