package escaperoutes.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import escaperoutes.io.JsonBinder;
import escaperoutes.io.Problem;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks that every reader of a file naming numbers of a scenario makes alike (the sweep spec and the
 * calibration spec, and the scenario file's own parsing): the file is strict JSON, each part binds on its own, each
 * path names a number of the scenario, no number is named twice, and each value given for a number leaves a valid
 * scenario. Problems are collected with their JSON paths rather than thrown, so that a reader reports them all at
 * once.
 */
public final class SpecChecks {

    // A key given twice would otherwise silently take the last value.
    private static final ObjectMapper PARSER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final JsonBinder binder = new JsonBinder();
    private final ScenarioReader scenarioReader = new ScenarioReader();

    /** The file's tree, or null after reporting, at the file's name, that it is missing, malformed or unreadable. */
    public static JsonNode parse(Path file, List<Problem> problems) {
        String source = file.toString();
        try {
            return PARSER.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            problems.add(new Problem(source, "file not found"));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            problems.add(new Problem(source, "malformed JSON" + where + ": " + e.getOriginalMessage()));
        } catch (IOException e) {
            problems.add(new Problem(source, "cannot read: " + e.getMessage()));
        }
        return null;
    }

    /** The file's top-level object, or null after reporting why there is none. */
    public static JsonNode parseObject(Path file, List<Problem> problems) {
        JsonNode tree = parse(file, problems);
        if (tree != null && !tree.isObject()) {
            problems.add(new Problem(JsonBinder.ROOT, "expected an object, found " + JsonBinder.describe(tree)));
            return null;
        }
        return tree;
    }

    /**
     * The scenario the file describes, merged onto the files it extends, or null after adding its problems (which
     * name their files) to {@code problems}.
     */
    public ScenarioReader.Read readScenario(Path file, List<Problem> problems) {
        try {
            return scenarioReader.readWithParents(file);
        } catch (InvalidScenarioException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    /**
     * The problems of a file as the user sees them: each path prefixed by the file, except problems of the file as a
     * whole (not found, malformed), which already name it.
     */
    public static List<Problem> inFile(String source, List<Problem> problems) {
        List<Problem> located = new ArrayList<>();
        for (Problem p : problems) {
            located.add(p.path().equals(source) ? p : new Problem(source + ": " + p.path(), p.message()));
        }
        return located;
    }

    /**
     * The top-level part {@code key} bound on its own (problems discarded: binding the whole file reports them),
     * {@code absent} when the key is absent, null when it does not bind; so one part's typo does not hide another
     * part's problems.
     */
    public <T> T part(JsonNode tree, String key, Type type, T absent) {
        JsonNode node = tree.get(key);
        return node == null ? absent : binder.bind(node, type, JsonBinder.childPath(JsonBinder.ROOT, key),
                new ArrayList<>());
    }

    /**
     * Each element of the top-level array {@code key} bound on its own (problems discarded, as for {@link #part}), an
     * element that does not bind being null; null when the key is absent or not an array.
     */
    public <T> List<T> elements(JsonNode tree, String key, Class<T> type) {
        JsonNode nodes = tree.get(key);
        if (nodes == null || !nodes.isArray()) {
            return null;
        }
        String at = JsonBinder.childPath(JsonBinder.ROOT, key);
        List<T> elements = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            elements.add(binder.bind(nodes.get(i), type, JsonBinder.elementPath(at, i), new ArrayList<>()));
        }
        return elements;
    }

    /**
     * Whether there are parameters to check: not when the list did not bind (null), nor, after reporting it at
     * {@code at}, when it is empty.
     */
    public static boolean anyParameters(List<?> parameters, String at, List<Problem> problems) {
        if (parameters == null) {
            return false;
        }
        if (parameters.isEmpty()) {
            problems.add(new Problem(at, "at least one parameter is needed"));
            return false;
        }
        return true;
    }

    /**
     * The parsed path, or null after reporting at {@code at} why it cannot be used; checked on the scenario's tree
     * when there is one.
     */
    public static ScenarioPath path(String text, String at, JsonNode scenarioTree, List<Problem> problems) {
        try {
            ScenarioPath path = ScenarioPath.parse(text);
            if (scenarioTree != null) {
                path.get(scenarioTree);
            }
            return path;
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(at, e.getMessage()));
            return null;
        }
    }

    /**
     * Reports {@code value} at {@code at} when the scenario with the number at {@code path} set to it is invalid;
     * {@code scenarioTree} is the scenario's JSON form, on which the path has been checked.
     */
    public static void checkValue(Scenario scenario, JsonNode scenarioTree, ScenarioPath path, double value, String at,
                           List<Problem> problems) {
        List<Problem> found = new ScenarioVariants(scenario, scenarioTree, List.of(List.of(path)))
                .problemsAt(new double[] {value});
        if (!found.isEmpty()) {
            Problem first = found.get(0);
            // A cross-field rule may complain at another path (e.g. directShare + settleShare); then say where.
            String why = first.path().equals(path.toString()) ? first.message()
                    : first.path() + ": " + first.message();
            problems.add(new Problem(at, format(value) + " is not allowed for " + path + ": " + why));
        }
    }

    // 1.0 prints as "1" so messages read like the user wrote the number.
    public static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /**
     * Which parameter names which number of a scenario. Each number named is overwritten, in a copy of the
     * scenario's tree, with a marker of its own parameter, so two paths that name the same number in different ways
     * ({@code [18]} and {@code [from=hoeryong]}) are found out as well as two identical ones.
     */
    public static final class NumberOwners {
        private final JsonNode markers;

        public NumberOwners(JsonNode scenarioTree) {
            this.markers = scenarioTree.deepCopy();
        }

        /**
         * The first parameter, of those up to {@code index} itself, that already names the number at {@code path};
         * otherwise -1, after recording that parameter {@code index} names it.
         */
        public int claim(ScenarioPath path, int index) {
            double current;
            try {
                current = path.get(markers);
            } catch (IllegalArgumentException e) {
                // A [key=value] step on a number an earlier marker replaced; such a path is no duplicate.
                return -1;
            }
            for (int k = 0; k <= index; k++) {
                if (current == marker(k)) {
                    return k;
                }
            }
            path.set(markers, marker(index));
            return -1;
        }

        // Far outside any scenario value (the largest are populations, ~1e7), and distinct for each parameter.
        private static double marker(int index) {
            return -1e300 * (1 + index);
        }
    }
}
