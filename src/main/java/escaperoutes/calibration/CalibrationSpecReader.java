package escaperoutes.calibration;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
                                      List<Path> scenarioFiles, ObservedSeries observed) {
        public ResolvedCalibration {
            Objects.requireNonNull(spec, "spec");
            Objects.requireNonNull(specFile, "specFile");
            Objects.requireNonNull(scenario, "scenario");
            scenarioFiles = List.copyOf(scenarioFiles);
            Objects.requireNonNull(observed, "observed");
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
        JsonNode tree = SpecChecks.parseObject(specFile, specProblems);
        if (tree != null) {
            spec = binder.bind(tree, CalibrationSpec.class, specProblems);
            // The checks below run on each part that binds on its own, so that a typo in one key does not hide
            // a reversed bound in another: the user fixes the file in one go.
            Parts parts = parts(tree);
            checkParameters(parts.parameters(), scenario, specProblems);
            if (parts.observedUsable()) {
                observed = observed(parts.observed(), specFile, specProblems, observedProblems);
            }
            checkWindows(parts.fitWindow(), parts.holdOutWindow(), observed, scenario, specProblems);
            checkLoss(parts.loss(), specProblems);
        }

        List<Problem> problems = new ArrayList<>(SpecChecks.inFile(source, specProblems));
        problems.addAll(observedProblems);
        problems.addAll(scenarioProblems);
        if (!problems.isEmpty()) {
            throw new InvalidCalibrationSpecException(source, problems);
        }
        return new ResolvedCalibration(spec, specFile, scenario, scenarioFiles, observed);
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * The spec's parts, each bound on its own (problems discarded: the whole-spec binding reports them) or given
     * its default when absent; a part that does not bind is null, and its checks are skipped.
     */
    private record Parts(List<CalibrationSpec.Parameter> parameters, String observed, boolean observedUsable,
                         CalibrationSpec.Window fitWindow, CalibrationSpec.Window holdOutWindow,
                         CalibrationSpec.Loss loss) {
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
                checks.part(tree, "loss", CalibrationSpec.Loss.class, defaults.loss()));
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

    // ---------------------------------------------------------------------------------------------------------------

    /** The observed series, or null after reporting why it cannot be read. */
    private static ObservedSeries observed(String observed, Path specFile, List<Problem> specProblems,
                                           List<Problem> observedProblems) {
        if (observed == null) {
            return ObservedSeries.shipped();
        }
        Path folder = specFile.getParent();
        Path csv = folder == null ? Path.of(observed) : folder.resolve(observed);
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
            int first = scenario.start().getDayOfYear() == 1 ? scenario.start().getYear()
                    : scenario.start().getYear() + 1;
            LocalDate end = scenario.end();
            int last = end.getDayOfYear() == end.lengthOfYear() ? end.getYear() : end.getYear() - 1;
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

    private static void checkLoss(CalibrationSpec.Loss loss, List<Problem> problems) {
        if (loss == null) {
            return;
        }
        String sizeAt = JsonBinder.childPath(LOSS, "negativeBinomialSize");
        Double size = loss.negativeBinomialSize();
        if (loss.totals() == CalibrationSpec.Totals.NEGATIVE_BINOMIAL) {
            if (size == null) {
                problems.add(new Problem(sizeAt, "missing required field with \"totals\": \"negative_binomial\" "
                        + "(the size k > 0, persons; the variance is μ + μ²/k)"));
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
}
