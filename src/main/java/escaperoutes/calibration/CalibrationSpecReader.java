package escaperoutes.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import escaperoutes.evidence.EvidenceFile;
import escaperoutes.evidence.EvidenceItem;
import escaperoutes.evidence.EvidencePeriod;
import escaperoutes.evidence.InvalidEvidenceException;
import escaperoutes.io.Json;
import escaperoutes.io.JsonBinder;
import escaperoutes.io.Problem;
import escaperoutes.parameter.Parameter;
import escaperoutes.parameter.ParameterSpace;
import escaperoutes.parameter.Prior;
import escaperoutes.parameter.Scale;
import escaperoutes.scenario.Scenario;
import escaperoutes.scenario.ScenarioPath;
import escaperoutes.scenario.ScenarioReader;
import escaperoutes.scenario.SpecChecks;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a calibration spec ({@link CalibrationSpec}) and checks it against the scenario it calibrates and the
 * observed series it fits. Every problem is reported together: the spec's as {@code spec.json: $.json.path}, the
 * observed CSV's as {@code file.csv:line}, the scenario's as {@code scenario.json: $.json.path}.
 *
 * <p>Parameter paths are checked on the resolved scenario (defaults filled in, serialised with
 * {@link Json#mapper()}), the form on which {@link ParameterSpace} locates them, so a key left to its default can be
 * freed and a per-sex value is addressed as {@code ….female} or {@code ….male}.
 */
public final class CalibrationSpecReader {

    /**
     * A spec that passed every check, with the scenario and observed series it was checked against.
     *
     * @param specFile      the spec's file, as given
     * @param scenarioFiles the scenario file and the files it extends, nearest first
     */
    public record ResolvedCalibration(CalibrationSpec spec, Path specFile, Scenario scenario,
                                      List<Path> scenarioFiles, ObservedSeries observed,
                                      List<Objective.EvidenceTarget> evidence, EvidenceFile evidenceFile,
                                      List<String> notes) {
        public ResolvedCalibration {
            Objects.requireNonNull(spec, "spec");
            Objects.requireNonNull(specFile, "specFile");
            Objects.requireNonNull(scenario, "scenario");
            scenarioFiles = List.copyOf(scenarioFiles);
            Objects.requireNonNull(observed, "observed");
            evidence = List.copyOf(evidence);
            notes = List.copyOf(notes);
        }

        /**
         * The negative-binomial size of the totals' deviance: the spec's, or derived from the scenario's year-to-year
         * variation σ ({@code annualVariation}): a yearly factor exp(σZ − σ²/2) on the rates makes a year's count
         * vary as μ + μ²·(exp(σ²) − 1), which is the negative binomial of size 1 / (exp(σ²) − 1); null for Poisson.
         */
        public Double negativeBinomialSize() {
            if (spec.loss().totals() != CalibrationSpec.Totals.NEGATIVE_BINOMIAL) {
                return null;
            }
            return spec.loss().negativeBinomialSize() != null ? spec.loss().negativeBinomialSize()
                    : sizeFromAnnualVariation(scenario.annualVariation());
        }

        /** Each free parameter's prior, in the order of the spec's parameters. */
        public List<Prior> priors() {
            return spec.parameters().stream().map(CalibrationSpecReader::priorOf).toList();
        }

        /** The free parameters over the scenario, each named by its path (trace.csv's column). */
        public ParameterSpace space() {
            return new ParameterSpace(scenario, spec.parameters().stream().map(p -> Parameter.of(p.path(), p.path(),
                    p.alsoPaths(), Scale.range(p.lower(), p.upper(), p.logScale()))).toList());
        }
    }

    private static final String PARAMETERS = JsonBinder.childPath(JsonBinder.ROOT, "parameters");
    private static final String OBSERVED = JsonBinder.childPath(JsonBinder.ROOT, "observed");
    private static final String FIT_WINDOW = JsonBinder.childPath(JsonBinder.ROOT, "fitWindow");
    private static final String HOLD_OUT_WINDOW = JsonBinder.childPath(JsonBinder.ROOT, "holdOutWindow");
    private static final String LOSS = JsonBinder.childPath(JsonBinder.ROOT, "loss");
    private static final String EVIDENCE = JsonBinder.childPath(JsonBinder.ROOT, "evidence");
    private static final String WEIGHTS = JsonBinder.childPath(EVIDENCE, "weights");

    /** The negative-binomial size that matches a yearly lognormal factor of log-sd σ &gt; 0 (see above). */
    static double sizeFromAnnualVariation(double sigma) {
        return 1 / Math.expm1(sigma * sigma);
    }

    private final JsonBinder binder = new JsonBinder();
    private final SpecChecks checks = new SpecChecks();

    /** The checked spec; see {@link #resolve} for the scenario and observed series too. */
    public CalibrationSpec read(Path specFile, Path scenarioFile) throws InvalidCalibrationSpecException {
        return resolve(specFile, scenarioFile).spec();
    }

    /**
     * Reads and checks the spec against the scenario file and the observed series (the spec's {@code observed}
     * CSV, resolved against the spec file's folder, or the shipped series).
     */
    public ResolvedCalibration resolve(Path specFile, Path scenarioFile) throws InvalidCalibrationSpecException {
        return resolve(specFile, scenarioFile, true);
    }

    /**
     * As {@link #resolve}, for scoring the scenario against the spec's targets only: the free parameters are checked
     * for their form but not looked up in the scenario, which need not have them (a what-if without a regime the
     * spec frees, say). The result's {@link ResolvedCalibration#space()} must then not be used.
     */
    public ResolvedCalibration resolveTargets(Path specFile, Path scenarioFile)
            throws InvalidCalibrationSpecException {
        return resolve(specFile, scenarioFile, false);
    }

    private ResolvedCalibration resolve(Path specFile, Path scenarioFile, boolean parametersInScenario)
            throws InvalidCalibrationSpecException {
        String source = specFile.toString();
        List<Problem> specProblems = new ArrayList<>();
        List<Problem> observedProblems = new ArrayList<>();
        List<Problem> scenarioProblems = new ArrayList<>();

        Scenario scenario = null;
        List<Path> scenarioFiles = List.of();
        ScenarioReader.Read read = checks.readScenario(scenarioFile, scenarioProblems);
        if (read != null) {
            scenario = read.scenario();
            scenarioFiles = read.files();
        }

        CalibrationSpec spec = null;
        ObservedSeries observed = null;
        List<Problem> evidenceProblems = new ArrayList<>();
        EvidenceFile evidenceFile = null;
        List<Objective.EvidenceTarget> evidence = List.of();
        List<String> notes = new ArrayList<>();
        JsonNode tree = SpecChecks.parseObject(specFile, specProblems);
        if (tree != null) {
            spec = binder.bind(tree, CalibrationSpec.class, specProblems);
            // The checks below run on each part that binds on its own, so that a typo in one key does not hide
            // a reversed bound in another: the user fixes the file in one go.
            Parts parts = parts(tree);
            checkParameters(parts.parameters(), parametersInScenario ? scenario : null, specProblems);
            if (parts.observedUsable()) {
                observed = observed(parts.observed(), specFile, specProblems, observedProblems);
            }
            checkWindows(parts.fitWindow(), parts.holdOutWindow(), observed, scenario, specProblems);
            if (observed != null && scenario != null) {
                checkObservedYears(observed, scenario, observedProblems, notes);
            }
            checkLoss(parts.loss(), scenario, specProblems);
            if (parts.evidence() != null) {
                evidenceFile = evidenceFile(parts.evidence().file(), specFile, specProblems, evidenceProblems);
                if (evidenceFile != null) {
                    evidence = evidenceTargets(parts.evidence(), evidenceFile, scenario, specProblems,
                            evidenceProblems);
                }
            }
        }

        List<Problem> problems = new ArrayList<>(SpecChecks.inFile(source, specProblems));
        problems.addAll(observedProblems);
        problems.addAll(evidenceProblems);
        problems.addAll(scenarioProblems);
        if (!problems.isEmpty()) {
            throw new InvalidCalibrationSpecException(source, problems);
        }
        return new ResolvedCalibration(spec, specFile, scenario, scenarioFiles, observed, evidence, evidenceFile,
                notes);
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * The spec's parts, each bound on its own (problems discarded: the whole-spec binding reports them) or given
     * its default when absent; a part that does not bind is null, and its checks are skipped.
     */
    private record Parts(List<CalibrationSpec.Parameter> parameters, String observed, boolean observedUsable,
                         CalibrationSpec.Window fitWindow, CalibrationSpec.Window holdOutWindow,
                         CalibrationSpec.Loss loss, CalibrationSpec.Evidence evidence) {
    }

    private Parts parts(JsonNode tree) {
        // The defaults, from the record's own @Default annotations rather than a second copy of them here.
        CalibrationSpec defaults = binder.bind(Json.mapper().createObjectNode().set("parameters",
                Json.mapper().createArrayNode()), CalibrationSpec.class, new ArrayList<>());
        List<CalibrationSpec.Parameter> parameters = checks.elements(tree, "parameters",
                CalibrationSpec.Parameter.class);
        JsonNode observedNode = tree.get("observed");
        boolean observedUsable = observedNode == null || observedNode.isTextual();
        return new Parts(parameters,
                observedNode != null && observedNode.isTextual() ? observedNode.textValue() : null,
                observedUsable,
                checks.part(tree, "fitWindow", CalibrationSpec.Window.class, defaults.fitWindow()),
                checks.part(tree, "holdOutWindow", CalibrationSpec.Window.class, defaults.holdOutWindow()),
                checks.part(tree, "loss", CalibrationSpec.Loss.class, defaults.loss()),
                checks.part(tree, "evidence", CalibrationSpec.Evidence.class, null));
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void checkParameters(List<CalibrationSpec.Parameter> parameters, Scenario scenario,
                                 List<Problem> problems) {
        if (!SpecChecks.anyParameters(parameters, PARAMETERS, problems)) {
            return;
        }
        JsonNode scenarioTree = scenario == null ? null : Json.mapper().valueToTree(scenario);
        SpecChecks.NumberOwners owners = scenarioTree == null ? null : new SpecChecks.NumberOwners(scenarioTree);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            CalibrationSpec.Parameter p = parameters.get(i);
            String at = JsonBinder.elementPath(PARAMETERS, i);
            texts.add(p == null ? null : p.path());
            if (p == null) {
                continue;
            }
            ScenarioPath path = SpecChecks.path(p.path(), JsonBinder.childPath(at, "path"), scenarioTree, problems);
            int earlier = path == null ? -1
                    : owners == null ? texts.indexOf(p.path()) : owners.claim(path, i);
            if (earlier >= 0 && earlier < i) {
                problems.add(new Problem(JsonBinder.childPath(at, "path"), "names the same number as "
                        + JsonBinder.elementPath(PARAMETERS, earlier) + " (" + texts.get(earlier)
                        + "); a number can be free only once"));
            }
            // The binder has already refused non-finite numbers, so only their order is left to check.
            if (!(p.lower() < p.upper())) {
                problems.add(new Problem(at, "lower " + SpecChecks.format(p.lower()) + " must be less than upper "
                        + SpecChecks.format(p.upper())));
            }
            if (p.logScale() && !(p.lower() > 0)) {
                problems.add(new Problem(JsonBinder.childPath(at, "lower"), "logScale needs lower > 0, found "
                        + SpecChecks.format(p.lower())));
            }
            if (p.prior() != null) {
                checkPrior(p, JsonBinder.childPath(at, "prior"), problems);
            }
            if (path != null && scenarioTree != null) {
                SpecChecks.checkValue(scenario, scenarioTree, path, p.lower(), JsonBinder.childPath(at, "lower"),
                        problems);
                SpecChecks.checkValue(scenario, scenarioTree, path, p.upper(), JsonBinder.childPath(at, "upper"),
                        problems);
            }
            for (int j = 0; j < p.alsoPaths().size(); j++) {
                String alsoText = p.alsoPaths().get(j);
                String alsoAt = JsonBinder.elementPath(JsonBinder.childPath(at, "alsoPaths"), j);
                ScenarioPath also = SpecChecks.path(alsoText, JsonBinder.childPath(alsoAt, "path"), scenarioTree,
                        problems);
                if (also == null || owners == null) {
                    continue;
                }
                int other = owners.claim(also, i);
                if (other >= 0 && other < i) {
                    problems.add(new Problem(alsoAt, "names the same number as "
                            + JsonBinder.elementPath(PARAMETERS, other) + " (" + texts.get(other)
                            + "); a number can be free only once"));
                }
                SpecChecks.checkValue(scenario, scenarioTree, also, p.lower(), JsonBinder.childPath(at, "lower"),
                        problems);
                SpecChecks.checkValue(scenario, scenarioTree, also, p.upper(), JsonBinder.childPath(at, "upper"),
                        problems);
            }
        }
    }

    /** The parameter's prior: the spec's, or uniform (log-uniform on a log scale) on [lower, upper]. */
    static Prior priorOf(CalibrationSpec.Parameter p) {
        CalibrationSpec.PriorSpec prior = p.prior();
        CalibrationSpec.Distribution distribution = prior != null ? prior.distribution()
                : p.logScale() ? CalibrationSpec.Distribution.LOG_UNIFORM : CalibrationSpec.Distribution.UNIFORM;
        return switch (distribution) {
            case UNIFORM -> new Prior.Uniform(p.lower(), p.upper());
            case LOG_UNIFORM -> new Prior.LogUniform(p.lower(), p.upper());
            case NORMAL -> new Prior.Normal(prior.mean(), prior.sd(), p.lower(), p.upper());
            case LOG_NORMAL -> new Prior.LogNormal(prior.median(), prior.sdLog(), p.lower(), p.upper());
        };
    }

    /** Checks a prior's keys against its distribution and the parameter's interval. */
    private static void checkPrior(CalibrationSpec.Parameter p, String at, List<Problem> problems) {
        CalibrationSpec.PriorSpec prior = p.prior();
        if (prior.distribution() == null) {
            return; // the binder has reported the missing or unknown distribution
        }
        String name = prior.distribution().jsonName();
        boolean normal = prior.distribution() == CalibrationSpec.Distribution.NORMAL;
        boolean logNormal = prior.distribution() == CalibrationSpec.Distribution.LOG_NORMAL;
        String[][] keys = {{"mean", "sd"}, {"median", "sdLog"}};
        Double[][] values = {{prior.mean(), prior.sd()}, {prior.median(), prior.sdLog()}};
        for (int shape = 0; shape < 2; shape++) {
            boolean wanted = shape == 0 ? normal : logNormal;
            for (int k = 0; k < 2; k++) {
                String keyAt = JsonBinder.childPath(at, keys[shape][k]);
                if (wanted && values[shape][k] == null) {
                    problems.add(new Problem(keyAt, "missing: a " + name + " prior needs " + keys[shape][0]
                            + " and " + keys[shape][1]));
                } else if (!wanted && values[shape][k] != null) {
                    problems.add(new Problem(keyAt, "not a key of a " + name + " prior"
                            + (shape == 0 ? " (mean and sd belong to normal)" : " (median and sdLog belong to "
                            + "log_normal)")));
                }
            }
        }
        Double centre = normal ? prior.mean() : logNormal ? prior.median() : null;
        String centreKey = normal ? "mean" : "median";
        if (centre != null && !(centre >= p.lower() && centre <= p.upper())) {
            problems.add(new Problem(JsonBinder.childPath(at, centreKey), SpecChecks.format(centre)
                    + " is outside the parameter's interval [" + SpecChecks.format(p.lower()) + ", "
                    + SpecChecks.format(p.upper()) + "]: the prior must put its centre where the parameter may lie"));
        }
        Double width = normal ? prior.sd() : logNormal ? prior.sdLog() : null;
        if (width != null && !(width > 0)) {
            problems.add(new Problem(JsonBinder.childPath(at, normal ? "sd" : "sdLog"), "must be greater than 0, "
                    + "found " + SpecChecks.format(width)));
        }
        boolean logShape = logNormal || prior.distribution() == CalibrationSpec.Distribution.LOG_UNIFORM;
        if (logShape && !(p.lower() > 0)) {
            problems.add(new Problem(JsonBinder.childPath(at, "distribution"), "a " + name + " prior needs lower > 0,"
                    + " found " + SpecChecks.format(p.lower())));
        }
        if ((normal || logNormal) && (prior.source() == null || prior.source().isBlank())) {
            problems.add(new Problem(JsonBinder.childPath(at, "source"), "missing: say where a " + name
                    + " prior comes from (a study, a published estimate, an earlier posterior)"));
        }
        if (!(normal || logNormal) && prior.source() != null && prior.source().isBlank()) {
            problems.add(new Problem(JsonBinder.childPath(at, "source"), "is empty"));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** The observed series, or null after reporting why it cannot be read. */
    private static ObservedSeries observed(String observed, Path specFile, List<Problem> specProblems,
                                           List<Problem> observedProblems) {
        if (observed == null) {
            return ObservedSeries.shipped();
        }
        Path csv = besideSpec(specFile, observed);
        try {
            return ObservedSeries.read(csv);
        } catch (NoSuchFileException e) {
            specProblems.add(new Problem(OBSERVED, "file not found: " + csv + " (the path is relative to the spec "
                    + "file's folder)"));
        } catch (IOException e) {
            specProblems.add(new Problem(OBSERVED, "cannot read " + csv + ": " + e.getMessage()));
        } catch (ObservedSeries.InvalidObservedData e) {
            observedProblems.addAll(e.problems());
        }
        return null;
    }

    private static void checkWindows(CalibrationSpec.Window fit, CalibrationSpec.Window holdOut,
                                     ObservedSeries observed, Scenario scenario, List<Problem> problems) {
        boolean fitOk = checkWindow(fit, FIT_WINDOW, observed, scenario, problems);
        boolean holdOutOk = checkWindow(holdOut, HOLD_OUT_WINDOW, observed, scenario, problems);
        if (fitOk && holdOutOk && holdOut.overlaps(fit)) {
            problems.add(new Problem(HOLD_OUT_WINDOW, holdOut + " overlaps the fit window " + fit
                    + "; held-out years must not be fitted"));
        }
    }

    /** Whether the window is usable (present with from ≤ to), after reporting its other problems. */
    private static boolean checkWindow(CalibrationSpec.Window window, String at, ObservedSeries observed,
                                       Scenario scenario, List<Problem> problems) {
        if (window == null) {
            return false;
        }
        if (window.from() > window.to()) {
            problems.add(new Problem(at, "from " + window.from() + " is after to " + window.to()));
            return false;
        }
        if (observed != null) {
            List<ObservedSeries.Period> singles = observed.periods().stream()
                    .filter(ObservedSeries.Period::isSingleYear).toList();
            boolean any = singles.stream().anyMatch(p -> window.from() <= p.startYear() && p.endYear() <= window.to());
            if (!any) {
                String available = singles.isEmpty() ? "has no single-year periods"
                        : "has single years from " + singles.get(0).startYear() + " to "
                        + singles.get(singles.size() - 1).startYear();
                problems.add(new Problem(at, "no single-year observed period lies within " + window
                        + "; the observed series (" + observed.source() + ") " + available));
            }
        }
        if (scenario != null) {
            // A year is compared with the model's arrivals over the whole year, so it must be simulated in full.
            int first = firstWholeYear(scenario);
            LocalDate end = scenario.end();
            int last = lastWholeYear(scenario);
            if (window.from() < first) {
                problems.add(new Problem(JsonBinder.childPath(at, "from"), window.from() + " is before " + first
                        + ", the first whole year the scenario simulates (it starts " + scenario.start() + ")"));
            }
            if (window.to() > last) {
                problems.add(new Problem(JsonBinder.childPath(at, "to"), window.to() + " is after " + last
                        + ", the last whole year the scenario simulates (it ends " + end + ")"));
            }
        }
        return true;
    }

    /** The first calendar year the scenario simulates from 1 January. */
    private static int firstWholeYear(Scenario scenario) {
        return scenario.start().getDayOfYear() == 1 ? scenario.start().getYear() : scenario.start().getYear() + 1;
    }

    /** The last calendar year the scenario simulates to 31 December. */
    private static int lastWholeYear(Scenario scenario) {
        LocalDate end = scenario.end();
        return end.getDayOfYear() == end.lengthOfYear() ? end.getYear() : end.getYear() - 1;
    }

    /** A file the spec names, relative to the spec file's folder. */
    public static Path besideSpec(Path specFile, String name) {
        Path folder = specFile.getParent();
        return folder == null ? Path.of(name) : folder.resolve(name);
    }

    private static void checkLoss(CalibrationSpec.Loss loss, Scenario scenario, List<Problem> problems) {
        if (loss == null) {
            return;
        }
        String sizeAt = JsonBinder.childPath(LOSS, "negativeBinomialSize");
        Double size = loss.negativeBinomialSize();
        if (loss.totals() == CalibrationSpec.Totals.NEGATIVE_BINOMIAL) {
            if (size == null) {
                if (scenario != null && !(scenario.annualVariation() > 0)) {
                    problems.add(new Problem(sizeAt, "missing, and the scenario has no annualVariation to derive it "
                            + "from: give the size k > 0 (persons; the variance is μ + μ²/k)"));
                }
            } else if (!(size > 0)) {
                problems.add(new Problem(sizeAt, "must be > 0, found " + SpecChecks.format(size)));
            }
        } else if (size != null) {
            problems.add(new Problem(sizeAt, "only used with \"totals\": \"negative_binomial\"; remove it or "
                    + "change totals"));
        }
        if (loss.weights().totals() == 0 && loss.weights().women() == 0) {
            problems.add(new Problem(JsonBinder.childPath(LOSS, "weights"),
                    "at least one weight must be > 0, or there is nothing to fit"));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * Observed periods the scenario cannot be compared with are said, never dropped in silence: one that begins after
     * the current year cannot have been observed (a year mistyped, 2100 for 2010) and is an error; those that reach
     * outside the scenario's simulated years (the ministry's 1953–1998 lump; the years after a short scenario) are
     * listed in one note.
     */
    private static void checkObservedYears(ObservedSeries observed, Scenario scenario, List<Problem> problems,
                                           List<String> notes) {
        int thisYear = LocalDate.now(ZoneOffset.UTC).getYear();
        List<String> outside = new ArrayList<>();
        for (ObservedSeries.Period p : observed.periods()) {
            String where = observed.where(p);
            if (p.startYear() > thisYear) {
                problems.add(new Problem(where, "period " + p.label() + " begins after " + thisYear + ", so it "
                        + "cannot have been observed yet: correct its year or remove it"));
            } else if (LocalDate.of(p.startYear(), p.startMonth(), 1).isBefore(scenario.start())
                    || LocalDate.of(p.endYear(), p.endMonth(), 1).plusMonths(1).minusDays(1).isAfter(scenario.end())) {
                outside.add(p.label() + " (" + where.substring(where.lastIndexOf(':') + 1) + ")");
            }
        }
        if (!outside.isEmpty()) {
            notes.add("observed periods reaching outside the simulated " + scenario.start() + " to "
                    + scenario.end() + " are not compared (line): " + String.join(", ", outside));
        }
    }

    /** The evidence file ({@code file} relative to the spec's folder, or the shipped one), or null after reporting. */
    private static EvidenceFile evidenceFile(String file, Path specFile, List<Problem> specProblems,
                                             List<Problem> evidenceProblems) {
        if (file == null) {
            return EvidenceFile.shipped();
        }
        Path csv = besideSpec(specFile, file);
        String at = JsonBinder.childPath(EVIDENCE, "file");
        try {
            return EvidenceFile.read(csv);
        } catch (NoSuchFileException e) {
            specProblems.add(new Problem(at, "file not found: " + csv + " (the path is relative to the spec file's "
                    + "folder)"));
        } catch (IOException e) {
            specProblems.add(new Problem(at, "cannot read " + csv + ": " + e.getMessage()));
        } catch (InvalidEvidenceException e) {
            evidenceProblems.addAll(e.problems());
        }
        return null;
    }

    /**
     * The items the spec fits, with their weights: those it names (unknown or repeated ids are problems of the
     * spec), or every item of the file. Each must lie in whole years the scenario simulates (a problem at the
     * item's line).
     */
    private static List<Objective.EvidenceTarget> evidenceTargets(CalibrationSpec.Evidence section,
                                                                  EvidenceFile file, Scenario scenario,
                                                                  List<Problem> specProblems,
                                                                  List<Problem> evidenceProblems) {
        List<Objective.EvidenceTarget> targets = new ArrayList<>();
        String itemsAt = JsonBinder.childPath(EVIDENCE, "items");
        Map<String, Double> byId = byIdWeights(section, file, specProblems);
        Map<String, Integer> seen = new HashMap<>();
        if (section.items() == null) {
            file.items().values().forEach(item -> targets.add(new Objective.EvidenceTarget(item,
                    byId.getOrDefault(item.id(), section.weight()))));
        } else {
            for (int i = 0; i < section.items().size(); i++) {
                CalibrationSpec.EvidenceChoice choice = section.items().get(i);
                String at = JsonBinder.elementPath(itemsAt, i);
                if (choice == null || choice.id() == null) {
                    continue;
                }
                EvidenceItem item = file.items().get(choice.id());
                if (item == null) {
                    specProblems.add(unknownItem(JsonBinder.childPath(at, "id"), choice.id(), file));
                    continue;
                }
                Integer earlier = seen.putIfAbsent(choice.id(), i);
                if (earlier != null) {
                    specProblems.add(new Problem(JsonBinder.childPath(at, "id"), "'" + choice.id() + "' is already "
                            + "fitted by " + JsonBinder.elementPath(itemsAt, earlier)));
                    continue;
                }
                if (choice.weight() != null && byId.containsKey(choice.id())) {
                    specProblems.add(new Problem(JsonBinder.childPath(at, "weight"), "'" + choice.id() + "' is "
                            + "weighted twice: here and in " + JsonBinder.childPath(WEIGHTS, choice.id())));
                    continue;
                }
                double weight = choice.weight() != null ? choice.weight()
                        : byId.getOrDefault(choice.id(), section.weight());
                if (!usableWeight(weight)) {
                    specProblems.add(badWeight(JsonBinder.childPath(at, "weight"), weight));
                    continue;
                }
                targets.add(new Objective.EvidenceTarget(item, weight));
            }
            if (section.items().isEmpty()) {
                specProblems.add(new Problem(itemsAt, "is empty; leave it out to fit every item of the file"));
            }
            for (String id : byId.keySet()) {
                if (!seen.containsKey(id)) {
                    specProblems.add(new Problem(JsonBinder.childPath(WEIGHTS, id), "'" + id + "' is not fitted: "
                            + "it is not among " + itemsAt + " (leave items out to fit every item of the file)"));
                }
            }
        }
        if (scenario != null) {
            int first = firstWholeYear(scenario);
            int last = lastWholeYear(scenario);
            for (Objective.EvidenceTarget t : targets) {
                EvidencePeriod p = t.item().period();
                if (p.startYear() < first || p.endYear() > last) {
                    evidenceProblems.add(new Problem(t.item().where(), "period " + p + " of '" + t.item().id()
                            + "' lies outside the whole years the scenario simulates (" + first + "-" + last + ")"));
                }
            }
        }
        return targets;
    }

    /**
     * The section's {@code weights} that name an item of the file with a usable weight, in the spec's order; the
     * others reported at {@code $.evidence.weights.<id>}.
     */
    private static Map<String, Double> byIdWeights(CalibrationSpec.Evidence section, EvidenceFile file,
                                                   List<Problem> specProblems) {
        Map<String, Double> usable = new LinkedHashMap<>();
        if (section.weights() == null) {
            return usable;
        }
        section.weights().forEach((id, weight) -> {
            String at = JsonBinder.childPath(WEIGHTS, id);
            if (!file.items().containsKey(id)) {
                specProblems.add(unknownItem(at, id, file));
            } else if (weight == null || !usableWeight(weight)) {
                specProblems.add(badWeight(at, weight));
            } else {
                usable.put(id, weight);
            }
        });
        return usable;
    }

    private static Problem unknownItem(String at, String id, EvidenceFile file) {
        return new Problem(at, "no evidence item '" + id + "' in " + file.source() + "; its ids are "
                + String.join(", ", file.items().keySet()));
    }

    /** A term's weight multiplies its loss: finite and ≥ 0. */
    private static boolean usableWeight(double weight) {
        return weight >= 0 && !Double.isInfinite(weight);
    }

    private static Problem badWeight(String at, Double weight) {
        return new Problem(at, "must be a finite number >= 0, found "
                + (weight == null ? "null" : SpecChecks.format(weight)));
    }
}
