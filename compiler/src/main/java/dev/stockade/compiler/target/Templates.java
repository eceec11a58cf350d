package dev.stockade.compiler.target;

import freemarker.cache.ClassTemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * FreeMarker, configured once: templates from the {@code stockade-templates} jar, numbers as
 * computers write them, a fixed locale and time zone, no way to reach Java classes from a
 * template. Views are records; every value in them is already escaped for its format.
 */
public final class Templates {

    private static final Configuration CONFIG = configure();

    private Templates() {
    }

    private static Configuration configure() {
        Configuration config = new Configuration(Configuration.VERSION_2_3_34);
        config.setTemplateLoader(new ClassTemplateLoader(Templates.class, "/dev/stockade/templates"));
        config.setDefaultEncoding("UTF-8");
        config.setNumberFormat("computer");
        config.setBooleanFormat("c");
        config.setLocale(Locale.ROOT);
        config.setTimeZone(TimeZone.getTimeZone("UTC"));
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setWrapUncheckedExceptions(true);
        config.setFallbackOnNullLoopVariable(false);
        config.setAPIBuiltinEnabled(false);
        config.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        return config;
    }

    /** Renders {@code template} (a path under {@code dev/stockade/templates}) with {@code view} as {@code v}. */
    public static String render(String template, Object view) {
        try {
            Template loaded = CONFIG.getTemplate(template);
            StringWriter out = new StringWriter();
            loaded.process(Map.of("v", view), out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("template " + template + " is missing from stockade-templates", e);
        } catch (TemplateException e) {
            throw new IllegalStateException("template " + template + " failed: " + e.getMessageWithoutStackTop(), e);
        }
    }
}
