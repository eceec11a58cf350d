package dev.stockade.compiler.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import freemarker.cache.StringTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateMethodModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import freemarker.template.TemplateSequenceModel;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ViewWrapperTest {

    public record Item(String name, int port) {
    }

    public record View(String name, long size, boolean on, String missing, List<Item> items, List<String> words) {

        /** Not a component: no template may call it or read it as a property. */
        public String secret() {
            return "secret";
        }

        public String getHidden() {
            return "hidden";
        }
    }

    private record Private(String name) {
    }

    public record Holder(Object value) {
    }

    /** Components whose type names a record, or a list of one, or neither exactly. */
    public record Nested(Item item, Item none, List<Item> items, List<? extends Item> wild, Collection<Item> collection) {
    }

    private static final View VIEW = new View("web", 17_179_869_184L, true, null,
            List.of(new Item("a", 443), new Item("b", 8080)), new LinkedList<>(List.of("x", "y")));

    private static TemplateHashModel wrap(Object record) throws TemplateModelException {
        return (TemplateHashModel) ViewWrapper.INSTANCE.wrap(record);
    }

    @Test
    void exposesEveryComponentAsItsTemplateType() throws TemplateModelException {
        TemplateHashModel view = wrap(VIEW);

        assertThat(((TemplateScalarModel) view.get("name")).getAsString()).isEqualTo("web");
        assertThat(((TemplateNumberModel) view.get("size")).getAsNumber()).isEqualTo(17_179_869_184L);
        assertThat(view.get("on")).isSameAs(TemplateBooleanModel.TRUE);
        assertThat(view.get("missing")).isNull();
        TemplateSequenceModel items = (TemplateSequenceModel) view.get("items");
        assertThat(items.size()).isEqualTo(2);
        TemplateHashModel second = (TemplateHashModel) items.get(1);
        assertThat(((TemplateScalarModel) second.get("name")).getAsString()).isEqualTo("b");
        assertThat(((TemplateNumberModel) second.get("port")).getAsNumber()).isEqualTo(8080);
        assertThat(items.get(2)).isNull();
        TemplateSequenceModel words = (TemplateSequenceModel) view.get("words");
        assertThat(((TemplateScalarModel) words.get(1)).getAsString()).isEqualTo("y");
    }

    @Test
    void wrapsRecordsKnownByTheirDeclaredTypeAsAnyOther() throws TemplateModelException {
        List<Item> items = List.of(new Item("a", 1), new Item("b", 2));
        TemplateHashModel nested = wrap(new Nested(new Item("c", 3), null, items, items, new ArrayList<>(items)));

        assertThat(((TemplateScalarModel) ((TemplateHashModel) nested.get("item")).get("name")).getAsString()).isEqualTo("c");
        assertThat(nested.get("none")).isNull();
        for (String list : List.of("items", "wild", "collection")) {
            TemplateSequenceModel sequence = (TemplateSequenceModel) nested.get(list);
            assertThat(((TemplateNumberModel) ((TemplateHashModel) sequence.get(1)).get("port")).getAsNumber()).isEqualTo(2);
            assertThatThrownBy(() -> ((TemplateHashModel) sequence.get(0)).get("secret"))
                    .isInstanceOf(TemplateModelException.class).hasMessageContaining(Item.class.getName());
        }
    }

    @Test
    void exposesNoMethodsAndNothingButComponents() throws TemplateModelException {
        TemplateHashModel view = wrap(VIEW);

        assertThat(view).isNotInstanceOf(TemplateMethodModel.class);
        for (String name : List.of("secret", "hidden", "getHidden", "class", "getClass", "toString", "hashCode", "equals")) {
            assertThatThrownBy(() -> view.get(name))
                    .isInstanceOf(TemplateModelException.class)
                    .hasMessageContaining(View.class.getName())
                    .hasMessageContaining(name);
        }
    }

    @Test
    void refusesEveryOtherTypeByName() {
        for (Object value : List.<Object>of(new Object(), Map.of("a", "b"), Optional.of("x"), 1.5, 'c', new StringBuilder("s"),
                Thread.currentThread(), View.class)) {
            assertThatThrownBy(() -> ViewWrapper.INSTANCE.wrap(value))
                    .isInstanceOf(TemplateModelException.class)
                    .hasMessageContaining(value.getClass().getName());
        }
    }

    @Test
    void refusesTheseTypesInsideViewsToo() throws TemplateModelException {
        TemplateHashModel holder = wrap(new Holder(new ArrayList<>(List.of(Optional.empty()))));
        TemplateSequenceModel list = (TemplateSequenceModel) holder.get("value");

        assertThatThrownBy(() -> list.get(0)).isInstanceOf(TemplateModelException.class).hasMessageContaining("java.util.Optional");
    }

    @Test
    void refusesARecordItCannotReadPublicly() {
        assertThatThrownBy(() -> ViewWrapper.INSTANCE.wrap(new Private("p")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Private.class.getName());
    }

    @Test
    void templatesReadComponentsAndCannotCallMethods() throws IOException, TemplateException {
        assertThat(render("${v.name} ${v.size} ${v.on?c} <#list v.items as i>${i.name}:${i.port}<#sep>,</#list>"
                + "<#if v.missing??>!</#if>${v.words?size}"))
                .isEqualTo("web 17179869184 true a:443,b:8080" + "2");

        for (String template : List.of("${v.secret()}", "${v.secret}", "${v.hidden}", "${v.getClass()}", "${v.class}",
                "${v?api.secret()}", "${'freemarker.template.utility.Execute'?new()('id')}", "${v.name.length()}")) {
            assertThatThrownBy(() -> render(template)).as(template).isInstanceOf(TemplateException.class);
        }
    }

    private static String render(String text) throws IOException, TemplateException {
        StringTemplateLoader loader = new StringTemplateLoader();
        loader.putTemplate("t", text);
        Configuration config = Templates.configure(loader);
        StringWriter out = new StringWriter();
        config.getTemplate("t").process(ViewWrapper.root(VIEW), out);
        return out.toString();
    }
}
