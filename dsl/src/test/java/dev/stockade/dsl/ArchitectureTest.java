package dev.stockade.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** ANTLR stays inside {@code dev.stockade.dsl.internal}: no public or protected signature outside it names an ANTLR type. */
class ArchitectureTest {

    private static final Path CLASSES = Path.of("target/classes");
    private static final String INTERNAL = "dev.stockade.dsl.internal";

    @Test
    void noSignatureOutsideInternalNamesAnAntlrType() throws Exception {
        List<String> classNames = classesOutsideInternal();
        List<String> leaks = new ArrayList<>();
        for (String name : classNames) {
            leaks.addAll(leaks(Class.forName(name, false, getClass().getClassLoader())));
        }

        assertThat(classNames).as("classes scanned").contains("dev.stockade.dsl.PolicyParser",
                "dev.stockade.dsl.print.PolicyPrinter");
        assertThat(leaks).isEmpty();
    }

    @Test
    void theScanSeesAnAntlrLeakWhereThereIsOne() {
        assertThat(leaks(Leaky.class)).hasSize(2);
    }

    /** A class that would break the rule: an ANTLR type in a public field and a protected method. */
    public static class Leaky {
        public org.antlr.v4.runtime.Token token;

        protected List<? extends org.antlr.v4.runtime.ParserRuleContext> contexts() {
            return List.of();
        }
    }

    private static List<String> classesOutsideInternal() throws IOException {
        try (Stream<Path> files = Files.walk(CLASSES)) {
            return files.map(CLASSES::relativize).map(Path::toString)
                    .filter(p -> p.endsWith(".class") && !p.equals("module-info.class"))
                    .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.').replace(java.io.File.separatorChar, '.'))
                    .filter(name -> !name.equals(INTERNAL) && !name.startsWith(INTERNAL + "."))
                    .sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static List<String> leaks(Class<?> type) {
        List<String> leaks = new ArrayList<>();
        if (!visible(type.getModifiers())) {
            return leaks;
        }
        check(leaks, type.getName() + " extends", type.getGenericSuperclass());
        for (Type implemented : type.getGenericInterfaces()) {
            check(leaks, type.getName() + " implements", implemented);
        }
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                check(leaks, type.getName() + " component " + component.getName(), component.getGenericType());
            }
        }
        for (Field field : type.getDeclaredFields()) {
            if (visible(field)) {
                check(leaks, type.getName() + "." + field.getName(), field.getGenericType());
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (visible(method) && !method.isSynthetic()) {
                String where = type.getName() + "." + method.getName() + "()";
                check(leaks, where + " returns", method.getGenericReturnType());
                checkAll(leaks, where + " takes", method.getGenericParameterTypes());
                checkAll(leaks, where + " throws", method.getGenericExceptionTypes());
            }
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (visible(constructor) && !constructor.isSynthetic()) {
                checkAll(leaks, type.getName() + " constructor takes", constructor.getGenericParameterTypes());
            }
        }
        return leaks;
    }

    private static boolean visible(Member member) {
        return visible(member.getModifiers());
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void checkAll(List<String> leaks, String where, Type[] types) {
        checkAll(leaks, where, types, new java.util.HashSet<>());
    }

    private static void checkAll(List<String> leaks, String where, Type[] types, java.util.Set<Type> seen) {
        for (Type type : types) {
            check(leaks, where, type, seen);
        }
    }

    private static void check(List<String> leaks, String where, Type type) {
        check(leaks, where, type, new java.util.HashSet<>());
    }

    /**
     * Walks a generic type: its raw class, type arguments, bounds and array components; {@code seen}
     * stops at recursive bounds such as {@code E extends Enum<E>}.
     */
    private static void check(List<String> leaks, String where, Type type, java.util.Set<Type> seen) {
        if (type == null || !seen.add(type)) {
            return;
        }
        if (type instanceof Class<?> c) {
            Class<?> element = c;
            while (element.isArray()) {
                element = element.getComponentType();
            }
            if (element.getName().startsWith("org.antlr.")) {
                leaks.add(where + " " + element.getName());
            }
        } else if (type instanceof ParameterizedType p) {
            check(leaks, where, p.getRawType(), seen);
            checkAll(leaks, where, p.getActualTypeArguments(), seen);
        } else if (type instanceof WildcardType w) {
            checkAll(leaks, where, w.getUpperBounds(), seen);
            checkAll(leaks, where, w.getLowerBounds(), seen);
        } else if (type instanceof GenericArrayType a) {
            check(leaks, where, a.getGenericComponentType(), seen);
        } else if (type instanceof TypeVariable<?> v) {
            checkAll(leaks, where, v.getBounds(), seen);
        }
    }
}
