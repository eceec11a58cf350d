package dev.stockade.compiler.target;

import freemarker.template.ObjectWrapper;
import freemarker.template.SimpleNumber;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import freemarker.template.TemplateSequenceModel;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * How templates see views: a record is a hash of its components and nothing else (no methods, no
 * class, no other property), a {@code List} a sequence, a {@code String} a string, an
 * {@code int} or {@code long} a number, a {@code boolean} a boolean, {@code null} missing. Any other
 * type fails the render with its name: a view must not show a template something it was not meant
 * to lay out. Each record class's accessors are looked up once, and each component's becomes a
 * small function the first time a template reads it.
 *
 * <p>FreeMarker's {@code DefaultObjectWrapper} did the same job by introspecting every value as a
 * bean and calling its accessors by reflection, and was a quarter of the targets' CPU time.
 */
final class ViewWrapper implements ObjectWrapper {

    static final ViewWrapper INSTANCE = new ViewWrapper();

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return new Shape(type);
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
            return new Scalar(string);
        }
        if (value instanceof Record record) {
            return new RecordModel(record, SHAPES.get(record.getClass()));
        }
        if (value instanceof List<?> list) {
            return list(list, null);
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

    /** A list as a sequence; {@code elements}, if known, is the shape of every element (a record class is final). */
    private static ListModel list(List<?> list, Shape elements) {
        return new ListModel(list instanceof RandomAccess ? list : List.copyOf(list), elements);
    }

    /**
     * The strings of a view's list, as the view holds them ({@link LinesDirective}); anything else
     * (not a list of a view, an element that is not a string) fails the render.
     */
    @SuppressWarnings("unchecked")
    static List<String> strings(TemplateModel model) throws TemplateModelException {
        if (!(model instanceof ListModel list)) {
            throw new TemplateModelException("expected a list of a view, got "
                    + (model == null ? "nothing" : model.getClass().getSimpleName()));
        }
        for (Object element : list.list) {
            if (!(element instanceof String)) {
                throw new TemplateModelException("expected a list of strings, got an element "
                        + (element == null ? "null" : "of " + element.getClass().getName()));
            }
        }
        return (List<String>) list.list;
    }

    /** The root of a render: {@code v}, the view. */
    static TemplateHashModel root(Record view) {
        RecordModel model = new RecordModel(view, SHAPES.get(view.getClass()));
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

    /**
     * One record class's components: their names, and for each an accessor made into a
     * {@code Function} the first time a template reads it (a small class of its own, which the JIT
     * compiles like any call; a method handle that is not a constant went through a generic
     * adapter and a cast on every read, a third of the wrapper's time).
     */
    private static final class Shape {
        private static final MethodType APPLY = MethodType.methodType(Object.class, Object.class);

        private final Class<?> type;
        private final String[] names;
        /** The names' hash codes: a template's key is compared by hash first (a string caches its hash). */
        private final int[] hashes;
        private final MethodHandle[] accessors;
        private final Function<?, ?>[] readers;
        /**
         * Per component, what its values are known to be from its declared type: a record class
         * (records are final) or a {@code List} of one. Their shapes are found on first use, not
         * here, since a view may hold itself. A template reads a component once per element it
         * lays out, and the shape saves the look-up by class each time.
         */
        private final Class<?>[] records;
        private final Class<?>[] listsOf;
        private final Shape[] shapes;

        Shape(Class<?> type) {
            this.type = type;
            RecordComponent[] components = type.getRecordComponents();
            names = new String[components.length];
            hashes = new int[components.length];
            accessors = new MethodHandle[components.length];
            readers = new Function<?, ?>[components.length];
            records = new Class<?>[components.length];
            listsOf = new Class<?>[components.length];
            shapes = new Shape[components.length];
            for (int i = 0; i < components.length; i++) {
                names[i] = components[i].getName();
                hashes[i] = names[i].hashCode();
                Class<?> declared = components[i].getType();
                if (declared.isRecord()) {
                    records[i] = declared;
                } else if (declared == List.class
                        && components[i].getGenericType() instanceof ParameterizedType generic
                        && generic.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
                    listsOf[i] = element;
                }
                try {
                    accessors[i] = MethodHandles.publicLookup().unreflect(components[i].getAccessor());
                } catch (IllegalAccessException e) {
                    throw new IllegalArgumentException("view " + type.getName() + " is not a public record", e);
                }
            }
        }

        /** The component named {@code key}, or -1. */
        int index(String key) {
            int hash = key.hashCode();
            for (int i = 0; i < names.length; i++) {
                if (hashes[i] == hash && names[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }

        /** Component {@code index} of {@code record}, wrapped. */
        TemplateModel model(int index, Record record) throws TemplateModelException {
            Object value = read(index, record);
            if (value == null || (records[index] == null && listsOf[index] == null)) {
                return INSTANCE.wrap(value);
            }
            Shape shape = shapes[index];
            if (shape == null) {
                // Racy like the readers: the shapes come from one ClassValue, so any thread's will do.
                shape = SHAPES.get(records[index] != null ? records[index] : listsOf[index]);
                shapes[index] = shape;
            }
            return records[index] != null ? new RecordModel((Record) value, shape) : list((List<?>) value, shape);
        }

        @SuppressWarnings("unchecked")
        Object read(int index, Record record) {
            Function<Object, Object> reader = (Function<Object, Object>) readers[index];
            if (reader == null) {
                // Racy on purpose: two threads may each make one, and either will do. A
                // non-capturing lambda has no fields, so a thread that sees it sees it whole.
                reader = reader(index);
                readers[index] = reader;
            }
            return reader.apply(record);
        }

        @SuppressWarnings("unchecked")
        private Function<Object, Object> reader(int index) {
            try {
                return (Function<Object, Object>) LambdaMetafactory.metafactory(MethodHandles.lookup(), "apply",
                        MethodType.methodType(Function.class), APPLY, accessors[index],
                        MethodType.methodType(Object.class, type)).getTarget().invokeExact();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("cannot read " + type.getName() + "." + names[index], e);
            }
        }
    }

    /** A record's components by name; asking for anything else is an error, not a missing value. */
    private static final class RecordModel implements TemplateHashModel {
        private final Record record;
        private final Shape shape;

        RecordModel(Record record, Shape shape) {
            this.record = record;
            this.shape = shape;
        }

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            int index = shape.index(key);
            if (index < 0) {
                throw new TemplateModelException(record.getClass().getName() + " has no component " + key);
            }
            return shape.model(index, record);
        }

        @Override
        public boolean isEmpty() {
            return false;
        }
    }

    /**
     * A string. FreeMarker's {@code SimpleScalar} would do, but every {@code ${...}} asks its model
     * whether it is a number, a date, markup and then a string, and each answer scans the class's
     * interfaces: this class has one.
     */
    private static final class Scalar implements TemplateScalarModel {
        private final String value;

        Scalar(String value) {
            this.value = value;
        }

        @Override
        public String getAsString() {
            return value;
        }
    }

    /** A random-access list, its elements wrapped as they are read. */
    private static final class ListModel implements TemplateSequenceModel {
        private final List<?> list;
        /** The shape of every element, when the list's declared type says it; else null. */
        private final Shape elements;

        ListModel(List<?> list, Shape elements) {
            this.list = list;
            this.elements = elements;
        }

        @Override
        public TemplateModel get(int index) throws TemplateModelException {
            if (index < 0 || index >= list.size()) {
                return null;
            }
            Object element = list.get(index);
            return elements != null && element != null ? new RecordModel((Record) element, elements) : INSTANCE.wrap(element);
        }

        @Override
        public int size() {
            return list.size();
        }
    }
}
