package escaperoutes.chart;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values that differ between two resolved scenarios, addressed by the paths calibration and inheritance use
 * ({@code $.regimes[name=covid-closure].multipliers.nk_border.attempt}): list elements that carry a unique
 * {@code name} or {@code id} are matched by it, so a regime added in the middle does not make every later one differ.
 * The free-text fields ({@code name}, {@code description}, {@code sources}) are left out.
 */
final class ScenarioDiff {
    private static final Set<String> IGNORED = Set.of("$.name", "$.description", "$.sources");

    /** One difference; a side is null where the value is absent there. */
    record Change(String path, String before, String after) {
    }

    private ScenarioDiff() {
    }

    static List<Change> between(JsonNode before, JsonNode after) {
        Map<String, String> a = flatten(before);
        Map<String, String> b = flatten(after);
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, String> e : a.entrySet()) {
            String other = b.get(e.getKey());
            if (!e.getValue().equals(other)) {
                changes.add(new Change(e.getKey(), e.getValue(), other));
            }
        }
        for (Map.Entry<String, String> e : b.entrySet()) {
            if (!a.containsKey(e.getKey())) {
                changes.add(new Change(e.getKey(), null, e.getValue()));
            }
        }
        return changes;
    }

    /** Every leaf (and empty container) with its path, in document order. */
    static Map<String, String> flatten(JsonNode node) {
        Map<String, String> leaves = new LinkedHashMap<>();
        flatten(node, "$", leaves);
        return leaves;
    }

    private static void flatten(JsonNode node, String path, Map<String, String> into) {
        if (IGNORED.contains(path)) {
            return;
        }
        if (node.isObject() && node.size() > 0) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                flatten(f.getValue(), path + "." + f.getKey(), into);
            }
        } else if (node.isArray() && node.size() > 0) {
            String key = identifyingKey(node);
            for (int i = 0; i < node.size(); i++) {
                JsonNode element = node.get(i);
                String step = key == null ? "[" + i + "]" : "[" + key + "=" + element.get(key).asText() + "]";
                flatten(element, path + step, into);
            }
        } else {
            into.put(path, node.isTextual() ? node.asText() : node.toString());
        }
    }

    /** "name" or "id" if every element is an object with a distinct text value of it, else null. */
    private static String identifyingKey(JsonNode array) {
        for (String key : List.of("name", "id")) {
            Set<String> seen = new HashSet<>();
            boolean usable = true;
            for (JsonNode element : array) {
                JsonNode k = element.get(key);
                if (!element.isObject() || k == null || !k.isTextual() || !seen.add(k.asText())) {
                    usable = false;
                    break;
                }
            }
            if (usable) {
                return key;
            }
        }
        return null;
    }
}
