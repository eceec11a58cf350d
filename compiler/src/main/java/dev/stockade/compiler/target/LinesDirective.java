package dev.stockade.compiler.target;

import freemarker.core.Environment;
import freemarker.template.TemplateDirectiveBody;
import freemarker.template.TemplateDirectiveModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * {@code <@lines each=LIST prefix="..." suffix="..."/>}: one line per string of a view's list,
 * {@code prefix}, the string, {@code suffix} and a line break, exactly what
 * <pre>
 * &lt;#list LIST as x&gt;
 * PREFIX${x}SUFFIX
 * &lt;/#list&gt;
 * </pre>
 * writes (both are optional and default to nothing). It lays out text and decides nothing.
 *
 * <p>Why a directive: every {@code ${...}} asks its value whether it is a number, a date or markup
 * before taking it as a string, and on JDK 17 each of those failing interface checks scans the
 * value's interfaces; with the list's own step and element lookup it was a third of FreeMarker's
 * time, spent mostly on lists of ready-made lines (rules, comments, probe checks). Here the list's
 * strings are written as they are.
 */
final class LinesDirective implements TemplateDirectiveModel {

    static final LinesDirective INSTANCE = new LinesDirective();

    private LinesDirective() {
    }

    @Override
    public void execute(Environment env, @SuppressWarnings("rawtypes") Map params, TemplateModel[] loopVars,
            TemplateDirectiveBody body) throws TemplateException, IOException {
        if (body != null || loopVars.length > 0) {
            throw new TemplateModelException("<@lines .../> takes no body and no loop variables");
        }
        List<String> each = null;
        String prefix = "";
        String suffix = "";
        for (Object entry : params.entrySet()) {
            Map.Entry<?, ?> param = (Map.Entry<?, ?>) entry;
            TemplateModel value = (TemplateModel) param.getValue();
            switch ((String) param.getKey()) {
                case "each" -> each = ViewWrapper.strings(value);
                case "prefix" -> prefix = string("prefix", value);
                case "suffix" -> suffix = string("suffix", value);
                default -> throw new TemplateModelException("<@lines/> has no parameter " + param.getKey()
                        + " (each, prefix, suffix)");
            }
        }
        if (each == null) {
            throw new TemplateModelException("<@lines/> needs each=LIST");
        }
        Writer out = env.getOut();
        for (String line : each) {
            out.write(prefix);
            out.write(line);
            out.write(suffix);
            out.write('\n');
        }
    }

    private static String string(String name, TemplateModel value) throws TemplateModelException {
        if (value instanceof TemplateScalarModel scalar && scalar.getAsString() != null) {
            return scalar.getAsString();
        }
        throw new TemplateModelException("<@lines/> needs " + name + " to be a string");
    }
}
