package escaperoutes.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import escaperoutes.io.JsonBinder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The address of a value in a scenario file, for calibration, sweeps and a child scenario's {@code $copy}:
 * {@code $.attempts.attemptsPerYear}, {@code $.legs[18].arrest},
 * {@code $.regimes[name=buffer-zone].multipliers.china_life.departure}. A list element is chosen by position
 * ({@code [3]}) or by the value of one of its keys ({@code [name=...]}, {@code [id=...]}), so a path stays right
 * when elements are added before it. Paths work on the scenario's JSON form, where {@link ScenarioVariants} locates
 * them once to set numbers in copies of the records.
 */
public final class ScenarioPath {
    private static final Pattern STEP = Pattern.compile("\\.([A-Za-z_][A-Za-z0-9_]*)|\\[(\\d+)\\]|\\[([A-Za-z]+)=([^\\]]+)\\]");

    /** One step: a key of an object, a position in a list, or the list element whose {@code key} is {@code value}. */
    private record Step(String field, int index, String key, String value) {
        @Override
        public String toString() {
            if (field != null) {
                return "." + field;
            }
            return index >= 0 ? "[" + index + "]" : "[" + key + "=" + value + "]";
        }
    }

    private final String text;
    private final List<Step> steps;

    private ScenarioPath(String text, List<Step> steps) {
        this.text = text;
        this.steps = steps;
    }

    /** Parses a path; IllegalArgumentException with what is wrong and the syntax. */
    public static ScenarioPath parse(String text) {
        if (!text.startsWith("$")) {
            throw new IllegalArgumentException("a path starts with $, e.g. $.attempts.attemptsPerYear; found \""
                    + text + "\"");
        }
        List<Step> steps = new ArrayList<>();
        Matcher m = STEP.matcher(text);
        int at = 1;
        while (at < text.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new IllegalArgumentException("cannot read \"" + text + "\" from character " + (at + 1)
                        + ": use .key, [index] or [key=value] steps, e.g. $.regimes[name=buffer-zone].start");
            }
            if (m.group(1) != null) {
                steps.add(new Step(m.group(1), -1, null, null));
            } else if (m.group(2) != null) {
                steps.add(new Step(null, Integer.parseInt(m.group(2)), null, null));
            } else {
                steps.add(new Step(null, -1, m.group(3), m.group(4)));
            }
            at = m.end();
        }
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("the path \"" + text + "\" names the whole scenario, not a number");
        }
        return new ScenarioPath(text, List.copyOf(steps));
    }

    @Override
    public String toString() {
        return text;
    }

    /**
     * The number at this path; IllegalArgumentException naming the step that does not exist. A per-sex value
     * ({@code {"female": x, "male": y}}) counts as one number when both are equal.
     */
    public double get(JsonNode root) {
        JsonNode node = resolve(root, steps.size());
        JsonNode value = child(node, steps.get(steps.size() - 1), steps.size() - 1);
        if (isPerSex(value)) {
            if (value.get("female").asDouble() != value.get("male").asDouble()) {
                throw new IllegalArgumentException(text + ": this value differs by sex; free " + text
                        + ".female and/or " + text + ".male");
            }
            return value.get("female").asDouble();
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException(text + ": expected a number, found " + JsonBinder.describe(value));
        }
        return value.asDouble();
    }

    /** The value at this path, of any kind (a number, text, an object, a list); IllegalArgumentException as above. */
    public JsonNode node(JsonNode root) {
        JsonNode parent = resolve(root, steps.size());
        return child(parent, steps.get(steps.size() - 1), steps.size() - 1);
    }

    /**
     * Sets the number at this path in {@code root} (changed in place); the key or element must exist. A per-sex
     * value is set for both sexes; a whole number stays whole (the value is rounded), since the scenario's
     * whole-number fields (persons, populations) accept nothing else.
     */
    public void set(JsonNode root, double value) {
        get(root);
        JsonNode parent = resolve(root, steps.size());
        Step last = steps.get(steps.size() - 1);
        JsonNode current = child(parent, last, steps.size() - 1);
        JsonNode replacement;
        if (isPerSex(current)) {
            ObjectNode both = ((ObjectNode) current).deepCopy();
            both.put("female", value).put("male", value);
            replacement = both;
        } else if (current.isIntegralNumber()) {
            replacement = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.numberNode(Math.round(value));
        } else {
            replacement = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.numberNode(value);
        }
        if (last.field() != null) {
            ((ObjectNode) parent).set(last.field(), replacement);
        } else {
            ArrayNode array = (ArrayNode) parent;
            array.set(positionIn(array, last, steps.size() - 1), replacement);
        }
    }

    /**
     * The steps this path takes through {@code root}, each a key ({@code String}) or a position ({@code Integer}),
     * every {@code [key=value]} step replaced by the position it chooses there; IllegalArgumentException as
     * {@link #get}.
     */
    List<Object> locate(JsonNode root) {
        get(root);
        List<Object> located = new ArrayList<>(steps.size());
        JsonNode node = root;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            located.add(step.field() != null ? step.field() : Integer.valueOf(positionIn((ArrayNode) node, step, i)));
            node = child(node, step, i);
        }
        return located;
    }

    private static boolean isPerSex(JsonNode node) {
        return node.isObject() && node.size() == 2 && node.path("female").isNumber() && node.path("male").isNumber();
    }

    /** The node reached after the first {@code count - 1} steps (the parent of the last step's target). */
    private JsonNode resolve(JsonNode root, int count) {
        JsonNode node = root;
        for (int i = 0; i < count - 1; i++) {
            node = child(node, steps.get(i), i);
        }
        return node;
    }

    private JsonNode child(JsonNode node, Step step, int i) {
        String where = prefix(i);
        if (step.field() != null) {
            if (!node.isObject()) {
                throw new IllegalArgumentException(text + ": " + where + " is " + JsonBinder.describe(node)
                        + ", not an object with key '" + step.field() + "'");
            }
            JsonNode child = node.get(step.field());
            if (child == null) {
                List<String> keys = new ArrayList<>();
                Iterator<String> names = node.fieldNames();
                names.forEachRemaining(keys::add);
                throw new IllegalArgumentException(text + ": " + where + " has no key '" + step.field()
                        + "'; its keys: " + String.join(", ", keys));
            }
            return child;
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException(text + ": " + where + " is " + JsonBinder.describe(node)
                    + ", not a list");
        }
        return node.get(positionIn((ArrayNode) node, step, i));
    }

    private int positionIn(ArrayNode array, Step step, int i) {
        if (step.index() >= 0) {
            if (step.index() >= array.size()) {
                throw new IllegalArgumentException(text + ": " + prefix(i) + " has " + array.size()
                        + " elements, so no [" + step.index() + "]");
            }
            return step.index();
        }
        int found = -1;
        for (int k = 0; k < array.size(); k++) {
            JsonNode key = array.get(k).get(step.key());
            if (key != null && key.isValueNode() && key.asText().equals(step.value())) {
                if (found >= 0) {
                    throw new IllegalArgumentException(text + ": " + prefix(i) + " has several elements with "
                            + step.key() + " = " + step.value() + "; use a position instead");
                }
                found = k;
            }
        }
        if (found < 0) {
            throw new IllegalArgumentException(text + ": " + prefix(i) + " has no element with " + step.key()
                    + " = " + step.value());
        }
        return found;
    }

    private String prefix(int i) {
        StringBuilder b = new StringBuilder("$");
        for (int k = 0; k < i; k++) {
            b.append(steps.get(k));
        }
        return b.toString();
    }
}
