package dev.stockade.compiler.target;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.Environment;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateHashModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;

/**
 * FreeMarker, configured once: templates from the {@code stockade-templates} jar, numbers as
 * computers write them, a fixed locale and time zone, no way to reach Java classes from a
 * template. Views are records ({@link ViewWrapper}: templates see their components and nothing
 * else); every value in them is already escaped for its format.
 */
public final class Templates {

    private static final Configuration CONFIG =
            configure(new ClassTemplateLoader(Templates.class, "/dev/stockade/templates"));

    /** Per template, about the size of its last output: the next render's initial buffer. */
    private static final Map<String, Integer> SIZES = new ConcurrentHashMap<>();

    private Templates() {
    }

    /** A writer into a StringBuilder: one render, one thread. */
    private static final class Out extends Writer {
        final StringBuilder text;

        Out(int capacity) {
            text = new StringBuilder(capacity);
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
        }

        @Override
        public void write(String string) {
            text.append(string);
        }

        @Override
        public void write(String string, int offset, int length) {
            text.append(string, offset, offset + length);
        }

        @Override
        public void write(int c) {
            text.append((char) c);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /** The configuration, with templates from {@code loader} (package-private for the tests). */
    static Configuration configure(TemplateLoader loader) {
        Configuration config = new Configuration(Configuration.VERSION_2_3_34);
        config.setTemplateLoader(loader);
        config.setDefaultEncoding("UTF-8");
        config.setNumberFormat("computer");
        config.setBooleanFormat("c");
        config.setLocale(Locale.ROOT);
        config.setTimeZone(TimeZone.getTimeZone("UTC"));
        config.setObjectWrapper(ViewWrapper.INSTANCE);
        // The one helper templates call: <@lines each=LIST prefix="..." suffix="..."/>.
        config.setSharedVariable("lines", LinesDirective.INSTANCE);
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setWrapUncheckedExceptions(true);
        config.setFallbackOnNullLoopVariable(false);
        config.setAPIBuiltinEnabled(false);
        config.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        // The templates are in a jar and never change while the compiler runs: no staleness checks.
        config.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        return config;
    }

    /** Renders {@code template} (a path under {@code dev/stockade/templates}) with {@code view} as {@code v}. */
    public static String render(String template, Record view) {
        try {
            Template loaded = CONFIG.getTemplate(template);
            // An unsynchronized buffer sized from the template's last output (the probe script is
            // 34 KiB): StringWriter's StringBuffer grew by copying, and locked on every write.
            Out out = new Out(SIZES.getOrDefault(template, 4096));
            TemplateHashModel root = ViewWrapper.root(view);
            Environment render = loaded.createProcessingEnvironment(root, out);
            // The view in the main namespace too: FreeMarker looks a name up there first, and in
            // the data model only after two misses, for every `v.` in the template.
            render.getMainNamespace().put("v", root.get("v"));
            render.process();
            SIZES.put(template, out.text.length() + out.text.length() / 8);
            return out.text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("template " + template + " is missing from stockade-templates", e);
        } catch (TemplateException e) {
            throw new IllegalStateException("template " + template + " failed: " + e.getMessageWithoutStackTop(), e);
        }
    }
}
