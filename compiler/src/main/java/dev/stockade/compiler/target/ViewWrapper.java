package dev.stockade.compiler.target;

import freemarker.template.ObjectWrapper;
import freemarker.template.SimpleNumber;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateSequenceModel;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * How templates see views: a record is a hash of its components and nothing else (no methods, no
 * class, no other property), a {@code List} a sequence, a {@code String} a string, an
 * {@code int} or {@code long} a number, a {@code boolean} a boolean, {@code null} missing. Any other
 * type fails the render with its name: a view must not show a template something it was not meant
 * to lay out. Each record class's accessors are looked up once.
 *
 * <p>FreeMarker's {@code DefaultObjectWrapper} did the same job by introspecting every value as a
 * bean and calling its accessors by reflection, and was a quarter of the targets' CPU time.
 */
final class ViewWrapper implements ObjectWrapper {

    static final ViewWrapper INSTANCE = new ViewWrapper();

    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);

    private static final ClassValue<Map<String, MethodHandle>> COMPONENTS = new ClassValue<>() {
        @Override
        protected Map<String, MethodHandle> computeValue(Class<?> type) {
            return components(type);
        }
    };

    private ViewWrapper() {
    }

    @Override
    public TemplateModel wrap(Object value) throws TemplateModelException {
        if (value == null) {
            return null;
        }
        if (value instanceof String string) {
            return new SimpleScalar(string);
        }
        if (value instanceof Record record) {
            return new RecordModel(record, COMPONENTS.get(record.getClass()));
        }
        if (value instanceof List<?> list) {
            return new ListModel(list instanceof RandomAccess ? list : List.copyOf(list));
        }
        if (value instanceof Boolean bool) {
            return bool ? TemplateBooleanModel.TRUE : TemplateBooleanModel.FALSE;
        }
        if (value instanceof Integer || value instanceof Long) {
            return new SimpleNumber((Number) value);
        }
        throw new TemplateModelException("a view holds a " + value.getClass().getName()
                + ", which templates cannot show (records, lists, strings, ints, longs and booleans only)");
    }

    /** The root of a render: {@code v}, the view. */
    static TemplateHashModel root(Record view) {
        RecordModel model = new RecordModel(view, COMPONENTS.get(view.getClass()));
        return new TemplateHashModel() {
            @Override
            public TemplateModel get(String key) {
                return key.equals("v") ? model : null;
            }

            @Override
            public boolean isEmpty() {
                return false;
            }
        };
    }

    private static Map<String, MethodHandle> components(Class<?> type) {
        Map<String, MethodHandle> accessors = new HashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            try {
                accessors.put(component.getName(),
                        MethodHandles.publicLookup().unreflect(component.getAccessor()).asType(GETTER));
            } catch (IllegalAccessException e) {
                throw new IllegalArgumentException("view " + type.getName() + " is not a public record", e);
            }
        }
        return Map.copyOf(accessors);
    }

    /** A record's components by name; asking for anything else is an error, not a missing value. */
    private static final class RecordModel implements TemplateHashModel {
        private final Record record;
        private final Map<String, MethodHandle> components;

        RecordModel(Record record, Map<String, MethodHandle> components) {
            this.record = record;
            this.components = components;
        }

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            MethodHandle accessor = components.get(key);
            if (accessor == null) {
                throw new TemplateModelException(record.getClass().getName() + " has no component " + key);
            }
            return INSTANCE.wrap(read(accessor));
        }

        private Object read(MethodHandle accessor) {
            try {
                return (Object) accessor.invokeExact((Object) record);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                // A record accessor declares no checked exception.
                throw new UndeclaredThrowableException(e);
            }
        }

        @Override
        public boolean isEmpty() {
            return false;
        }
    }

    /** A random-access list, its elements wrapped as they are read. */
    private static final class ListModel implements TemplateSequenceModel {
        private final List<?> list;

        ListModel(List<?> list) {
            this.list = list;
        }

        @Override
        public TemplateModel get(int index) throws TemplateModelException {
            return index >= 0 && index < list.size() ? INSTANCE.wrap(list.get(index)) : null;
        }

        @Override
        public int size() {
            return list.size();
        }
    }
}
