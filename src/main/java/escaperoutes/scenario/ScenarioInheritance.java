package escaperoutes.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import escaperoutes.io.JsonBinder;
import escaperoutes.io.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario inheritance: a file with {@code "extends": "parent.json"} (a path relative to the file) is a set of
 * changes to its parent, which may itself extend another file. The changes are merged onto the parent's tree:
 *
 * <ul>
 *   <li>an object merges key by key, recursively; a key the child does not write keeps the parent's value;</li>
 *   <li>{@code null} removes the inherited key (JSON Merge Patch, RFC 7386); there must be one to remove;</li>
 *   <li>any other value — a number, text, or a list — replaces the inherited one;</li>
 *   <li>operators, objects with {@code $} keys, change an inherited value instead of replacing it:
 *     <ul>
 *       <li>{@code {"$append": [...], "$edit": {"[name=x]": {...}}, "$remove": ["[name=y]"]}} on a list: merge
 *           a change into chosen elements, drop chosen elements, add elements at the end. Elements are chosen by
 *           {@code [key=value]} (exactly one element must match) or by position {@code [3]}, always in the
 *           inherited list;</li>
 *       <li>{@code {"$copy": "$.regimes[name=x]", ...}}: a copy of the parent's value at that path (as inherited,
 *           before this file's changes), with the other keys merged onto it;</li>
 *       <li>{@code {"$times": 2}}: the inherited number (or both numbers of a {female, male} pair) times 2.</li>
 *     </ul>
 *   </li>
 * </ul>
 *
 * The merged tree is then read and validated like any scenario. Each value of it remembers the file it came from,
 * so that a problem found later is reported against that file ({@link Merged#fileOf}). Problems of the merge itself
 * are reported with the child file and the path as written in it.
 */
final class ScenarioInheritance {
    static final String EXTENDS = "extends";
    static final String APPEND = "$append";
    static final String EDIT = "$edit";
    static final String REMOVE = "$remove";
    static final String COPY = "$copy";
    static final String TIMES = "$times";
    private static final Set<String> OPERATORS = new LinkedHashSet<>(List.of(APPEND, EDIT, REMOVE, COPY, TIMES));
    private static final Set<String> LIST_OPERATORS = Set.of(APPEND, EDIT, REMOVE);
    /** An operator key: {@code $} and letters. Keys such as {@code $.legs[2]} (used by {@code sources}) are not. */
    private static final Pattern OPERATOR_KEY = Pattern.compile("\\$[A-Za-z]+");
    private static final Pattern SELECTOR = Pattern.compile("\\[(\\d+)\\]|\\[([A-Za-z_][A-Za-z0-9_]*)=([^\\]]+)\\]");

    /**
     * Which file each part of the merged tree came from. A node without an entry for a key or element inherits
     * the file of its container, so a subtree taken whole from one file needs a single {@code Origin}.
     */
    private static final class Origin {
        final String file;
        final Map<String, Origin> fields = new HashMap<>();
        /** Keys removed with {@code null}, and the file that removed them. */
        final Map<String, String> removed = new HashMap<>();
        /** One origin per element once a list operator has changed this list; null while the list is whole. */
        List<Origin> elements;

        Origin(String file) {
            this.file = file;
        }

        Origin field(String key) {
            Origin o = fields.get(key);
            return o != null ? o : new Origin(file);
        }

        List<Origin> elements(int size) {
            if (elements == null) {
                elements = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    elements.add(new Origin(file));
                }
            }
            return elements;
        }
    }

    /** A node of the merged tree with its origin. */
    private record Value(JsonNode node, Origin origin) {
    }

    /** One file of a chain: its tree (without {@code extends}) and how it names itself in messages. */
    record Layer(String file, ObjectNode tree) {
    }

    /** The merged tree of a chain and, for problems found in it later, the file each value came from. */
    static final class Merged {
        /** A JSON path inside a message, such as the other regime named in an overlap: $.regimes[6]. */
        private static final Pattern MENTIONED = Pattern.compile("\\$(?:\\.[A-Za-z_][A-Za-z0-9_]*|\\[[^\\]]*\\])+");

        private final JsonNode tree;
        private final Origin origin;
        /** The files of the chain, root first: a later file's changes are merged over an earlier one's. */
        private final List<String> chain;
        private Map<String, String> fileByPath;

        private Merged(JsonNode tree, Origin origin, List<String> chain) {
            this.tree = tree;
            this.origin = origin;
            this.chain = List.copyOf(chain);
        }

        JsonNode tree() {
            return tree;
        }

        /**
         * The file to name for a problem found in the merged tree: the last file in the chain that wrote a value
         * at or under the problem's path, or under a path its message names (the other regime of an overlap).
         * For a single value that is the file it came from; for a rule across values (an overlap, a dead end) it
         * is the file whose changes broke the rule, when the files before it were sound on their own.
         */
        String fileOf(Problem problem) {
            if (fileByPath == null) {
                fileByPath = new HashMap<>();
                collect(tree, origin, JsonBinder.ROOT, origin.file, fileByPath);
            }
            int latest = chain.indexOf(valueFile(problem.path()));
            latest = Math.max(latest, latestUnder(problem.path()));
            Matcher mentioned = MENTIONED.matcher(problem.message());
            while (mentioned.find()) {
                latest = Math.max(latest, latestUnder(mentioned.group()));
            }
            return chain.get(Math.max(latest, 0));
        }

        /** The file of the value at {@code path}: that of the deepest part of it that exists or was removed. */
        private String valueFile(String path) {
            String best = origin.file;
            int bestLength = -1;
            for (Map.Entry<String, String> entry : fileByPath.entrySet()) {
                if (entry.getKey().length() > bestLength && contains(entry.getKey(), path)) {
                    best = entry.getValue();
                    bestLength = entry.getKey().length();
                }
            }
            return best;
        }

        /** The position in the chain of the last file that wrote something at or under {@code path}; -1 if none. */
        private int latestUnder(String path) {
            int latest = -1;
            for (Map.Entry<String, String> entry : fileByPath.entrySet()) {
                if (contains(path, entry.getKey())) {
                    latest = Math.max(latest, chain.indexOf(entry.getValue()));
                }
            }
            return latest;
        }

        /** Whether {@code inner} is {@code outer} or a path below it ($.legs[1] does not contain $.legs[12]). */
        private static boolean contains(String outer, String inner) {
            return inner.startsWith(outer) && (inner.length() == outer.length()
                    || inner.charAt(outer.length()) == '.' || inner.charAt(outer.length()) == '[');
        }

        private static void collect(JsonNode node, Origin origin, String path, String inherited,
                                    Map<String, String> out) {
            String file = origin != null ? origin.file : inherited;
            out.put(path, file);
            if (origin != null) {
                origin.removed.forEach((key, by) -> out.put(JsonBinder.childPath(path, key), by));
            }
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> entry : node.properties()) {
                    Origin child = origin == null ? null : origin.fields.get(entry.getKey());
                    collect(entry.getValue(), child, JsonBinder.childPath(path, entry.getKey()), file, out);
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    Origin child = origin == null || origin.elements == null ? null : origin.elements.get(i);
                    collect(node.get(i), child, JsonBinder.elementPath(path, i), file, out);
                }
            }
        }
    }

    private final List<Problem> problems = new ArrayList<>();
    /** The file being merged onto its parent, for the origins of the values it writes and for its problems. */
    private String file;
    /** The parent as inherited, before this file's changes: what {@code $copy} reads. */
    private JsonNode parent;

    private ScenarioInheritance() {
    }

    /**
     * Merges a chain, root first, each layer onto the merge of those before it. Problems of the merge are added
     * to {@code problems} as {@code file: $.path in that file}; the result is then not to be used.
     */
    static Merged merge(List<Layer> chain, List<Problem> problems) {
        ScenarioInheritance merger = new ScenarioInheritance();
        Layer root = chain.get(0);
        Value merged = new Value(root.tree().deepCopy(), new Origin(root.file()));
        for (Layer layer : chain.subList(1, chain.size())) {
            merger.file = layer.file();
            merger.parent = merged.node().deepCopy();
            Value next = merger.merge(merged, layer.tree(), JsonBinder.ROOT);
            if (next != null) {
                merged = next;
            }
        }
        problems.addAll(merger.problems);
        return new Merged(merged.node(), merged.origin(), chain.stream().map(Layer::file).toList());
    }

    /**
     * The operators in a file that extends nothing, where they have nothing to act on: each is reported, since
     * the binder would otherwise only say that an object was not the expected list or number.
     */
    static void reportOperatorsWithoutParent(JsonNode node, String path, String file, List<Problem> problems) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String at = JsonBinder.childPath(path, entry.getKey());
                if (OPERATORS.contains(entry.getKey())) {
                    problems.add(new Problem(file + ": " + at, entry.getKey() + " changes an inherited value, but "
                            + "this file has no \"" + EXTENDS + "\""));
                } else {
                    reportOperatorsWithoutParent(entry.getValue(), at, file, problems);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                reportOperatorsWithoutParent(node.get(i), JsonBinder.elementPath(path, i), file, problems);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** {@code patch} (at {@code at} in the child file) merged onto {@code base} (null: nothing inherited). */
    private Value merge(Value base, JsonNode patch, String at) {
        if (patch.isObject()) {
            return isOperator((ObjectNode) patch) ? operators(base, (ObjectNode) patch, at)
                    : mergeObject(base, (ObjectNode) patch, at);
        }
        if (patch.isArray()) {
            // A list replaces the inherited one; its elements may still copy from the parent.
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            Origin origin = new Origin(file);
            origin.elements = new ArrayList<>();
            for (int i = 0; i < patch.size(); i++) {
                Value element = merge(null, patch.get(i), JsonBinder.elementPath(at, i));
                list.add(element == null ? patch.get(i).deepCopy() : element.node());
                origin.elements.add(element == null ? new Origin(file) : element.origin());
            }
            return new Value(list, origin);
        }
        return new Value(patch.deepCopy(), new Origin(file));
    }

    private Value mergeObject(Value base, ObjectNode patch, String at) {
        boolean inherits = base != null && base.node().isObject();
        ObjectNode result = inherits ? (ObjectNode) base.node() : JsonNodeFactory.instance.objectNode();
        Origin origin = inherits ? base.origin() : new Origin(file);
        for (Map.Entry<String, JsonNode> entry : patch.properties()) {
            String key = entry.getKey();
            String keyAt = JsonBinder.childPath(at, key);
            if (entry.getValue().isNull()) {
                if (result.has(key)) {
                    result.remove(key);
                    origin.fields.remove(key);
                    origin.removed.put(key, file);
                } else {
                    problems.add(new Problem(file + ": " + keyAt, "null removes an inherited key, but nothing is "
                            + "inherited here"));
                }
                continue;
            }
            Value inherited = result.has(key) ? new Value(result.get(key), origin.field(key)) : null;
            Value merged = merge(inherited, entry.getValue(), keyAt);
            if (merged != null) {
                result.set(key, merged.node());
                origin.fields.put(key, merged.origin());
                origin.removed.remove(key);
            }
        }
        return new Value(result, origin);
    }

    private static boolean isOperator(ObjectNode node) {
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (OPERATOR_KEY.matcher(entry.getKey()).matches()) {
                return true;
            }
        }
        return false;
    }

    /** An object with operator keys; null after reporting a problem. */
    private Value operators(Value base, ObjectNode patch, String at) {
        Set<String> ops = new LinkedHashSet<>();
        List<String> plain = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : patch.properties()) {
            String key = entry.getKey();
            if (OPERATORS.contains(key)) {
                ops.add(key);
            } else if (OPERATOR_KEY.matcher(key).matches()) {
                problems.add(new Problem(file + ": " + JsonBinder.childPath(at, key), "unknown operator '" + key
                        + "'; operators: " + String.join(", ", OPERATORS)));
                return null;
            } else {
                plain.add(key);
            }
        }
        if (ops.contains(COPY)) {
            if (ops.size() > 1) {
                return misuse(at, COPY + " takes the other keys of its object as changes to the copy, not other "
                        + "operators; found " + String.join(", ", ops));
            }
            return copy(patch, at);
        }
        if (ops.contains(TIMES)) {
            if (ops.size() > 1 || !plain.isEmpty()) {
                return misuse(at, "{\"" + TIMES + "\": k} stands alone; found other keys beside it");
            }
            return times(base, patch.get(TIMES), at);
        }
        if (!plain.isEmpty()) {
            return misuse(JsonBinder.childPath(at, plain.get(0)), "an object of list operators holds only "
                    + String.join(", ", LIST_OPERATORS.stream().sorted().toList()) + "; found '" + plain.get(0)
                    + "'");
        }
        return listOperators(base, patch, at);
    }

    private Value copy(ObjectNode patch, String at) {
        String copyAt = JsonBinder.childPath(at, COPY);
        JsonNode pathText = patch.get(COPY);
        if (!pathText.isTextual()) {
            return misuse(copyAt, "expected a path into the parent scenario such as "
                    + "\"$.regimes[name=buffer-zone]\", found " + JsonBinder.describe(pathText));
        }
        JsonNode source;
        try {
            source = ScenarioPath.parse(pathText.textValue()).node(parent);
        } catch (IllegalArgumentException e) {
            return misuse(copyAt, "cannot copy from the parent scenario: " + e.getMessage());
        }
        // The copy is this file's doing: a problem in it is reported against this file.
        Value copied = new Value(source.deepCopy(), new Origin(file));
        ObjectNode changes = patch.deepCopy();
        changes.remove(COPY);
        if (changes.isEmpty()) {
            return copied;
        }
        if (!source.isObject()) {
            return misuse(at, "the copy of " + pathText.textValue() + " is " + JsonBinder.describe(source)
                    + ", so it cannot take the other keys of this object");
        }
        return mergeObject(copied, changes, at);
    }

    private Value times(Value base, JsonNode factor, String at) {
        String timesAt = JsonBinder.childPath(at, TIMES);
        if (!factor.isNumber() || !Double.isFinite(factor.doubleValue())) {
            return misuse(timesAt, "expected a number, found " + JsonBinder.describe(factor));
        }
        double k = factor.doubleValue();
        if (base == null) {
            return misuse(at, TIMES + " multiplies an inherited number, but nothing is inherited here");
        }
        JsonNode value = base.node();
        if (value.isNumber()) {
            return new Value(JsonNodeFactory.instance.numberNode(value.doubleValue() * k), new Origin(file));
        }
        if (value.isObject() && value.size() == 2 && value.path("female").isNumber()
                && value.path("male").isNumber()) {
            ObjectNode bySex = JsonNodeFactory.instance.objectNode()
                    .put("female", value.get("female").doubleValue() * k)
                    .put("male", value.get("male").doubleValue() * k);
            return new Value(bySex, new Origin(file));
        }
        return misuse(at, TIMES + " multiplies a number or a {female, male} pair, but the inherited value is "
                + JsonBinder.describe(value));
    }

    private Value listOperators(Value base, ObjectNode patch, String at) {
        if (base == null || !base.node().isArray()) {
            return misuse(at, String.join(", ", patch.properties().stream().map(Map.Entry::getKey).toList())
                    + " change an inherited list, but the inherited value here is "
                    + (base == null ? "nothing" : JsonBinder.describe(base.node())));
        }
        ArrayNode inherited = (ArrayNode) base.node();
        List<Origin> origins = base.origin().elements(inherited.size());
        int before = problems.size();

        // Elements are chosen in the inherited list, before any change, so that the order of operators is moot.
        Map<Integer, String> chosenBy = new TreeMap<>();
        Map<Integer, JsonNode> edits = new LinkedHashMap<>();
        JsonNode edit = patch.get(EDIT);
        if (edit != null) {
            String editAt = JsonBinder.childPath(at, EDIT);
            if (!edit.isObject()) {
                return misuse(editAt, "expected an object of \"[key=value]\": {changes}, found "
                        + JsonBinder.describe(edit));
            }
            for (Map.Entry<String, JsonNode> entry : edit.properties()) {
                String selectorAt = JsonBinder.childPath(editAt, entry.getKey());
                int index = select(inherited, entry.getKey(), selectorAt, chosenBy);
                if (index >= 0) {
                    edits.put(index, entry.getValue());
                }
            }
        }
        Set<Integer> removals = new LinkedHashSet<>();
        JsonNode remove = patch.get(REMOVE);
        if (remove != null) {
            String removeAt = JsonBinder.childPath(at, REMOVE);
            if (!remove.isArray()) {
                return misuse(removeAt, "expected a list of \"[key=value]\" or \"[position]\", found "
                        + JsonBinder.describe(remove));
            }
            for (int i = 0; i < remove.size(); i++) {
                String selectorAt = JsonBinder.elementPath(removeAt, i);
                if (!remove.get(i).isTextual()) {
                    misuse(selectorAt, "expected \"[key=value]\" or \"[position]\", found "
                            + JsonBinder.describe(remove.get(i)));
                    continue;
                }
                int index = select(inherited, remove.get(i).textValue(), selectorAt, chosenBy);
                if (index >= 0) {
                    removals.add(index);
                }
            }
        }
        JsonNode append = patch.get(APPEND);
        if (append != null && !append.isArray()) {
            return misuse(JsonBinder.childPath(at, APPEND), "expected a list of elements to add, found "
                    + JsonBinder.describe(append));
        }
        if (problems.size() > before) {
            return null;
        }

        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        List<Origin> resultOrigins = new ArrayList<>();
        for (int i = 0; i < inherited.size(); i++) {
            if (removals.contains(i)) {
                continue;
            }
            Value element = new Value(inherited.get(i), origins.get(i));
            if (edits.containsKey(i)) {
                String editAt = JsonBinder.childPath(JsonBinder.childPath(at, EDIT), chosenBy.get(i));
                Value edited = merge(element, edits.get(i), editAt);
                element = edited == null ? element : edited;
            }
            result.add(element.node());
            resultOrigins.add(element.origin());
        }
        if (append != null) {
            for (int i = 0; i < append.size(); i++) {
                Value added = merge(null, append.get(i), JsonBinder.elementPath(JsonBinder.childPath(at, APPEND), i));
                result.add(added == null ? append.get(i).deepCopy() : added.node());
                resultOrigins.add(added == null ? new Origin(file) : added.origin());
            }
        }
        Origin origin = new Origin(base.origin().file);
        origin.elements = resultOrigins;
        return new Value(result, origin);
    }

    /**
     * The position in {@code list} of the one element {@code selector} names; -1 after reporting a problem. An
     * element may be chosen once per list.
     */
    private int select(ArrayNode list, String selector, String at, Map<Integer, String> chosenBy) {
        Matcher m = SELECTOR.matcher(selector);
        if (!m.matches()) {
            misuse(at, "cannot read \"" + selector + "\": choose an element by \"[key=value]\", e.g. "
                    + "\"[name=buffer-zone]\", or by position, e.g. \"[3]\"");
            return -1;
        }
        int index;
        if (m.group(1) != null) {
            index = Integer.parseInt(m.group(1));
            if (index >= list.size()) {
                misuse(at, "the inherited list has " + list.size() + " elements, so no " + selector);
                return -1;
            }
        } else {
            String key = m.group(2);
            String value = m.group(3);
            index = -1;
            List<String> present = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode k = list.get(i).get(key);
                if (k == null || !k.isValueNode()) {
                    continue;
                }
                present.add(k.asText());
                if (k.asText().equals(value)) {
                    if (index >= 0) {
                        misuse(at, "several inherited elements have " + key + " = " + value
                                + "; choose by position instead");
                        return -1;
                    }
                    index = i;
                }
            }
            if (index < 0) {
                misuse(at, "no inherited element has " + key + " = " + value + (present.isEmpty() ? ""
                        : "; " + key + " of the inherited elements: " + String.join(", ", present)));
                return -1;
            }
        }
        String earlier = chosenBy.putIfAbsent(index, selector);
        if (earlier != null) {
            misuse(at, "element " + index + " of the inherited list is already chosen by \"" + earlier
                    + "\" in this object; change or remove an element once");
            return -1;
        }
        return index;
    }

    private Value misuse(String at, String message) {
        problems.add(new Problem(file + ": " + at, message));
        return null;
    }
}
