package escaperoutes.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import escaperoutes.observe.Measure;
import escaperoutes.observe.SexGroup;
import escaperoutes.io.Json;
import escaperoutes.io.JsonBinder;
import escaperoutes.io.Problem;
import escaperoutes.parameter.Parameter;
import escaperoutes.parameter.ParameterSpace;
import escaperoutes.parameter.Scale;
import escaperoutes.scenario.Scenario;
import escaperoutes.scenario.ScenarioPath;
import escaperoutes.scenario.ScenarioReader;
import escaperoutes.scenario.SpecChecks;
import escaperoutes.design.FactorialGrid;
import escaperoutes.design.MorrisDesign;
import escaperoutes.design.SaltelliSample;
import escaperoutes.design.SobolPoints;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a sweep spec ({@link SweepSpec}) and its base scenario, checks one against the other, and fills in every
 * default. Every problem is reported together: the spec's as {@code spec.json: $.json.path}, the scenario's as
 * {@code scenario.json: $.json.path}. Parameter paths are checked on the resolved scenario (defaults filled in), the
 * form on which {@link ParameterSpace} locates them, so a key left to its default can vary and a value that differs
 * by sex is addressed as {@code ….female} or {@code ….male}.
 */
public final class SweepSpecReader {

    /**
     * A spec that passed every check, with every default filled in, and the scenario it was checked against.
     *
     * @param scenarioFile  the base scenario's file (resolved against the spec's folder)
     * @param scenarioFiles the scenario file and the files it extends, nearest first
     */
    public record ResolvedSweep(SweepSpec spec, Path specFile, Path scenarioFile, Scenario scenario,
                                List<Path> scenarioFiles) {
        public ResolvedSweep {
            Objects.requireNonNull(spec, "spec");
            Objects.requireNonNull(scenario, "scenario");
            scenarioFiles = List.copyOf(scenarioFiles);
        }

        /** The parameters that vary, over the base scenario. */
        public ParameterSpace space() {
            return new ParameterSpace(scenario, spec.parameters().stream().map(p -> Parameter.of(p.name(), p.path(),
                    p.alsoPaths(), p.hasLevels() ? new Scale.Levels(p.levels())
                            : Scale.range(p.lower(), p.upper(), p.logScale()))).toList());
        }
    }

    /** The sexes results can be kept for, by their label. */
    static final List<String> SEXES = Arrays.stream(SexGroup.values()).map(SexGroup::label).toList();
    /** The default number of levels of a Morris design. */
    static final int MORRIS_LEVELS = 4;

    private static final Pattern COLUMN_NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern FOLDER_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    /** Columns of results.csv and points.csv that a parameter must not shadow. */
    private static final Set<String> RESERVED = Set.of("point", "replication", "role", "year", "measure", "sex",
            "value");

    private static final String PARAMETERS = JsonBinder.childPath(JsonBinder.ROOT, "parameters");
    private static final String DESIGN = JsonBinder.childPath(JsonBinder.ROOT, "design");
    private static final String OUTPUTS = JsonBinder.childPath(JsonBinder.ROOT, "outputs");
    private static final String SENSITIVITY = JsonBinder.childPath(JsonBinder.ROOT, "sensitivity");

    private final JsonBinder binder = new JsonBinder();
    private final SpecChecks checks = new SpecChecks();

    /** Reads and checks the spec and the scenario it names; the spec returned has every default filled in. */
    public ResolvedSweep read(Path specFile) throws InvalidSweepSpecException {
        return read(specFile, null);
    }

    /**
     * A sweep as its folder records it — {@code sweep.resolved.json} with every default written out, and the base
     * scenario as {@code scenario.resolved.json} — checked like a spec file.
     */
    public ResolvedSweep readResolved(Path resolvedSpec, Path resolvedScenario) throws InvalidSweepSpecException {
        return read(resolvedSpec, resolvedScenario);
    }

    /** {@code scenarioOverride}, when given, is read instead of the file the spec's {@code scenario} names. */
    private ResolvedSweep read(Path specFile, Path scenarioOverride) throws InvalidSweepSpecException {
        String source = specFile.toString();
        List<Problem> specProblems = new ArrayList<>();
        List<Problem> scenarioProblems = new ArrayList<>();
        SweepSpec spec = null;
        Scenario scenario = null;
        Path scenarioFile = null;
        List<Path> scenarioFiles = List.of();

        JsonNode tree = SpecChecks.parseObject(specFile, specProblems);
        if (tree != null) {
            spec = binder.bind(tree, SweepSpec.class, specProblems);
            JsonNode scenarioName = tree.get("scenario");
            if (scenarioName != null && scenarioName.isTextual()) {
                Path folder = specFile.getParent();
                scenarioFile = scenarioOverride != null ? scenarioOverride
                        : (folder == null ? Path.of(scenarioName.textValue())
                        : folder.resolve(scenarioName.textValue())).normalize();
                ScenarioReader.Read read = checks.readScenario(scenarioFile, scenarioProblems);
                if (read != null) {
                    scenario = read.scenario();
                    scenarioFiles = read.files();
                }
            }
            // Each part is checked on its own, so that a typo in one key does not hide a reversed range in another:
            // the user fixes the file in one go.
            checkName(tree.get("name"), specProblems);
            List<SweepSpec.Parameter> parameters = checks.elements(tree, "parameters", SweepSpec.Parameter.class);
            checkParameters(parameters, scenario, specProblems);
            SweepSpec.Design design = checks.part(tree, "design", SweepSpec.Design.class, null);
            checkDesign(design, parameters, specProblems);
            SweepSpec.Outputs outputs = checks.part(tree, "outputs", SweepSpec.Outputs.class, defaultOutputs());
            checkOutputs(outputs, scenario, specProblems);
            SweepSpec.Sensitivity sensitivity = checks.part(tree, "sensitivity", SweepSpec.Sensitivity.class,
                    null);
            checkSensitivity(sensitivity, tree.has("sensitivity"), design, scenario, specProblems);
            SweepSpec.Posterior posterior = checks.part(tree, "posterior", SweepSpec.Posterior.class, null);
            checkPosterior(posterior, tree.path("replications").asInt(1), scenarioOverride != null, scenario,
                    specProblems);
        }

        List<Problem> problems = new ArrayList<>(SpecChecks.inFile(source, specProblems));
        problems.addAll(scenarioProblems);
        if (!problems.isEmpty()) {
            throw new InvalidSweepSpecException(source, problems);
        }
        return new ResolvedSweep(resolve(spec, specFile, scenario), specFile, scenarioFile, scenario, scenarioFiles);
    }

    private static final String POSTERIOR = JsonBinder.childPath(JsonBinder.ROOT, "posterior");

    /**
     * A posterior's section: an even number of replications (2d and 2d + 1 share draw d); in a spec file the folder
     * alone, in a resolved spec the draws the sweep filled in, one per pair of replications, each a value per
     * parameter, and parameters that are numbers of the scenario.
     */
    private static void checkPosterior(SweepSpec.Posterior posterior, int replications, boolean resolvedSpec,
                                       Scenario scenario, List<Problem> problems) {
        if (posterior == null) {
            return;
        }
        if (replications % 2 != 0) {
            problems.add(new Problem(JsonBinder.childPath(JsonBinder.ROOT, "replications"), "with a posterior, an "
                    + "even number: replications 2d and 2d + 1 of every point run at posterior draw d, so that the "
                    + "parameters' part of the spread can be told from chance's; found " + replications));
        }
        if (!resolvedSpec) {
            if (posterior.resolved()) {
                problems.add(new Problem(POSTERIOR, "parameters, stateSha256 and draws are written by the sweep "
                        + "into its sweep.resolved.json; a spec gives only folder"));
            }
            return;
        }
        if (posterior.parameters() == null || posterior.stateSha256() == null || posterior.draws() == null) {
            problems.add(new Problem(POSTERIOR, "a resolved sweep's posterior needs parameters, stateSha256 and "
                    + "draws"));
            return;
        }
        String drawsAt = JsonBinder.childPath(POSTERIOR, "draws");
        if (posterior.draws().size() != replications / 2) {
            problems.add(new Problem(drawsAt, replications + " replications need " + replications / 2
                    + " draws, found " + posterior.draws().size()));
        }
        for (int d = 0; d < posterior.draws().size(); d++) {
            List<Double> draw = posterior.draws().get(d);
            if (draw == null || draw.size() != posterior.parameters().size()) {
                problems.add(new Problem(JsonBinder.elementPath(drawsAt, d), "needs one value per parameter ("
                        + posterior.parameters().size() + ")"));
            }
        }
        JsonNode scenarioTree = scenario == null ? null : Json.mapper().valueToTree(scenario);
        String parametersAt = JsonBinder.childPath(POSTERIOR, "parameters");
        for (int i = 0; i < posterior.parameters().size(); i++) {
            SweepSpec.PosteriorParameter p = posterior.parameters().get(i);
            String at = JsonBinder.elementPath(parametersAt, i);
            SpecChecks.path(p.path(), JsonBinder.childPath(at, "path"), scenarioTree, problems);
            for (int k = 0; k < p.alsoPaths().size(); k++) {
                SpecChecks.path(p.alsoPaths().get(k), JsonBinder.elementPath(JsonBinder.childPath(at, "alsoPaths"), k),
                        scenarioTree, problems);
            }
        }
    }

    // ---- reading ----------------------------------------------------------------------------------------------------

    private SweepSpec.Outputs defaultOutputs() {
        return binder.bind(Json.mapper().createObjectNode(), SweepSpec.Outputs.class, OUTPUTS, new ArrayList<>());
    }

    // ---- checks -------------------------------------------------------------------------------------------------------

    private static void checkName(JsonNode name, List<Problem> problems) {
        if (name != null && name.isTextual() && !isFolderName(name.textValue())) {
            problems.add(new Problem(JsonBinder.childPath(JsonBinder.ROOT, "name"), "must be a non-empty name of "
                    + "letters, digits, '.', '_' or '-' (it names the results folder), found \"" + name.textValue()
                    + "\""));
        }
    }

    private static boolean isFolderName(String name) {
        return FOLDER_NAME.matcher(name).matches() && !name.equals(".") && !name.equals("..");
    }

    private void checkParameters(List<SweepSpec.Parameter> parameters, Scenario scenario, List<Problem> problems) {
        if (!SpecChecks.anyParameters(parameters, PARAMETERS, problems)) {
            return;
        }
        JsonNode scenarioTree = scenario == null ? null : Json.mapper().valueToTree(scenario);
        SpecChecks.NumberOwners owners = scenarioTree == null ? null : new SpecChecks.NumberOwners(scenarioTree);
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            SweepSpec.Parameter p = parameters.get(i);
            if (p == null) {
                continue;
            }
            String at = JsonBinder.elementPath(PARAMETERS, i);
            checkColumnName(p.name(), JsonBinder.childPath(at, "name"), names, i, PARAMETERS, problems);
            boolean valuesOk = checkValues(p, at, problems);
            List<ScenarioPath> paths = new ArrayList<>();
            ScenarioPath main = SpecChecks.path(p.path(), JsonBinder.childPath(at, "path"), scenarioTree, problems);
            if (main != null) {
                paths.add(main);
                duplicate(owners, main, i, JsonBinder.childPath(at, "path"), parameters, problems);
            }
            for (int k = 0; k < p.alsoPaths().size(); k++) {
                String alsoAt = JsonBinder.elementPath(JsonBinder.childPath(at, "alsoPaths"), k);
                ScenarioPath also = SpecChecks.path(p.alsoPaths().get(k), alsoAt, scenarioTree, problems);
                if (also != null) {
                    paths.add(also);
                    duplicate(owners, also, i, alsoAt, parameters, problems);
                }
            }
            if (!valuesOk || scenarioTree == null) {
                continue;
            }
            for (ScenarioPath path : paths) {
                if (p.hasLevels()) {
                    for (int k = 0; k < p.levels().size(); k++) {
                        SpecChecks.checkValue(scenario, scenarioTree, path, p.levels().get(k),
                                JsonBinder.elementPath(JsonBinder.childPath(at, "levels"), k), problems);
                    }
                } else {
                    SpecChecks.checkValue(scenario, scenarioTree, path, p.lower(), JsonBinder.childPath(at, "lower"),
                            problems);
                    SpecChecks.checkValue(scenario, scenarioTree, path, p.upper(), JsonBinder.childPath(at, "upper"),
                            problems);
                }
            }
        }
    }

    /** Whether the parameter's range or levels can be used, after reporting why not. */
    private static boolean checkValues(SweepSpec.Parameter p, String at, List<Problem> problems) {
        if (p.hasLevels()) {
            if (p.lower() != null || p.upper() != null) {
                problems.add(new Problem(at, "give either levels or lower and upper, not both"));
                return false;
            }
            if (p.logScale()) {
                problems.add(new Problem(JsonBinder.childPath(at, "logScale"), "applies to a range (lower, upper); "
                        + "levels are used as listed"));
            }
            List<Double> levels = p.levels();
            if (levels.size() < 2) {
                problems.add(new Problem(JsonBinder.childPath(at, "levels"), "at least two levels are needed, found "
                        + levels.size() + " (a number that does not vary belongs in the scenario)"));
                return false;
            }
            for (int k = 1; k < levels.size(); k++) {
                if (!(levels.get(k - 1) < levels.get(k))) {
                    problems.add(new Problem(JsonBinder.elementPath(JsonBinder.childPath(at, "levels"), k),
                            "levels must be strictly increasing: " + SpecChecks.format(levels.get(k)) + " follows "
                                    + SpecChecks.format(levels.get(k - 1))));
                    return false;
                }
            }
            return true;
        }
        if (p.lower() == null || p.upper() == null) {
            String missing = p.lower() == null && p.upper() == null ? "lower and upper"
                    : p.lower() == null ? "lower" : "upper";
            problems.add(new Problem(at, "missing " + missing + ": a parameter takes a range (\"lower\", "
                    + "\"upper\") or a list of \"levels\""));
            return false;
        }
        if (!(p.lower() < p.upper())) {
            problems.add(new Problem(at, "lower " + SpecChecks.format(p.lower()) + " must be less than upper "
                    + SpecChecks.format(p.upper())
                    + (p.lower().equals(p.upper()) ? " (an empty range)" : " (a reversed range)")));
            return false;
        }
        if (p.logScale() && !(p.lower() > 0)) {
            problems.add(new Problem(JsonBinder.childPath(at, "lower"), "logScale needs lower > 0, found "
                    + SpecChecks.format(p.lower())));
            return false;
        }
        return true;
    }

    /** Reports a number already varied by an earlier parameter; otherwise marks it as parameter {@code index}'s. */
    private static void duplicate(SpecChecks.NumberOwners owners, ScenarioPath path, int index, String at,
                                  List<SweepSpec.Parameter> parameters, List<Problem> problems) {
        if (owners == null) {
            return;
        }
        int k = owners.claim(path, index);
        if (k >= 0) {
            String what = k == index ? "another path of the same parameter"
                    : JsonBinder.elementPath(PARAMETERS, k) + " (" + parameters.get(k).name() + ")";
            problems.add(new Problem(at, "names the same number as " + what + "; a number can vary only once"));
        }
    }

    private static void checkColumnName(String name, String at, Map<String, Integer> seen, int index, String list,
                                        List<Problem> problems) {
        if (!COLUMN_NAME.matcher(name).matches()) {
            problems.add(new Problem(at, "must be lower-case letters, digits and '_', starting with a letter (it "
                    + "names a column), found \"" + name + "\""));
        } else if (RESERVED.contains(name)) {
            problems.add(new Problem(at, "'" + name + "' is a column of the results already; choose another name"));
        } else if (seen.containsKey(name)) {
            problems.add(new Problem(at, "'" + name + "' is also the name of "
                    + JsonBinder.elementPath(list, seen.get(name)) + "; names must differ"));
        } else {
            seen.put(name, index);
        }
    }

    private static void checkDesign(SweepSpec.Design design, List<SweepSpec.Parameter> parameters,
                                    List<Problem> problems) {
        if (design == null) {
            return;
        }
        SweepSpec.Kind kind = design.kind();
        // The keys each kind takes; any other is a mistake, not something to ignore.
        List<String> takes = switch (kind) {
            case GRID -> List.of("levels");
            case LATIN_HYPERCUBE, SOBOL -> List.of("points");
            case SALTELLI -> List.of("baseSamples");
            case MORRIS -> List.of("trajectories", "levels");
        };
        Map<String, Integer> given = new LinkedHashMap<>();
        given.put("levels", design.levels());
        given.put("points", design.points());
        given.put("baseSamples", design.baseSamples());
        given.put("trajectories", design.trajectories());
        for (Map.Entry<String, Integer> e : given.entrySet()) {
            if (e.getValue() != null && !takes.contains(e.getKey())) {
                problems.add(new Problem(JsonBinder.childPath(DESIGN, e.getKey()), "not used by a "
                        + kind.jsonName() + " design, which takes: " + String.join(", ", takes)));
            }
        }
        boolean usable = parameters != null && parameters.stream().allMatch(Objects::nonNull);
        int dimension = parameters == null ? 0 : parameters.size();
        switch (kind) {
            case GRID -> {
                List<String> ranges = usable ? parameters.stream().filter(p -> !p.hasLevels())
                        .map(SweepSpec.Parameter::name).toList() : List.of();
                String levelsAt = JsonBinder.childPath(DESIGN, "levels");
                if (design.levels() == null && !ranges.isEmpty()) {
                    problems.add(new Problem(levelsAt, "missing: a grid needs the number of levels of each range "
                            + "parameter (" + String.join(", ", ranges) + "), at least 2; or give those parameters "
                            + "their levels"));
                } else if (design.levels() != null && design.levels() < 2) {
                    problems.add(new Problem(levelsAt, "a grid needs at least 2 levels per range parameter, found "
                            + design.levels()));
                } else if (design.levels() != null && usable && ranges.isEmpty()) {
                    problems.add(new Problem(levelsAt, "not used: every parameter lists its own levels"));
                } else if (usable) {
                    int[] counts = parameters.stream().mapToInt(p -> p.hasLevels() ? Math.max(1, p.levels().size())
                            : design.levels()).toArray();
                    try {
                        FactorialGrid.size(counts);
                    } catch (ArithmeticException e) {
                        problems.add(new Problem(DESIGN, "the grid of " + Arrays.toString(counts) + " levels has "
                                + "more than " + Integer.MAX_VALUE + " points"));
                    }
                }
            }
            case LATIN_HYPERCUBE, SOBOL -> {
                String pointsAt = JsonBinder.childPath(DESIGN, "points");
                if (design.points() == null) {
                    problems.add(new Problem(pointsAt, "missing: the number of points, at least 2"));
                } else if (design.points() < 2) {
                    problems.add(new Problem(pointsAt, "at least 2 points are needed, found " + design.points()));
                }
                if (kind == SweepSpec.Kind.SOBOL && dimension > SobolPoints.MAX_DIMENSION) {
                    problems.add(new Problem(PARAMETERS, "a sobol design takes at most " + SobolPoints.MAX_DIMENSION
                            + " parameters, found " + dimension));
                }
            }
            case SALTELLI -> {
                String baseAt = JsonBinder.childPath(DESIGN, "baseSamples");
                Integer n = design.baseSamples();
                if (n == null) {
                    problems.add(new Problem(baseAt, "missing: the number N of base samples, a power of two such as "
                            + "64; the sweep runs N·(parameters + 2) points"));
                } else if (n < 2 || !SobolPoints.isPowerOfTwo(n)) {
                    problems.add(new Problem(baseAt, "must be a power of two, at least 2 (so the base samples are a "
                            + "balanced block of the Sobol sequence), found " + n + nearestPowers(n)));
                } else if (dimension > 0) {
                    try {
                        SaltelliSample.size(n, dimension);
                    } catch (ArithmeticException e) {
                        problems.add(new Problem(baseAt, n + " base samples of " + dimension + " parameters make "
                                + "more than " + Integer.MAX_VALUE + " points"));
                    }
                }
                if (2 * dimension > SobolPoints.MAX_DIMENSION) {
                    problems.add(new Problem(PARAMETERS, "a saltelli design takes at most "
                            + SobolPoints.MAX_DIMENSION / 2 + " parameters, found " + dimension));
                }
            }
            case MORRIS -> {
                Integer r = design.trajectories();
                String trajectoriesAt = JsonBinder.childPath(DESIGN, "trajectories");
                if (r == null) {
                    problems.add(new Problem(trajectoriesAt, "missing: the number of trajectories, at least 2 (each "
                            + "runs parameters + 1 points)"));
                } else if (r < 2) {
                    problems.add(new Problem(trajectoriesAt, "at least 2 trajectories are needed (σ compares "
                            + "them), found " + r));
                } else if (dimension > 0) {
                    try {
                        MorrisDesign.size(r, dimension);
                    } catch (ArithmeticException e) {
                        problems.add(new Problem(trajectoriesAt, r + " trajectories of " + dimension
                                + " parameters make more than " + Integer.MAX_VALUE + " points"));
                    }
                }
                int levels = design.levels() == null ? MORRIS_LEVELS : design.levels();
                if (levels < 2 || levels % 2 != 0) {
                    problems.add(new Problem(JsonBinder.childPath(DESIGN, "levels"), "must be even and at least 2 "
                            + "(each step of Δ = levels / (2 (levels − 1)) must land on a level), found " + levels));
                } else if (parameters != null) {
                    for (int i = 0; i < parameters.size(); i++) {
                        SweepSpec.Parameter p = parameters.get(i);
                        if (p != null && p.hasLevels() && p.levels().size() != levels) {
                            problems.add(new Problem(JsonBinder.childPath(JsonBinder.elementPath(PARAMETERS, i),
                                    "levels"), "a morris design on " + levels + " levels needs " + levels
                                    + " levels here, found " + p.levels().size() + "; or give a range"));
                        }
                    }
                }
            }
            default -> throw new IllegalStateException("unknown design " + kind);
        }
    }

    private static String nearestPowers(int n) {
        if (n < 2) {
            return "";
        }
        int below = Integer.highestOneBit(n);
        return below > Integer.MAX_VALUE / 2 ? "" : "; the nearest are " + below + " and " + 2 * below;
    }

    private static void checkOutputs(SweepSpec.Outputs outputs, Scenario scenario, List<Problem> problems) {
        if (outputs == null) {
            return;
        }
        boolean anyFlow = true;
        if (outputs.measures() != null) {
            anyFlow = false;
            String at = JsonBinder.childPath(OUTPUTS, "measures");
            if (outputs.measures().isEmpty()) {
                problems.add(new Problem(at, "at least one measure is needed (leave the key out for every measure)"));
            }
            for (int k = 0; k < outputs.measures().size(); k++) {
                String name = outputs.measures().get(k);
                Measure m = measure(name, JsonBinder.elementPath(at, k), problems);
                if (m != null && outputs.measures().indexOf(name) < k) {
                    problems.add(new Problem(JsonBinder.elementPath(at, k), "'" + name + "' is listed twice"));
                }
                anyFlow |= m != null && m.kind() == Measure.Kind.FLOW;
            }
        }
        if (outputs.sexes() != null) {
            String at = JsonBinder.childPath(OUTPUTS, "sexes");
            if (outputs.sexes().isEmpty()) {
                problems.add(new Problem(at, "at least one is needed (leave the key out for female, male and all)"));
            }
            for (int k = 0; k < outputs.sexes().size(); k++) {
                String sex = outputs.sexes().get(k);
                if (!SEXES.contains(sex)) {
                    problems.add(new Problem(JsonBinder.elementPath(at, k), "unknown sex '" + sex + "'; allowed: "
                            + String.join(", ", SEXES)));
                } else if (outputs.sexes().indexOf(sex) < k) {
                    problems.add(new Problem(JsonBinder.elementPath(at, k), "'" + sex + "' is listed twice"));
                }
            }
        }
        if (outputs.years() != null) {
            checkYears(outputs.years(), JsonBinder.childPath(OUTPUTS, "years"), scenario, problems);
        }
        String windowsAt = JsonBinder.childPath(OUTPUTS, "windows");
        for (int k = 0; k < outputs.windows().size(); k++) {
            SweepSpec.Years window = outputs.windows().get(k);
            checkYears(window, JsonBinder.elementPath(windowsAt, k), scenario, problems);
            if (outputs.windows().indexOf(window) < k) {
                problems.add(new Problem(JsonBinder.elementPath(windowsAt, k), window + " is listed twice"));
            }
        }
        if (!outputs.windows().isEmpty() && !anyFlow) {
            problems.add(new Problem(windowsAt, "sums over windows are kept for flow measures (arrivals, "
                    + "repatriations, …), and none of the measures kept is a flow"));
        }
        if (!outputs.perYear() && outputs.windows().isEmpty()) {
            problems.add(new Problem(OUTPUTS, "nothing would be kept: perYear is false and there are no windows"));
        }
    }

    private static Measure measure(String name, String at, List<Problem> problems) {
        for (Measure m : Measure.values()) {
            if (m.key().equals(name)) {
                return m;
            }
        }
        problems.add(new Problem(at, "unknown measure '" + name + "'; measures: "
                + String.join(", ", Arrays.stream(Measure.values()).map(Measure::key).toList())));
        return null;
    }

    /** Reports years that are reversed or outside the scenario's calendar years. */
    private static void checkYears(SweepSpec.Years years, String at, Scenario scenario, List<Problem> problems) {
        if (years.from() > years.to()) {
            problems.add(new Problem(at, "from " + years.from() + " is after to " + years.to()));
            return;
        }
        if (scenario == null) {
            return;
        }
        int first = scenario.start().getYear();
        int last = scenario.end().getYear();
        if (years.from() < first) {
            problems.add(new Problem(JsonBinder.childPath(at, "from"), years.from() + " is before " + first
                    + ", the first year the scenario simulates (it starts " + scenario.start() + ")"));
        }
        if (years.to() > last) {
            problems.add(new Problem(JsonBinder.childPath(at, "to"), years.to() + " is after " + last
                    + ", the last year the scenario simulates (it ends " + scenario.end() + ")"));
        }
    }

    private static void checkSensitivity(SweepSpec.Sensitivity sensitivity, boolean given, SweepSpec.Design design,
                                         Scenario scenario, List<Problem> problems) {
        if (design != null && design.kind().estimatesSensitivity() && !given) {
            problems.add(new Problem(SENSITIVITY, "missing: a " + design.kind().jsonName() + " design is made to "
                    + "estimate sensitivity indices; list the outputs to estimate them for, e.g. {\"outputs\": "
                    + "[{\"name\": \"arrivals_2025_2030\", \"measure\": \"arrivals\", \"from\": 2025, \"to\": 2030}]}"));
        }
        if (design != null && !design.kind().estimatesSensitivity() && given) {
            problems.add(new Problem(SENSITIVITY, "a " + design.kind().jsonName() + " design gives no sensitivity "
                    + "indices; use a saltelli or morris design, or remove this key"));
        }
        if (sensitivity == null) {
            return;
        }
        if (!(sensitivity.confidenceLevel() > 0 && sensitivity.confidenceLevel() < 1)) {
            problems.add(new Problem(JsonBinder.childPath(SENSITIVITY, "confidenceLevel"), "must be between 0 and "
                    + "1 exclusive, e.g. 0.95, found " + SpecChecks.format(sensitivity.confidenceLevel())));
        }
        String outputsAt = JsonBinder.childPath(SENSITIVITY, "outputs");
        if (sensitivity.outputs().isEmpty()) {
            problems.add(new Problem(outputsAt, "at least one output is needed"));
        }
        Map<String, Integer> names = new HashMap<>();
        for (int k = 0; k < sensitivity.outputs().size(); k++) {
            SweepSpec.Output o = sensitivity.outputs().get(k);
            String at = JsonBinder.elementPath(outputsAt, k);
            checkColumnName(o.name(), JsonBinder.childPath(at, "name"), names, k, outputsAt, problems);
            Measure m = measure(o.measure(), JsonBinder.childPath(at, "measure"), problems);
            if (o.sex() != null && !SEXES.contains(o.sex())) {
                problems.add(new Problem(JsonBinder.childPath(at, "sex"), "unknown sex '" + o.sex() + "'; allowed: "
                        + String.join(", ", SEXES)));
            }
            if (o.statistic() == SweepSpec.Statistic.SHARE_FEMALE && o.sex() != null) {
                problems.add(new Problem(JsonBinder.childPath(at, "sex"), "not used with share_female, which "
                        + "divides women's sum by the sum for all"));
            }
            if (m != null && o.statistic() != SweepSpec.Statistic.MEAN && m.kind() != Measure.Kind.FLOW) {
                problems.add(new Problem(JsonBinder.childPath(at, "statistic"), o.statistic().jsonName()
                        + " adds up a flow over the years, and " + m.key() + " is a "
                        + m.kind().name().toLowerCase(Locale.ROOT) + "; use mean"));
            }
            checkYears(new SweepSpec.Years(o.from(), o.to()), at, scenario, problems);
        }
    }

    // ---- defaults -----------------------------------------------------------------------------------------------

    /** The spec with every default written out, as sweep.resolved.json shows it. */
    private static SweepSpec resolve(SweepSpec spec, Path specFile, Scenario scenario) {
        String name = spec.name();
        if (name == null) {
            String file = specFile.getFileName().toString();
            name = file.endsWith(".json") ? file.substring(0, file.length() - 5) : file;
        }
        SweepSpec.Design d = spec.design();
        SweepSpec.Design design = d.kind() == SweepSpec.Kind.MORRIS && d.levels() == null
                ? new SweepSpec.Design(d.kind(), MORRIS_LEVELS, d.points(), d.baseSamples(), d.trajectories()) : d;
        SweepSpec.Outputs o = spec.outputs();
        SweepSpec.Outputs outputs = new SweepSpec.Outputs(
                o.measures() != null ? o.measures() : Arrays.stream(Measure.values()).map(Measure::key).toList(),
                o.sexes() != null ? o.sexes() : SEXES,
                o.years() != null ? o.years()
                        : new SweepSpec.Years(scenario.start().getYear(), scenario.end().getYear()),
                o.perYear(), o.windows());
        SweepSpec.Sensitivity sensitivity = null;
        if (spec.sensitivity() != null) {
            SweepSpec.Sensitivity s = spec.sensitivity();
            sensitivity = new SweepSpec.Sensitivity(s.outputs().stream().map(out -> out.sex() != null
                    || out.statistic() == SweepSpec.Statistic.SHARE_FEMALE ? out
                    : new SweepSpec.Output(out.name(), out.measure(), SexGroup.ALL.label(), out.from(), out.to(),
                            out.statistic())).toList(), s.bootstrap(), s.confidenceLevel());
        }
        return new SweepSpec(name, spec.description(), spec.scenario(), spec.parameters(), design,
                spec.replications(), spec.seed(), outputs, sensitivity, spec.posterior());
    }
}
