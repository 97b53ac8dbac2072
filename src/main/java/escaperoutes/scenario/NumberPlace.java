package escaperoutes.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import escaperoutes.io.JsonBinder;
import escaperoutes.io.Problem;
import escaperoutes.io.Range;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where one number of a scenario lies among its records — each step a record component, a map key or a list
 * position, found once from a {@link ScenarioPath} on the scenario's JSON form — and the rule the binder applies to a
 * number there (whole or not, its {@link Range}). A copy of the scenario with another value there is made by copying
 * the records along the way, and the value is checked as {@link JsonBinder} checks a number read from a file, with
 * the same messages, so that a scenario changed here reports what the same change written in its file would.
 */
final class NumberPlace {

    /** What the number is, as {@link ScenarioPath#set} writes it: a per-sex value is set for both sexes. */
    private enum Kind { REAL, WHOLE_INT, WHOLE_LONG, BOTH_SEXES }

    private final Object[] steps;
    private final Kind kind;
    private final Range range;
    private final String jsonPath;
    // The position of each step among its siblings: the order in which the binder visits, and reports, numbers.
    private final int[] order;

    private NumberPlace(Object[] steps, Kind kind, Range range, String jsonPath, int[] order) {
        this.steps = steps;
        this.kind = kind;
        this.range = range;
        this.jsonPath = jsonPath;
        this.order = order;
    }

    /** The number {@code path} names in {@code base}; IllegalArgumentException as {@link ScenarioPath#get}. */
    static NumberPlace of(Scenario base, JsonNode baseTree, ScenarioPath path) {
        List<Object> steps = path.locate(baseTree);
        Object node = base;
        Type type = Scenario.class;
        Range range = null;
        String jsonPath = JsonBinder.ROOT;
        int[] order = new int[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            Object step = steps.get(i);
            if (node instanceof Record record) {
                RecordComponent component = Records.component(record.getClass(), (String) step);
                order[i] = Records.indexOf(record.getClass(), component);
                type = component.getGenericType();
                range = component.getAnnotation(Range.class);
                node = Records.value(record, component);
                jsonPath = JsonBinder.childPath(jsonPath, (String) step);
            } else if (node instanceof Map<?, ?> map) {
                order[i] = new ArrayList<>(map.keySet()).indexOf(step);
                type = ((ParameterizedType) type).getActualTypeArguments()[1];
                node = map.get(step);
                jsonPath = JsonBinder.childPath(jsonPath, (String) step);
            } else if (node instanceof List<?> list) {
                order[i] = (Integer) step;
                type = ((ParameterizedType) type).getActualTypeArguments()[0];
                node = list.get((Integer) step);
                jsonPath = JsonBinder.elementPath(jsonPath, (Integer) step);
            } else {
                throw new IllegalStateException(path + ": no record, map or list at step " + (i + 1));
            }
        }
        Kind kind = type == double.class || type == Double.class ? Kind.REAL
                : type == int.class || type == Integer.class ? Kind.WHOLE_INT
                : type == long.class || type == Long.class ? Kind.WHOLE_LONG
                : type == Scenario.SexSpecific.class ? Kind.BOTH_SEXES
                : null;
        if (kind == null) {
            throw new IllegalStateException(path + ": a number of type " + type.getTypeName());
        }
        return new NumberPlace(steps.toArray(), kind, range, jsonPath, order);
    }

    /** The path of the number as the binder names it: positions, not selectors. */
    String jsonPath() {
        return jsonPath;
    }

    /** Compares two numbers by the order in which the binder reads a scenario, and reports its problems. */
    int compareOrder(NumberPlace other) {
        return Arrays.compare(order, other.order);
    }

    /** A copy of {@code scenario} with {@code value} here (rounded for a whole number, for both sexes if per sex). */
    Scenario set(Scenario scenario, double value) {
        Object number = switch (kind) {
            case REAL -> value;
            case WHOLE_INT -> (int) Math.round(value);
            case WHOLE_LONG -> Math.round(value);
            case BOTH_SEXES -> Scenario.SexSpecific.both(value);
        };
        return (Scenario) with(scenario, 0, number);
    }

    private Object with(Object node, int depth, Object number) {
        if (depth == steps.length) {
            return number;
        }
        Object step = steps[depth];
        if (node instanceof Record record) {
            RecordComponent component = Records.component(record.getClass(), (String) step);
            return Records.copy(record, component, with(Records.value(record, component), depth + 1, number));
        }
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>(map);
            copy.put(step, with(map.get(step), depth + 1, number));
            return Collections.unmodifiableMap(copy);
        }
        List<Object> copy = new ArrayList<>((List<?>) node);
        int position = (Integer) step;
        copy.set(position, with(copy.get(position), depth + 1, number));
        return List.copyOf(copy);
    }

    /**
     * Adds the problems the binder reports for {@code value} read here from a file; false when it could not bind it
     * at all (the scenario is then not checked further, as a file that does not bind is not).
     */
    boolean check(double value, List<Problem> problems) {
        switch (kind) {
            case REAL -> {
                if (!Double.isFinite(value)) {
                    problems.add(notFinite(jsonPath, value));
                    return false;
                }
                checkRange(value, format(value), problems);
            }
            case BOTH_SEXES -> {
                if (!Double.isFinite(value)) {
                    problems.add(notFinite(JsonBinder.childPath(jsonPath, "female"), value));
                    problems.add(notFinite(JsonBinder.childPath(jsonPath, "male"), value));
                    return false;
                }
            }
            case WHOLE_INT -> {
                long whole = Math.round(value);
                if (whole < Integer.MIN_VALUE || whole > Integer.MAX_VALUE) {
                    problems.add(new Problem(jsonPath, "expected a whole number between " + Integer.MIN_VALUE
                            + " and " + Integer.MAX_VALUE + ", found " + whole));
                    return false;
                }
                checkRange(whole, Long.toString(whole), problems);
            }
            case WHOLE_LONG -> {
                long whole = Math.round(value);
                checkRange(whole, Long.toString(whole), problems);
            }
            default -> throw new IllegalStateException();
        }
        return true;
    }

    private void checkRange(double value, String shown, List<Problem> problems) {
        if (range != null && !(value >= range.min() && value <= range.max())) {
            problems.add(new Problem(jsonPath, shown + " is outside the allowed range [" + format(range.min()) + ", "
                    + format(range.max()) + "]"));
        }
    }

    private static Problem notFinite(String path, double value) {
        return new Problem(path, "expected a finite number, found "
                + JsonBinder.describe(JsonNodeFactory.instance.numberNode(value)));
    }

    // As the binder prints numbers: 1.0 as "1", infinities as "∞".
    private static String format(double value) {
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "-∞";
        }
        return SpecChecks.format(value);
    }

    /** The components of record classes, read and copied with one replaced; the reflection is done once a class. */
    private static final class Records {
        private record Shape(RecordComponent[] components, Constructor<?> constructor) {
        }

        private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
            @Override
            protected Shape computeValue(Class<?> type) {
                RecordComponent[] components = type.getRecordComponents();
                try {
                    Constructor<?> constructor = type.getDeclaredConstructor(Arrays.stream(components)
                            .map(RecordComponent::getType).toArray(Class<?>[]::new));
                    constructor.setAccessible(true);
                    Arrays.stream(components).forEach(c -> c.getAccessor().setAccessible(true));
                    return new Shape(components, constructor);
                } catch (NoSuchMethodException e) {
                    throw new IllegalStateException("no canonical constructor in " + type.getName(), e);
                }
            }
        };

        static RecordComponent component(Class<?> type, String name) {
            for (RecordComponent c : SHAPES.get(type).components()) {
                if (c.getName().equals(name)) {
                    return c;
                }
            }
            throw new IllegalStateException(type.getName() + " has no component " + name);
        }

        static int indexOf(Class<?> type, RecordComponent component) {
            return Arrays.asList(SHAPES.get(type).components()).indexOf(component);
        }

        static Object value(Record record, RecordComponent component) {
            try {
                return component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component, e);
            }
        }

        static Record copy(Record record, RecordComponent replaced, Object value) {
            Shape shape = SHAPES.get(record.getClass());
            Object[] values = new Object[shape.components().length];
            for (int i = 0; i < values.length; i++) {
                RecordComponent c = shape.components()[i];
                values[i] = c.equals(replaced) ? value : value(record, c);
            }
            try {
                return (Record) shape.constructor().newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot copy " + record.getClass().getName(), e);
            }
        }
    }
}
