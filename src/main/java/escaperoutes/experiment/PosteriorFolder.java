package escaperoutes.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import escaperoutes.calibration.CalibrationSpec;
import escaperoutes.io.InvalidCsvException;
import escaperoutes.io.JsonBinder;
import escaperoutes.io.Problem;
import escaperoutes.io.ResultFiles;
import escaperoutes.model.RandomStreams;
import escaperoutes.output.Manifest;
import escaperoutes.output.PosteriorFiles;
import escaperoutes.parameter.Parameter;
import escaperoutes.parameter.ParameterSpace;
import escaperoutes.parameter.Scale;
import escaperoutes.posterior.AbcSmc;
import escaperoutes.posterior.PosteriorSummary;
import escaperoutes.scenario.Scenario;
import escaperoutes.scenario.SpecChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A posterior's folder read back to carry its parameter uncertainty into other jobs ({@code compare --posterior}):
 * the free parameters of the spec it was sampled with ({@code calibration-spec.json}) and its last generation
 * ({@code posterior-state.csv}, exact unit coordinates and weights).
 */
final class PosteriorFolder {

    /** The stream whose first number places the systematic resampling of the draws. */
    static final String DRAWS_STREAM = "posterior-draws";

    private final Path dir;
    private final List<CalibrationSpec.Parameter> specParameters;
    private final List<Parameter> parameters;
    private final AbcSmc.Generation posterior;
    private final String stateSha256;

    private PosteriorFolder(Path dir, List<CalibrationSpec.Parameter> specParameters, AbcSmc.Generation posterior,
                            String stateSha256) {
        this.dir = dir;
        this.specParameters = List.copyOf(specParameters);
        this.parameters = specParameters.stream().map(p -> Parameter.of(p.path(), p.path(), p.alsoPaths(),
                Scale.range(p.lower(), p.upper(), p.logScale()))).toList();
        this.posterior = posterior;
        this.stateSha256 = stateSha256;
    }

    /** Reads the folder; a folder that is not a finished generation's posterior is refused, saying why. */
    static PosteriorFolder read(Path dir) throws JobRefused, IOException {
        return read(dir, "--posterior " + dir);
    }

    /** As {@link #read(Path)}; {@code named} says where the folder was named, to begin a refusal's message. */
    static PosteriorFolder read(Path dir, String named) throws JobRefused, IOException {
        Path specFile = dir.resolve(ResultFiles.CALIBRATION_SPEC);
        Path state = dir.resolve(ResultFiles.POSTERIOR_STATE);
        if (!Files.isDirectory(dir)) {
            throw new JobRefused(named + ": no such folder");
        }
        if (!Files.exists(specFile) || !Files.exists(state)) {
            throw new JobRefused(named + ": not a posterior's folder (it needs "
                    + ResultFiles.CALIBRATION_SPEC + " and " + ResultFiles.POSTERIOR_STATE
                    + ", as escape-routes posterior writes them)");
        }
        List<Problem> problems = new ArrayList<>();
        JsonNode tree = SpecChecks.parseObject(specFile, problems);
        CalibrationSpec spec = tree == null ? null : new JsonBinder().bind(tree, CalibrationSpec.class, problems);
        if (!problems.isEmpty() || spec == null) {
            throw new JobRefused(SpecChecks.inFile(specFile.toString(), problems).stream().map(Problem::toString)
                    .toList());
        }
        List<AbcSmc.Generation> generations;
        try {
            generations = PosteriorFiles.readState(dir, spec.parameters().size());
        } catch (InvalidCsvException e) {
            throw new JobRefused(named + ": " + e.getMessage());
        }
        if (generations.isEmpty()) {
            throw new JobRefused(named + ": " + state + " holds no complete generation");
        }
        return new PosteriorFolder(dir, spec.parameters(), generations.get(generations.size() - 1),
                Manifest.sha256(state));
    }

    Path dir() {
        return dir;
    }

    /** The posterior's parameters as its spec gives them: path and the paths set to the same value. */
    List<CalibrationSpec.Parameter> specParameters() {
        return specParameters;
    }

    String stateSha256() {
        return stateSha256;
    }

    /**
     * The parameters' values at posterior draws 0 … draws − 1: systematic resampling of the last generation by
     * weight, placed by the seed, so that a comparison's scenarios share their draws and a seed gives the same ones.
     */
    List<double[]> draws(int draws, long seed) {
        double u = new RandomStreams(seed, 0).stream(DRAWS_STREAM).nextDouble();
        List<double[]> values = new ArrayList<>(draws);
        for (AbcSmc.Particle p : PosteriorSummary.resample(posterior, draws, u)) {
            double[] v = new double[parameters.size()];
            for (int k = 0; k < v.length; k++) {
                v[k] = parameters.get(k).scale().valueAt(p.unit()[k]);
            }
            values.add(v);
        }
        return values;
    }

    /**
     * The posterior's parameters over a scenario; refused, naming the posterior spec's JSON path, if one is not a
     * number of the scenario.
     *
     * @param scenarioFile the scenario's file, for the message
     */
    ParameterSpace spaceOver(Scenario scenario, String scenarioFile) throws JobRefused {
        try {
            return new ParameterSpace(scenario, parameters);
        } catch (IllegalArgumentException e) {
            // Name the first parameter the scenario lacks, by its place in the posterior's spec.
            for (int i = 0; i < parameters.size(); i++) {
                try {
                    new ParameterSpace(scenario, List.of(parameters.get(i)));
                } catch (IllegalArgumentException missing) {
                    throw new JobRefused(dir.resolve(ResultFiles.CALIBRATION_SPEC) + ": "
                            + JsonBinder.childPath(JsonBinder.elementPath(JsonBinder.childPath(JsonBinder.ROOT,
                            "parameters"), i), "path") + ": " + specParameters.get(i).path() + " is not a number of "
                            + scenarioFile + " (" + missing.getMessage() + "); the posterior's parameters must all "
                            + "be numbers of the scenario they are set in");
                }
            }
            throw new JobRefused(scenarioFile + ": the posterior's parameters cannot be set: " + e.getMessage());
        }
    }
}
