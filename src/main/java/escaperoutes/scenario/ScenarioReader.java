package escaperoutes.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a scenario file: JSON → {@link Scenario} with defaults filled in, then every cross-field rule checked.
 * All problems are reported together, each as {@code file: $.json.path: what is wrong and what is allowed}.
 */
public final class ScenarioReader {
    // A key given twice would otherwise silently take the last value.
    private static final ObjectMapper PARSER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final JsonBinder binder = new JsonBinder()
            .register(Scenario.DurationSpec.class, (node, path, b, problems) ->
                    bindByDiscriminator(node, path, b, problems, "distribution", Map.of(
                            "fixed", Scenario.DurationSpec.Fixed.class,
                            "uniform", Scenario.DurationSpec.Uniform.class,
                            "exponential", Scenario.DurationSpec.Exponential.class,
                            "lognormal", Scenario.DurationSpec.LogNormal.class,
                            "weibull", Scenario.DurationSpec.Weibull.class)))
            .register(Scenario.EventSpec.class, (node, path, b, problems) ->
                    bindByDiscriminator(node, path, b, problems, "type", Map.of(
                            "massRepatriation", Scenario.EventSpec.MassRepatriation.class,
                            "airlift", Scenario.EventSpec.Airlift.class)))
            .register(Scenario.SexSpecific.class, ScenarioReader::bindSexSpecific);

    /** The object form of {@link Scenario.SexSpecific}. */
    private record SexPair(double female, double male) {
    }

    /** Reads, binds and validates; the scenario returned has every default filled in. */
    public Scenario read(Path file) throws InvalidScenarioException {
        String source = file.toString();
        JsonNode tree;
        try {
            tree = PARSER.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new InvalidScenarioException(source, List.of(new Problem(source, "file not found")));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new InvalidScenarioException(source, List.of(new Problem(source,
                    "malformed JSON" + where + ": " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new InvalidScenarioException(source, List.of(new Problem(source, "cannot read: " + e.getMessage())));
        }
        return fromTree(tree, source);
    }

    /** Binds and validates a tree already parsed; {@code source} names it in messages. */
    public Scenario fromTree(JsonNode tree, String source) throws InvalidScenarioException {
        List<Problem> problems = new ArrayList<>();
        if (tree == null || !tree.isObject()) {
            problems.add(new Problem(JsonBinder.ROOT, "expected an object, found " + JsonBinder.describe(tree)));
            throw new InvalidScenarioException(source, prefixed(source, problems));
        }
        Scenario scenario = binder.bind(tree, Scenario.class, problems);
        if (scenario == null) {
            throw new InvalidScenarioException(source, prefixed(source, problems));
        }
        // Numbers out of range were reported but kept: the rules across fields are checked too, in the same pass.
        Scenario resolved = ScenarioDefaults.fill(scenario);
        new ScenarioValidator(resolved).validate(problems);
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException(source, prefixed(source, problems));
        }
        return resolved;
    }

    private static List<Problem> prefixed(String source, List<Problem> problems) {
        return problems.stream().map(p -> new Problem(source + ": " + p.path(), p.message())).toList();
    }

    private static <T> T bindByDiscriminator(JsonNode node, String path, JsonBinder binder, List<Problem> problems,
                                             String key, Map<String, Class<? extends T>> kinds) {
        String allowed = String.join(", ", kinds.keySet().stream().sorted().toList());
        if (!node.isObject()) {
            problems.add(new Problem(path, "expected an object with \"" + key + "\" (" + allowed + "), found "
                    + JsonBinder.describe(node)));
            return null;
        }
        JsonNode kindNode = node.get(key);
        if (kindNode == null || !kindNode.isTextual()) {
            problems.add(new Problem(JsonBinder.childPath(path, key), "missing required field (one of " + allowed
                    + ")"));
            return null;
        }
        Class<? extends T> kind = kinds.get(kindNode.asText());
        if (kind == null) {
            problems.add(new Problem(JsonBinder.childPath(path, key), "unknown value \"" + kindNode.asText()
                    + "\"; allowed values: " + allowed));
            return null;
        }
        ObjectNode rest = ((ObjectNode) node).deepCopy();
        rest.remove(key);
        return binder.bind(rest, kind, path, problems);
    }

    private static Scenario.SexSpecific bindSexSpecific(JsonNode node, String path, JsonBinder binder,
                                                        List<Problem> problems) {
        if (node.isNumber()) {
            return Scenario.SexSpecific.both(node.asDouble());
        }
        if (node.isObject()) {
            SexPair pair = binder.bind(node, SexPair.class, path, problems);
            return pair == null ? null : new Scenario.SexSpecific(pair.female(), pair.male());
        }
        problems.add(new Problem(path, "expected a number or {\"female\": x, \"male\": y}, found "
                + JsonBinder.describe(node)));
        return null;
    }
}
