package escaperoutes.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Binds a Jackson tree to immutable records. Unlike Jackson's own data binding it does not stop at the first
 * mistake: every problem is added to the caller's list with its JSON path, so a user can fix a scenario file in one
 * go. A value that cannot be read (wrong type, missing, unknown key) is returned as {@code null}, and a record with
 * any such part is {@code null} too, while its remaining parts are still checked. A number outside its
 * {@link Range} is reported but kept, so that the caller can go on to check rules across fields and report those
 * problems in the same pass; a caller must treat any reported problem as failure.
 */
public final class JsonBinder {

    /** Binding for a type the generic rules cannot express (e.g. "a number or an object"); return null on failure. */
    @FunctionalInterface
    public interface CustomBinding<T> {
        T bind(JsonNode node, String path, JsonBinder binder, List<Problem> problems);
    }

    public static final String ROOT = "$";

    // Trailing tokens would otherwise be ignored silently, hiding a typo such as @Default("1.0 2").
    private static final ObjectMapper DEFAULT_PARSER =
            JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");
    private static final int MAX_SHOWN = 40;

    private final Map<Class<?>, CustomBinding<?>> custom = new ConcurrentHashMap<>();
    private final Map<Class<?>, Shape> shapes = new ConcurrentHashMap<>();

    public JsonBinder() {
    }

    public <T> JsonBinder register(Class<T> type, CustomBinding<T> binding) {
        custom.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(binding, "binding"));
        return this;
    }

    public <T> T bind(JsonNode node, Class<T> type, List<Problem> problems) {
        return bind(node, type, ROOT, problems);
    }

    /** Binds {@code node} (Java null or a missing node means "absent") into {@code type}; null if problems were added. */
    @SuppressWarnings("unchecked")
    public <T> T bind(JsonNode node, Type type, String path, List<Problem> problems) {
        return (T) bindValue(node, type, path, null, problems);
    }

    public static String childPath(String path, String key) {
        return PLAIN_KEY.matcher(key).matches()
                ? path + "." + key
                : path + "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    public static String elementPath(String path, int index) {
        return path + "[" + index + "]";
    }

    /** What a node is, for "expected X, found Y" messages: {@code a string "abc"}, {@code an array}, ... */
    public static String describe(JsonNode node) {
        if (node == null) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case STRING -> "a string " + shown(node);
            case NUMBER -> "a number " + shown(node);
            case BOOLEAN -> "a boolean " + shown(node);
            case OBJECT, POJO -> "an object";
            case ARRAY -> "an array";
            case NULL -> "null";
            case MISSING -> "nothing";
            case BINARY -> "binary data";
        };
    }

    // ---------------------------------------------------------------------------------------------------------------

    // `range` comes from the enclosing record component and is carried through lists and maps to the numbers.
    private Object bindValue(JsonNode node, Type type, String path, Range range, List<Problem> problems) {
        if (type instanceof WildcardType wildcard) {
            type = wildcard.getUpperBounds()[0];
        }
        if (node == null || node.isMissingNode()) {
            return fail(problems, path, "missing required field");
        }
        if (type == JsonNode.class) {
            return node;
        }
        if (node.isNull()) {
            return fail(problems, path, "null is not allowed");
        }
        if (type instanceof Class<?> cls) {
            CustomBinding<?> binding = custom.get(cls);
            return binding != null ? binding.bind(node, path, this, problems) : bindClass(node, cls, path, range, problems);
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            Type[] args = parameterized.getActualTypeArguments();
            if (raw == List.class) {
                return bindList(node, args[0], path, range, problems);
            }
            if (raw == Map.class && args[0] == String.class) {
                return bindMap(node, args[1], path, range, problems);
            }
        }
        throw new IllegalStateException("unsupported target type " + type.getTypeName());
    }

    private Object bindClass(JsonNode node, Class<?> cls, String path, Range range, List<Problem> problems) {
        if (cls == String.class) {
            return node.isTextual() ? node.textValue() : mismatch(problems, path, "a string", node);
        }
        if (cls == double.class || cls == Double.class) {
            if (!node.isNumber()) {
                return mismatch(problems, path, "a number", node);
            }
            double value = node.doubleValue();
            if (!Double.isFinite(value)) {
                return mismatch(problems, path, "a finite number", node);
            }
            inRange(value, format(value), range, path, problems);
            return value;
        }
        if (cls == int.class || cls == Integer.class) {
            BigDecimal value = wholeNumber(node, path, problems);
            if (value == null) {
                return null;
            }
            if (value.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0
                    || value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                return fail(problems, path, "expected a whole number between " + Integer.MIN_VALUE + " and "
                        + Integer.MAX_VALUE + ", found " + shown(node));
            }
            int result = value.intValue();
            inRange(result, Integer.toString(result), range, path, problems);
            return result;
        }
        if (cls == long.class || cls == Long.class) {
            BigDecimal value = wholeNumber(node, path, problems);
            if (value == null) {
                return null;
            }
            if (value.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0
                    || value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                return fail(problems, path, "expected a whole number between " + Long.MIN_VALUE + " and "
                        + Long.MAX_VALUE + ", found " + shown(node));
            }
            long result = value.longValue();
            inRange(result, Long.toString(result), range, path, problems);
            return result;
        }
        if (cls == boolean.class || cls == Boolean.class) {
            return node.isBoolean() ? node.booleanValue() : mismatch(problems, path, "true or false", node);
        }
        if (cls == LocalDate.class) {
            if (!node.isTextual()) {
                return mismatch(problems, path, "a date string yyyy-mm-dd", node);
            }
            try {
                return LocalDate.parse(node.textValue());
            } catch (DateTimeParseException e) {
                return fail(problems, path, "not a date; expected yyyy-mm-dd, e.g. 2012-01-01");
            }
        }
        if (cls.isEnum()) {
            return bindEnum(node, cls, path, problems);
        }
        if (cls.isRecord()) {
            return bindRecord(node, cls, path, problems);
        }
        throw new IllegalStateException("unsupported target type " + cls.getName()
                + (cls == List.class || cls == Map.class ? " without type arguments" : ""));
    }

    private static BigDecimal wholeNumber(JsonNode node, String path, List<Problem> problems) {
        if (!node.isNumber()) {
            mismatch(problems, path, "a whole number", node);
            return null;
        }
        if (!Double.isFinite(node.doubleValue())) {
            mismatch(problems, path, "a finite number", node);
            return null;
        }
        // 1e6 or 3.0 are whole numbers written as floats; accepting them spares users a pointless error.
        BigDecimal value = node.decimalValue();
        if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
            fail(problems, path, "expected a whole number, found " + shown(node));
            return null;
        }
        return value;
    }

    private static Object bindEnum(JsonNode node, Class<?> cls, String path, List<Problem> problems) {
        Object[] constants = cls.getEnumConstants();
        String allowed = Arrays.stream(constants).map(JsonBinder::enumName).collect(Collectors.joining(", "));
        if (!node.isTextual()) {
            return mismatch(problems, path, "one of " + allowed, node);
        }
        for (Object constant : constants) {
            if (enumName(constant).equals(node.textValue())) {
                return constant;
            }
        }
        return fail(problems, path, "unknown value " + shown(node) + "; allowed values: " + allowed);
    }

    private static String enumName(Object constant) {
        return ((Enum<?>) constant).name().toLowerCase(Locale.ROOT);
    }

    private Object bindList(JsonNode node, Type elementType, String path, Range range, List<Problem> problems) {
        if (!node.isArray()) {
            return mismatch(problems, path, "an array", node);
        }
        List<Object> result = new ArrayList<>(node.size());
        boolean ok = true;
        for (int i = 0; i < node.size(); i++) {
            Object element = bindValue(node.get(i), elementType, elementPath(path, i), range, problems);
            ok &= element != null;
            result.add(element);
        }
        return ok ? List.copyOf(result) : null;
    }

    private Object bindMap(JsonNode node, Type valueType, String path, Range range, List<Problem> problems) {
        if (!node.isObject()) {
            return mismatch(problems, path, "an object", node);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        boolean ok = true;
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            Object value = bindValue(entry.getValue(), valueType, childPath(path, entry.getKey()), range, problems);
            ok &= value != null;
            result.put(entry.getKey(), value);
        }
        return ok ? Collections.unmodifiableMap(result) : null;
    }

    private Object bindRecord(JsonNode node, Class<?> cls, String path, List<Problem> problems) {
        if (!node.isObject()) {
            return mismatch(problems, path, "an object", node);
        }
        Shape shape = shapes.computeIfAbsent(cls, Shape::of);
        boolean ok = true;
        // Unknown keys first: a misspelt key explains the "missing required field" reported right after it.
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String key = entry.getKey();
            if (!shape.names().contains(key)) {
                fail(problems, childPath(path, key), "unknown key '" + key + "'; valid keys: " + shape.validKeys());
                ok = false;
            }
        }
        Object[] args = new Object[shape.components().size()];
        for (int i = 0; i < args.length; i++) {
            Component component = shape.components().get(i);
            String componentPath = childPath(path, component.name());
            JsonNode value = node.get(component.name());
            boolean optional = component.defaultNode() != null && component.defaultNode().isNull();
            if (value == null && optional) {
                // @Default("null"): an optional value whose absence means something (e.g. an open-ended regime).
                args[i] = null;
                continue;
            } else if (value == null && component.defaultNode() != null) {
                args[i] = bindDefault(cls, component, componentPath);
            } else if (value == null) {
                fail(problems, componentPath, "missing required field"
                        + (component.doc() == null ? "" : " (" + component.doc() + ")"));
            } else {
                args[i] = bindValue(value, component.type(), componentPath, component.range(), problems);
            }
            ok &= args[i] != null;
        }
        if (!ok) {
            return null;
        }
        try {
            return shape.constructor().newInstance(args);
        } catch (InvocationTargetException e) {
            // Compact constructors validate cross-field rules; their complaint is the user's problem, not a crash.
            if (e.getCause() instanceof IllegalArgumentException invalid) {
                return fail(problems, path, invalid.getMessage() != null ? invalid.getMessage()
                        : "invalid " + cls.getSimpleName());
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("cannot construct " + cls.getName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + cls.getName(), e);
        }
    }

    private Object bindDefault(Class<?> cls, Component component, String path) {
        List<Problem> defaultProblems = new ArrayList<>();
        Object value = bindValue(component.defaultNode(), component.type(), path, component.range(), defaultProblems);
        if (value == null || !defaultProblems.isEmpty()) {
            throw new IllegalStateException("@Default of " + cls.getName() + "." + component.name()
                    + " is invalid: " + defaultProblems);
        }
        return value;
    }

    private static boolean inRange(double value, String shown, Range range, String path, List<Problem> problems) {
        if (range == null || (value >= range.min() && value <= range.max())) {
            return true;
        }
        fail(problems, path, shown + " is outside the allowed range [" + format(range.min()) + ", "
                + format(range.max()) + "]");
        return false;
    }

    // 1.0 prints as "1" and infinities as "∞" so range messages read like the user wrote them.
    static String format(double value) {
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "-∞";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private static String shown(JsonNode node) {
        String text = node.toString();
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN - 1) + "…";
    }

    private static Object mismatch(List<Problem> problems, String path, String expected, JsonNode found) {
        return fail(problems, path, "expected " + expected + ", found " + describe(found));
    }

    private static Object fail(List<Problem> problems, String path, String message) {
        problems.add(new Problem(path, message));
        return null;
    }

    // ---------------------------------------------------------------------------------------------------------------

    private record Component(String name, Type type, Range range, String doc, JsonNode defaultNode) {
    }

    /** Reflection done once per record class. */
    private record Shape(List<Component> components, Set<String> names, String validKeys, Constructor<?> constructor) {

        static Shape of(Class<?> cls) {
            RecordComponent[] recordComponents = cls.getRecordComponents();
            List<Component> components = new ArrayList<>();
            for (RecordComponent rc : recordComponents) {
                Range range = rc.getAnnotation(Range.class);
                if (range != null && !(range.min() <= range.max())) {
                    throw new IllegalStateException("empty @Range on " + cls.getName() + "." + rc.getName());
                }
                Doc doc = rc.getAnnotation(Doc.class);
                Default dflt = rc.getAnnotation(Default.class);
                components.add(new Component(rc.getName(), rc.getGenericType(), range,
                        doc == null ? null : doc.value(),
                        dflt == null ? null : parseDefault(cls, rc, dflt.value())));
            }
            Class<?>[] types = Arrays.stream(recordComponents).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Constructor<?> constructor;
            try {
                constructor = cls.getDeclaredConstructor(types);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("no canonical constructor in " + cls.getName(), e);
            }
            // Records nested in other classes are often not public; if this fails, newInstance reports it.
            constructor.trySetAccessible();
            List<String> names = components.stream().map(Component::name).toList();
            return new Shape(List.copyOf(components), Set.copyOf(names), String.join(", ", names), constructor);
        }

        private static JsonNode parseDefault(Class<?> cls, RecordComponent rc, String text) {
            try {
                JsonNode node = DEFAULT_PARSER.readTree(text);
                if (node != null && !node.isMissingNode()) {
                    return node;
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unparsable @Default(" + text + ") on " + cls.getName() + "."
                        + rc.getName() + ": " + e.getOriginalMessage(), e);
            }
            throw new IllegalStateException("empty @Default on " + cls.getName() + "." + rc.getName());
        }
    }
}
