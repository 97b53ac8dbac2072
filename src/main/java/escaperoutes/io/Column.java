package escaperoutes.io;

/**
 * The name of every column of the result folders' CSV tables, each written once here; {@link ResultTable} says which
 * table has which, in order. Writers ({@code output}) and readers ({@code chart}) use these constants.
 */
public final class Column {
    public static final String REPLICATION = "replication";
    public static final String YEAR = "year";
    public static final String MEASURE = "measure";
    public static final String SEX = "sex";
    public static final String VALUE = "value";
    public static final String MEAN = "mean";
    public static final String P05 = "p05";
    public static final String P50 = "p50";
    public static final String P95 = "p95";
    public static final String OBSERVED = "observed";
    public static final String EXIT_ROUTE = "exit_route";
    public static final String LAST_COUNTRY = "last_country";
    public static final String PROVINCE = "province";
    public static final String CROSSING_YEAR = "crossing_year";
    public static final String OUTCOME = "outcome";

    public static final String EVALUATION = "evaluation";
    public static final String LOSS = "loss";
    public static final String PROBLEM = "problem";
    public static final String WINDOW = "window";
    public static final String OBSERVED_TOTAL = "observed_total";
    public static final String OBSERVED_WOMEN = "observed_women";
    public static final String OBSERVED_MEN = "observed_men";
    public static final String SIMULATED_TOTAL_MEAN = "simulated_total_mean";
    public static final String SIMULATED_TOTAL_P05 = "simulated_total_p05";
    public static final String SIMULATED_TOTAL_P95 = "simulated_total_p95";
    public static final String SIMULATED_WOMEN_MEAN = "simulated_women_mean";
    public static final String SIMULATED_WOMEN_P05 = "simulated_women_p05";
    public static final String SIMULATED_WOMEN_P95 = "simulated_women_p95";
    public static final String SIMULATED_MEN_MEAN = "simulated_men_mean";
    public static final String SIMULATED_MEN_P05 = "simulated_men_p05";
    public static final String SIMULATED_MEN_P95 = "simulated_men_p95";
    public static final String OBSERVED_SHARE_WOMEN = "observed_share_women";
    public static final String SIMULATED_SHARE_WOMEN = "simulated_share_women";
    public static final String ITEM = "item";
    public static final String PERIOD = "period";
    public static final String STATISTIC = "statistic";
    public static final String KIND = "kind";
    public static final String LOW = "low";
    public static final String HIGH = "high";
    public static final String WEIGHT = "weight";
    public static final String SIMULATED_MEAN = "simulated_mean";
    public static final String SIMULATED_P05 = "simulated_p05";
    public static final String SIMULATED_P95 = "simulated_p95";
    public static final String INSIDE = "inside";
    public static final String SOURCE = "source";

    public static final String GENERATION = "generation";
    public static final String PARTICLE = "particle";
    public static final String DISTANCE = "distance";
    public static final String TOLERANCE = "tolerance";
    public static final String ACCEPTANCE_RATE = "acceptance_rate";
    public static final String PROPOSALS = "proposals";
    public static final String SIMULATIONS = "simulations";
    public static final String EFFECTIVE_SAMPLE_SIZE = "effective_sample_size";
    public static final String SECONDS = "seconds";
    public static final String LOG_SCALE = "log_scale";
    public static final String LOWER = "lower";
    public static final String UPPER = "upper";
    public static final String PRIOR = "prior";
    public static final String PRIOR_LOW = "prior_low";
    public static final String PRIOR_HIGH = "prior_high";
    public static final String ESS = "ess";
    public static final String WIDTH_RATIO = "width_ratio";
    public static final String DENSITY = "density";

    public static final String DIFFERENCE_VARIANCE = "difference_variance";
    public static final String CHANCE_VARIANCE = "chance_variance";
    public static final String PARAMETER_VARIANCE = "parameter_variance";
    public static final String PARAMETER_SHARE = "parameter_share";

    public static final String SCENARIO = "scenario";
    public static final String PROJECTED = "projected";
    public static final String FROM_YEAR = "from_year";
    public static final String TO_YEAR = "to_year";
    public static final String DIFFERENCE_MEAN = "difference_mean";
    public static final String DIFFERENCE_P05 = "difference_p05";
    public static final String DIFFERENCE_P50 = "difference_p50";
    public static final String DIFFERENCE_P95 = "difference_p95";

    public static final String POINT = "point";
    public static final String ROLE = "role";
    public static final String OUTPUT = "output";
    public static final String PARAMETER = "parameter";
    public static final String INDEX = "index";
    public static final String CI_LOW = "ci_low";
    public static final String CI_HIGH = "ci_high";

    /**
     * Not a column: where a table's columns named by the caller stand (a sweep's parameter names, a calibration's
     * parameter paths), in {@link ResultTable}'s lists.
     */
    public static final String PARAMETERS = "<parameters>";

    private Column() {
    }
}
