package escaperoutes.observe;

import escaperoutes.model.ModelCalendar;
import escaperoutes.model.ModelConfig;
import escaperoutes.model.ModelListener;
import escaperoutes.model.Person;
import escaperoutes.model.Sex;
import escaperoutes.model.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts one replication's transitions into flows, stocks, arrivals by route and origin, and the outcomes of each
 * year's crossers (see {@link CrossingCohorts}).
 */
public final class Recorder implements ModelListener, java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final int MEASURES = Measure.values().length;
    /**
     * The flow measure each transition counts in, by from.ordinal() · Status.COUNT + to.ordinal(); MEASURES (a row
     * of {@link #flows} that is never read) for transitions no flow counts. One table read per transition instead of
     * a switch whose branches the processor cannot predict.
     */
    private static final int[] MEASURE_OF = new int[Status.COUNT * Status.COUNT];
    /** What else a transition is recorded in, by the same index as {@link #MEASURE_OF}: one of the codes below. */
    private static final byte[] DETAIL_OF = new byte[Status.COUNT * Status.COUNT];
    private static final byte NO_DETAIL = 0;
    private static final byte ARRIVAL = 1;
    private static final byte REPATRIATION = 2;
    private static final byte ARREST_IN_HIDING = 3;

    static {
        for (Status from : Status.values()) {
            for (Status to : Status.values()) {
                int pair = from.ordinal() * Status.COUNT + to.ordinal();
                MEASURE_OF[pair] = measureOf(from, to);
                DETAIL_OF[pair] = to == Status.ARRIVED ? ARRIVAL
                        : from == Status.DETAINED_CHINA && to == Status.DETAINED_NK ? REPATRIATION
                        : from == Status.HIDING_CHINA && to == Status.DETAINED_CHINA ? ARREST_IN_HIDING
                        : NO_DETAIL;
            }
        }
    }

    /** The flow measure a transition counts in (its ordinal), or MEASURES for none. */
    private static int measureOf(Status from, Status to) {
        Measure measure = switch (to) {
            case TRAVELLING_NK -> from == Status.NOT_STARTED || from == Status.WAITING_NK ? Measure.ATTEMPTS : null;
            // Leaving from an origin outside North Korea (workers abroad): outside North Korea from the start.
            case TRANSIT_ABROAD -> from == Status.NOT_STARTED || from == Status.WAITING_NK ? Measure.ATTEMPTS : null;
            case TRANSIT_CHINA -> from == Status.TRAVELLING_NK ? Measure.BORDER_CROSSINGS : null;
            case DIED -> from == Status.TRAVELLING_NK ? Measure.BORDER_DEATHS
                    : from == Status.TRANSIT_CHINA || from == Status.TRANSIT_ABROAD ? Measure.TRANSIT_DEATHS : null;
            case DETAINED_NK -> from == Status.TRAVELLING_NK ? Measure.BORDER_CAUGHT
                    : from == Status.DETAINED_CHINA ? Measure.REPATRIATIONS
                    : from == Status.TRANSIT_ABROAD ? Measure.CAUGHT_ABROAD : null;
            case DETAINED_CHINA -> Measure.ARRESTS_CHINA;
            case HIDING_CHINA -> from == Status.DETAINED_CHINA ? Measure.RELEASES_CHINA : null;
            case ARRIVED -> Measure.ARRIVALS;
            default -> null;
        };
        return measure == null ? MEASURES : measure.ordinal();
    }

    private final ModelConfig config;
    private final ModelCalendar calendar;
    private final int years;
    /**
     * flows[(year · (MEASURES + 1) + measure) · Sex.COUNT + sex]; measure MEASURES takes the transitions no flow
     * counts. Flat, so that a transition's three counters cost one address computation and no chain of loads.
     */
    private final long[] flows;
    /**
     * Net change of each status's population during each year: stockChange[(year · Status.COUNT + status) ·
     * Sex.COUNT + sex].
     */
    private final long[] stockChange;
    private final double[][] yearsInChinaSum;
    private final long[][] yearsInChinaCount;
    /** routes[exit (country index, or countries.size() for direct)][last country][year][sex]. */
    private final long[][][][] routes;
    private final long[][][] origins;
    /** Arrivals by month (from January of the first year) and sex, for targets that cover part of a year. */
    private final long[][] monthlyArrivals;
    /** Repatriations (China to North Korea) by month and sex, for evidence about single months (a 2023 wave). */
    private final long[][] monthlyRepatriations;
    /** Years from the latest entry into China to arrival, summed over each month's arrivals who were in China. */
    private final double[][] monthlyYearsInChinaSum;
    private final long[][] monthlyYearsInChinaCount;
    /** Arrests of people hiding in China (not in transit) by year and sex, for the arrest hazard of those hiding. */
    private final long[][] arrestsInHiding;
    private final CrossingCohorts cohorts;
    /**
     * The year (index) of the latest transition and its bounds, days: transitions come nearly in time order, so
     * this mostly saves the division and search of {@link ModelCalendar#yearIndex} on every transition.
     */
    private int cachedYear;
    private double cachedYearStart;
    private double cachedYearEnd;

    public Recorder(ModelConfig config) {
        this.config = config;
        this.calendar = config.calendar();
        this.years = calendar.years();
        int countries = config.countries().size();
        flows = new long[years * (MEASURES + 1) * Sex.COUNT];
        stockChange = new long[years * Status.COUNT * Sex.COUNT];
        yearsInChinaSum = new double[years][Sex.COUNT];
        yearsInChinaCount = new long[years][Sex.COUNT];
        routes = new long[countries + 1][countries][years][Sex.COUNT];
        origins = new long[config.provinces().size()][years][Sex.COUNT];
        monthlyArrivals = new long[12 * years][Sex.COUNT];
        monthlyRepatriations = new long[12 * years][Sex.COUNT];
        monthlyYearsInChinaSum = new double[12 * years][Sex.COUNT];
        monthlyYearsInChinaCount = new long[12 * years][Sex.COUNT];
        arrestsInHiding = new long[years][Sex.COUNT];
        cohorts = new CrossingCohorts(calendar);
        cacheYear(0);
    }

    @Override
    public void transition(Person person, Status from, Status to, double day) {
        int y = day >= cachedYearStart && day < cachedYearEnd ? cachedYear : cacheYear(calendar.yearIndex(day));
        int s = person.sex().index();
        int pair = from.ordinal() * Status.COUNT + to.ordinal();
        int statusBase = y * Status.COUNT;
        // NOT_STARTED's own stock goes negative here (no branch on it); no measure reads it.
        stockChange[(statusBase + from.ordinal()) * Sex.COUNT + s]--;
        stockChange[(statusBase + to.ordinal()) * Sex.COUNT + s]++;
        flows[(y * (MEASURES + 1) + MEASURE_OF[pair]) * Sex.COUNT + s]++;
        byte detail = DETAIL_OF[pair];
        if (detail != NO_DETAIL) {
            switch (detail) {
                case ARRIVAL -> arrived(person, y, s, day);
                case REPATRIATION -> monthlyRepatriations[calendar.monthIndex(day)][s]++;
                default -> arrestsInHiding[y][s]++;
            }
        }
        cohorts.transition(pair, person, s, to, day);
    }

    private void arrived(Person person, int y, int s, double day) {
        int exit = person.exitCountry() >= 0 ? person.exitCountry() : config.countries().size();
        routes[exit][person.lastCountry()][y][s]++;
        origins[person.province()][y][s]++;
        int month = calendar.monthIndex(day);
        monthlyArrivals[month][s]++;
        if (!Double.isNaN(person.chinaEntryDay())) {
            double yearsInChina = (day - person.chinaEntryDay()) / 365.25;
            yearsInChinaSum[y][s] += yearsInChina;
            yearsInChinaCount[y][s]++;
            monthlyYearsInChinaSum[month][s] += yearsInChina;
            monthlyYearsInChinaCount[month][s]++;
        }
    }

    private int cacheYear(int year) {
        cachedYear = year;
        cachedYearStart = calendar.yearStartDay(year);
        cachedYearEnd = calendar.yearStartDay(year + 1);
        return year;
    }

    /** The population of each status at the end of each year: stocks[status][year][sex]. */
    long[][][] stocks() {
        long[][][] stocks = new long[Status.COUNT][years][Sex.COUNT];
        for (int status = 0; status < Status.COUNT; status++) {
            for (int s = 0; s < Sex.COUNT; s++) {
                long level = 0;
                for (int y = 0; y < years; y++) {
                    level += stockChange[(y * Status.COUNT + status) * Sex.COUNT + s];
                    stocks[status][y][s] = level;
                }
            }
        }
        return stocks;
    }

    public RunResult result(int replication, long personEvents, int persons) {
        long[][][] stocks = stocks();
        // Counts are reported in persons: with scale s agents per person, each agent stands for 1/s persons.
        double personsPerAgent = 1.0 / config.scale();
        double[][][] values = new double[Measure.values().length][years][SexGroup.COUNT];
        for (Measure measure : Measure.values()) {
            double[][] v = values[measure.ordinal()];
            for (int y = 0; y < years; y++) {
                for (int s = 0; s < Sex.COUNT; s++) {
                    v[y][s] = switch (measure.kind()) {
                        case FLOW -> flows[(y * (MEASURES + 1) + measure.ordinal()) * Sex.COUNT + s] * personsPerAgent;
                        case STOCK -> stockOf(measure, stocks, y, s) * personsPerAgent;
                        case MEAN -> yearsInChinaCount[y][s] == 0 ? Double.NaN
                                : yearsInChinaSum[y][s] / yearsInChinaCount[y][s];
                    };
                }
                v[y][SexGroup.ALL.ordinal()] = measure.kind() == Measure.Kind.MEAN
                        ? pooledMean(y) : v[y][0] + v[y][1];
            }
        }
        List<String> exits = new ArrayList<>(config.countries().size() + 1);
        exits.addAll(config.countries());
        exits.add("direct");
        return new RunResult(replication, calendar.firstYear(), values, exits, config.countries(), routes,
                config.provinces().stream().map(p -> p.name()).toList(), origins, new RunResult.Monthly(
                monthlyArrivals, monthlyRepatriations, monthlyYearsInChinaSum, monthlyYearsInChinaCount),
                arrestsInHiding, cohorts.outcomes(), personEvents, persons, personsPerAgent);
    }

    private static double stockOf(Measure measure, long[][][] stocks, int year, int sex) {
        long total = 0;
        for (Status status : Status.values()) {
            if (measure.countsStatus(status)) {
                total += stocks[status.ordinal()][year][sex];
            }
        }
        return total;
    }

    private double pooledMean(int year) {
        long n = yearsInChinaCount[year][0] + yearsInChinaCount[year][1];
        return n == 0 ? Double.NaN : (yearsInChinaSum[year][0] + yearsInChinaSum[year][1]) / n;
    }
}
