package escaperoutes.io;

import static escaperoutes.io.Column.CI_HIGH;
import static escaperoutes.io.Column.DISTANCE;
import static escaperoutes.io.Column.GENERATION;
import static escaperoutes.io.Column.PARTICLE;
import static escaperoutes.io.Column.CI_LOW;
import static escaperoutes.io.Column.CROSSING_YEAR;
import static escaperoutes.io.Column.DIFFERENCE_MEAN;
import static escaperoutes.io.Column.DIFFERENCE_P05;
import static escaperoutes.io.Column.DIFFERENCE_P50;
import static escaperoutes.io.Column.DIFFERENCE_P95;
import static escaperoutes.io.Column.EVALUATION;
import static escaperoutes.io.Column.EXIT_ROUTE;
import static escaperoutes.io.Column.FROM_YEAR;
import static escaperoutes.io.Column.INDEX;
import static escaperoutes.io.Column.LAST_COUNTRY;
import static escaperoutes.io.Column.LOSS;
import static escaperoutes.io.Column.MEAN;
import static escaperoutes.io.Column.MEASURE;
import static escaperoutes.io.Column.OBSERVED;
import static escaperoutes.io.Column.OBSERVED_MEN;
import static escaperoutes.io.Column.OBSERVED_SHARE_WOMEN;
import static escaperoutes.io.Column.OBSERVED_TOTAL;
import static escaperoutes.io.Column.OBSERVED_WOMEN;
import static escaperoutes.io.Column.OUTCOME;
import static escaperoutes.io.Column.OUTPUT;
import static escaperoutes.io.Column.P05;
import static escaperoutes.io.Column.P50;
import static escaperoutes.io.Column.P95;
import static escaperoutes.io.Column.PARAMETER;
import static escaperoutes.io.Column.PARAMETERS;
import static escaperoutes.io.Column.POINT;
import static escaperoutes.io.Column.PROBLEM;
import static escaperoutes.io.Column.PROJECTED;
import static escaperoutes.io.Column.PROVINCE;
import static escaperoutes.io.Column.REPLICATION;
import static escaperoutes.io.Column.ROLE;
import static escaperoutes.io.Column.SCENARIO;
import static escaperoutes.io.Column.SEX;
import static escaperoutes.io.Column.SIMULATED_MEN_MEAN;
import static escaperoutes.io.Column.SIMULATED_MEN_P05;
import static escaperoutes.io.Column.SIMULATED_MEN_P95;
import static escaperoutes.io.Column.SIMULATED_SHARE_WOMEN;
import static escaperoutes.io.Column.SIMULATED_TOTAL_MEAN;
import static escaperoutes.io.Column.SIMULATED_TOTAL_P05;
import static escaperoutes.io.Column.SIMULATED_TOTAL_P95;
import static escaperoutes.io.Column.SIMULATED_WOMEN_MEAN;
import static escaperoutes.io.Column.SIMULATED_WOMEN_P05;
import static escaperoutes.io.Column.SIMULATED_WOMEN_P95;
import static escaperoutes.io.Column.TO_YEAR;
import static escaperoutes.io.Column.VALUE;
import static escaperoutes.io.Column.WINDOW;
import static escaperoutes.io.Column.YEAR;
import static escaperoutes.io.Column.ITEM;
import static escaperoutes.io.Column.PERIOD;
import static escaperoutes.io.Column.STATISTIC;
import static escaperoutes.io.Column.KIND;
import static escaperoutes.io.Column.LOW;
import static escaperoutes.io.Column.HIGH;
import static escaperoutes.io.Column.WEIGHT;
import static escaperoutes.io.Column.SIMULATED_MEAN;
import static escaperoutes.io.Column.SIMULATED_P05;
import static escaperoutes.io.Column.SIMULATED_P95;
import static escaperoutes.io.Column.INSIDE;
import static escaperoutes.io.Column.SOURCE;

import java.util.ArrayList;
import java.util.List;

/**
 * Every CSV table of a result folder: its file name and its columns in order ({@link Column#PARAMETERS} where the
 * caller's own columns go). The writers build their tables from these lists and the readers find their columns by
 * these names, so a file or column is named in one place. What each column holds is described in the README's
 * tables of the run, calibration, comparison and sweep folders.
 */
public enum ResultTable {
    // A run (and a calibration's calibrated scenario): persons per year, by replication.
    ANNUAL("annual.csv", REPLICATION, YEAR, MEASURE, SEX, VALUE),
    SUMMARY("summary.csv", YEAR, MEASURE, SEX, MEAN, P05, P50, P95, OBSERVED),
    ROUTES("routes.csv", REPLICATION, YEAR, EXIT_ROUTE, LAST_COUNTRY, SEX, VALUE),
    ORIGINS("origins.csv", REPLICATION, YEAR, PROVINCE, SEX, VALUE),
    COHORTS("cohorts.csv", REPLICATION, CROSSING_YEAR, OUTCOME, SEX, VALUE),
    // A calibration.
    TRACE("trace.csv", EVALUATION, PARAMETERS, LOSS, PROBLEM),
    FIT("fit.csv", YEAR, WINDOW, OBSERVED_TOTAL, OBSERVED_WOMEN, OBSERVED_MEN, SIMULATED_TOTAL_MEAN,
            SIMULATED_TOTAL_P05, SIMULATED_TOTAL_P95, SIMULATED_WOMEN_MEAN, SIMULATED_WOMEN_P05, SIMULATED_WOMEN_P95,
            SIMULATED_MEN_MEAN, SIMULATED_MEN_P05, SIMULATED_MEN_P95, OBSERVED_SHARE_WOMEN, SIMULATED_SHARE_WOMEN),
    // A calibration with evidence: each item, its range and its simulated statistic over the final replications.
    EVIDENCE("evidence.csv", ITEM, MEASURE, PERIOD, STATISTIC, KIND, VALUE, LOW, HIGH, WEIGHT, SIMULATED_MEAN,
            SIMULATED_P05, SIMULATED_P95, INSIDE, LOSS, SOURCE),
    // A comparison.
    COMPARISON("comparison.csv", SCENARIO, YEAR, MEASURE, SEX, MEAN, P05, P50, P95, PROJECTED),
    DIFFERENCES("differences.csv", SCENARIO, YEAR, MEASURE, SEX, MEAN, P05, P50, P95, PROJECTED),
    CUMULATIVE("cumulative.csv", SCENARIO, MEASURE, SEX, FROM_YEAR, TO_YEAR, MEAN, P05, P50, P95, DIFFERENCE_MEAN,
            DIFFERENCE_P05, DIFFERENCE_P50, DIFFERENCE_P95),
    // A sweep: the parameters are the spec's names.
    /**
     * With {@code compare --posterior}: how the variance of each difference summed over the window splits between
     * the parameters' uncertainty and chance (every scenario but the base, flows only).
     */
    VARIANCE("variance.csv", SCENARIO, MEASURE, SEX, FROM_YEAR, TO_YEAR, Column.DIFFERENCE_VARIANCE,
            Column.CHANCE_VARIANCE, Column.PARAMETER_VARIANCE, Column.PARAMETER_SHARE),
    RESULTS("results.csv", POINT, REPLICATION, PARAMETERS, YEAR, MEASURE, SEX, VALUE),
    POINTS("points.csv", POINT, PARAMETERS, ROLE),
    SENSITIVITY_OUTPUTS("sensitivity-outputs.csv", POINT, REPLICATION, OUTPUT, VALUE),
    SENSITIVITY("sensitivity.csv", OUTPUT, PARAMETER, INDEX, VALUE, CI_LOW, CI_HIGH),

    // A posterior's folder (escape-routes posterior), besides a run's tables of its posterior predictive runs and
    // a calibration's fit.csv and evidence.csv for them. Parameters are named by their path in the spec.
    /** Every particle of every generation; the last generation is the posterior sample. */
    POSTERIOR("posterior.csv", GENERATION, PARTICLE, WEIGHT, DISTANCE, PARAMETERS),
    /**
     * Per parameter: its search scale and interval, the prior's name and 5%/95% quantiles, the posterior's weighted
     * mean and 5/50/95% quantiles, the effective sample size of the last generation, and the posterior's 90%
     * width over the prior's on the search scale (logarithmic for a log-scale parameter).
     */
    POSTERIOR_SUMMARY("posterior-summary.csv", Column.PARAMETER, Column.LOG_SCALE, Column.LOWER, Column.UPPER,
            Column.PRIOR, Column.PRIOR_LOW, Column.PRIOR_HIGH, MEAN, P05, P50, P95, Column.ESS, Column.WIDTH_RATIO),
    /** Per generation: its tolerance, acceptance rate, proposals, simulations, effective sample size, seconds. */
    GENERATIONS("generations.csv", GENERATION, Column.TOLERANCE, Column.ACCEPTANCE_RATE, Column.PROPOSALS,
            Column.SIMULATIONS, Column.EFFECTIVE_SAMPLE_SIZE, Column.SECONDS),
    /**
     * Each parameter's prior density on its search scale, at 101 evenly spaced points from lower to upper (in
     * value units, evenly in the logarithm for a log-scale parameter): density per unit of the search coordinate
     * u in [0, 1], so a histogram of the posterior over bins of equal width in u compares directly.
     */
    PRIOR_DENSITY("prior-density.csv", Column.PARAMETER, VALUE, Column.DENSITY);

    private final String file;
    private final List<String> columns;

    ResultTable(String file, String... columns) {
        this.file = file;
        this.columns = List.of(columns);
    }

    public String file() {
        return file;
    }

    /** The columns, for a table without parameter columns. */
    public List<String> columns() {
        if (columns.contains(PARAMETERS)) {
            throw new IllegalStateException(file + " has parameter columns: name them");
        }
        return columns;
    }

    /** The columns, with {@code parameters} in the place of {@link Column#PARAMETERS}. */
    public List<String> columns(List<String> parameters) {
        List<String> all = new ArrayList<>();
        for (String c : columns) {
            if (c.equals(PARAMETERS)) {
                all.addAll(parameters);
            } else {
                all.add(c);
            }
        }
        return all;
    }

    /** The columns a reader needs: every fixed column ({@code parameters} are checked by whoever knows them). */
    public String[] required() {
        return columns.stream().filter(c -> !c.equals(PARAMETERS)).toArray(String[]::new);
    }
}
