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
import java.util.TimeZone;

/**
 * FreeMarker, configured once: templates from the {@code stockade-templates} jar, numbers as
 * computers write them, a fixed locale and time zone, no way to reach Java classes from a
 * template. Views are records ({@link ViewWrapper}: templates see their components and nothing
 * else); every value in them is already escaped for its format.
 */
public final class Templates {

    private static final Configuration CONFIG =
            configure(new ClassTemplateLoader(Templates.class, "/dev/stockade/templates"));

    /** A thread's first buffer: larger than most artifacts (a probe script is 34 KiB). */
    private static final int INITIAL = 64 * 1024;
    /**
     * Each thread's output buffer, emptied and written again by every render on it: a new buffer
     * per render was a sixth of all the bytes a compile allocated (and zeroed). Once a render
     * writes a character beyond Latin-1 the buffer holds two bytes a character until it is let go,
     * which costs time, never a different output.
     */
    private static final ThreadLocal<Out> BUFFERS = ThreadLocal.withInitial(() -> new Out(INITIAL));
    /** A thread's buffer grown past this (a fleet's compose file) is let go after its render. */
    private static final int KEPT_UP_TO = 1024 * 1024;

    private Templates() {
    }

    /** A writer into a StringBuilder: one render at a time, one thread. */
    private static final class Out extends Writer {
        private static final int BULK = 64;
        final StringBuilder text;
        boolean busy;

        Out(int capacity) {
            text = new StringBuilder(capacity);
        }

        /**
         * A template's text between its tags. A long one goes in as a string: the builder copies
         * chars into its bytes one by one, checking each, while a string is compressed in bulk
         * (a probe's fixed body is 8 KiB).
         */
        @Override
        public void write(char[] chars, int offset, int length) {
            if (length >= BULK) {
                text.append(new String(chars, offset, length));
            } else {
                text.append(chars, offset, length);
            }
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
            return render(CONFIG.getTemplate(template), view);
        } catch (IOException e) {
            throw new UncheckedIOException("template " + template + " is missing from stockade-templates", e);
        } catch (TemplateException e) {
            throw new IllegalStateException("template " + template + " failed: " + e.getMessageWithoutStackTop(), e);
        }
    }

    /** Renders {@code loaded} with {@code view} as {@code v}, into this thread's buffer (package-private for the tests). */
    static String render(Template loaded, Record view) throws TemplateException, IOException {
        Out kept = BUFFERS.get();
        // A render inside a render (none does today) writes into a buffer of its own.
        Out out = kept.busy ? new Out(INITIAL) : kept;
        out.busy = true;
        out.text.setLength(0);
        try {
            TemplateHashModel root = ViewWrapper.root(view);
            Environment render = loaded.createProcessingEnvironment(root, out);
            // The view in the main namespace too: FreeMarker looks a name up there first, and in
            // the data model only after two misses, for every `v.` in the template.
            render.getMainNamespace().put("v", root.get("v"));
            render.process();
            return out.text.toString();
        } finally {
            out.busy = false;
            if (out == kept && out.text.capacity() > KEPT_UP_TO) {
                BUFFERS.remove();
            }
        }
    }
}
