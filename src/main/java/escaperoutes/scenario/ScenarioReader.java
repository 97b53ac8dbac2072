package escaperoutes.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import escaperoutes.io.JsonBinder;
import escaperoutes.io.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a scenario file: JSON → {@link Scenario} with defaults filled in, then every cross-field rule checked.
 * A file with {@code "extends"} is first merged onto its parent ({@link ScenarioInheritance}). All problems are
 * reported together, each as {@code file: $.json.path: what is wrong and what is allowed}, where the file is the
 * one the wrong value came from.
 */
public final class ScenarioReader {
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

    /**
     * A scenario and the files it was read from: the file named, then the file it extends, and so on to the file
     * that extends nothing.
     */
    public record Read(Scenario scenario, List<Path> files) {
        public Read {
            files = List.copyOf(files);
        }
    }

    /**
     * Reads, merges onto its parents (see {@link ScenarioInheritance}), binds and validates; the scenario returned
     * has every default filled in.
     */
    public Scenario read(Path file) throws InvalidScenarioException {
        return readWithParents(file).scenario();
    }

    /** As {@link #read}, also naming every file the scenario was built from. */
    public Read readWithParents(Path file) throws InvalidScenarioException {
        String source = file.toString();
        List<ScenarioInheritance.Layer> chain = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        layers(file, source, chain, files);
        return new Read(merged(chain, source), files);
    }

    /**
     * {@code file} read as if the file {@code ancestor} of its chain of {@code extends} held {@code ancestorTree}, a
     * complete scenario (say the base scenario at a posterior draw, as {@link escaperoutes.io.Json} writes it): the
     * files between them are merged onto that tree as they are onto the ancestor's own, so that their {@code $copy}
     * and {@code $times} take the tree's values. Empty if {@code ancestor} is not in the chain.
     *
     * @param ancestorLabel how messages name the substituted tree
     */
    public Optional<Scenario> readOnto(Path file, Path ancestor, JsonNode ancestorTree, String ancestorLabel)
            throws InvalidScenarioException {
        String source = file.toString();
        List<ScenarioInheritance.Layer> chain = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        layers(file, source, chain, files);
        int at = -1;
        for (int i = 0; i < files.size(); i++) {
            if (identity(files.get(i)).equals(identity(ancestor))) {
                at = i;
            }
        }
        if (at < 0 || !ancestorTree.isObject()) {
            return Optional.empty();
        }
        // files runs from the file named to the root; chain from the root to the file named.
        List<ScenarioInheritance.Layer> onto = new ArrayList<>();
        onto.add(new ScenarioInheritance.Layer(ancestorLabel, ((ObjectNode) ancestorTree).deepCopy()));
        onto.addAll(chain.subList(files.size() - at, chain.size()));
        return Optional.of(merged(onto, source));
    }

    /** The scenario a chain of layers (root first) merges to, bound and validated. */
    private Scenario merged(List<ScenarioInheritance.Layer> chain, String source) throws InvalidScenarioException {
        List<Problem> problems = new ArrayList<>();
        ScenarioInheritance.Layer root = chain.get(0);
        ScenarioInheritance.reportOperatorsWithoutParent(root.tree(), JsonBinder.ROOT, root.file(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException(source, problems);
        }
        if (chain.size() == 1) {
            return fromTree(root.tree(), source, problem -> source);
        }
        ScenarioInheritance.Merged merged = ScenarioInheritance.merge(chain, problems);
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException(source, problems);
        }
        return fromTree(merged.tree(), source, merged::fileOf);
    }

    /**
     * Reads {@code file} and the files it extends: their layers (without {@code extends}) root first into
     * {@code chain}, the files from {@code file} to the root into {@code files}.
     */
    private static void layers(Path file, String source, List<ScenarioInheritance.Layer> chain, List<Path> files)
            throws InvalidScenarioException {
        Map<Path, Path> seen = new LinkedHashMap<>();
        Path current = file;
        while (true) {
            JsonNode tree = parse(current, source);
            if (!tree.isObject()) {
                throw new InvalidScenarioException(source, List.of(new Problem(current + ": " + JsonBinder.ROOT,
                        "expected an object, found " + JsonBinder.describe(tree))));
            }
            files.add(current);
            seen.put(identity(current), current);
            ObjectNode own = ((ObjectNode) tree).deepCopy();
            JsonNode parentName = own.remove(ScenarioInheritance.EXTENDS);
            chain.add(0, new ScenarioInheritance.Layer(current.toString(), own));
            if (parentName == null) {
                break;
            }
            String at = current + ": " + JsonBinder.childPath(JsonBinder.ROOT, ScenarioInheritance.EXTENDS);
            if (!parentName.isTextual() || parentName.textValue().isBlank()) {
                throw new InvalidScenarioException(source, List.of(new Problem(at, "expected the parent "
                        + "scenario's file name, relative to this file, found " + JsonBinder.describe(parentName))));
            }
            Path parent = current.resolveSibling(parentName.textValue()).normalize();
            if (seen.containsKey(identity(parent))) {
                List<String> cycle = new ArrayList<>();
                boolean inCycle = false;
                for (Map.Entry<Path, Path> entry : seen.entrySet()) {
                    inCycle |= entry.getKey().equals(identity(parent));
                    if (inCycle) {
                        cycle.add(entry.getValue().toString());
                    }
                }
                cycle.add(parent.toString());
                throw new InvalidScenarioException(source, List.of(new Problem(at, "\"" + parentName.textValue()
                        + "\" closes a cycle of extends: " + String.join(" → ", cycle))));
            }
            if (!Files.exists(parent)) {
                throw new InvalidScenarioException(source, List.of(new Problem(at, "parent scenario not found: "
                        + parent)));
            }
            current = parent;
        }
    }

    /** The tree of one file; problems of the file as a whole (missing, malformed) name it. */
    private static JsonNode parse(Path file, String source) throws InvalidScenarioException {
        List<Problem> problems = new ArrayList<>();
        JsonNode tree = SpecChecks.parse(file, problems);
        if (tree == null) {
            throw new InvalidScenarioException(source, problems);
        }
        return tree;
    }

    /** The same file reached by two spellings of its path is one file (for cycles of extends). */
    private static Path identity(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    /** Binds and validates a tree already parsed; {@code source} names it in messages. */
    public Scenario fromTree(JsonNode tree, String source) throws InvalidScenarioException {
        return fromTree(tree, source, problem -> source);
    }

    /** As above, with {@code fileOf} naming the file to blame for each problem (see {@link ScenarioInheritance}). */
    private Scenario fromTree(JsonNode tree, String source, Function<Problem, String> fileOf)
            throws InvalidScenarioException {
        List<Problem> problems = new ArrayList<>();
        if (tree == null || !tree.isObject()) {
            problems.add(new Problem(JsonBinder.ROOT, "expected an object, found " + JsonBinder.describe(tree)));
            throw new InvalidScenarioException(source, located(fileOf, problems));
        }
        Scenario scenario = binder.bind(tree, Scenario.class, problems);
        if (scenario == null) {
            throw new InvalidScenarioException(source, located(fileOf, problems));
        }
        // Numbers out of range were reported but kept: the rules across fields are checked too, in the same pass.
        ScenarioIds ids = ScenarioIds.of(scenario);
        Scenario resolved = ScenarioDefaults.fill(scenario, ids);
        new ScenarioValidator(resolved, ids).validate(problems);
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException(source, located(fileOf, problems));
        }
        return resolved;
    }

    private static List<Problem> located(Function<Problem, String> fileOf, List<Problem> problems) {
        return problems.stream().map(p -> new Problem(fileOf.apply(p) + ": " + p.path(), p.message()))
                .toList();
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
