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
public final class Recorder implements ModelListener {
    private final ModelConfig config;
    private final ModelCalendar calendar;
    private final int years;
    /** flows[measure][year][sex]. */
    private final long[][][] flows;
    /** Net change of each status's population during each year: stockChange[status][year][sex]. */
    private final long[][][] stockChange;
    private final double[][] yearsInChinaSum;
    private final long[][] yearsInChinaCount;
    /** routes[exit (country index, or countries.size() for direct)][last country][year][sex]. */
    private final long[][][][] routes;
    private final long[][][] origins;
    /** Arrivals by month (from January of the first year) and sex, for targets that cover part of a year. */
    private final long[][] monthlyArrivals;
    private final CrossingCohorts cohorts;

    public Recorder(ModelConfig config) {
        this.config = config;
        this.calendar = config.calendar();
        this.years = calendar.years();
        int countries = config.countries().size();
        flows = new long[Measure.values().length][years][Sex.COUNT];
        stockChange = new long[Status.COUNT][years][Sex.COUNT];
        yearsInChinaSum = new double[years][Sex.COUNT];
        yearsInChinaCount = new long[years][Sex.COUNT];
        routes = new long[countries + 1][countries][years][Sex.COUNT];
        origins = new long[config.provinces().size()][years][Sex.COUNT];
        monthlyArrivals = new long[12 * years][Sex.COUNT];
        cohorts = new CrossingCohorts(years);
    }

    @Override
    public void transition(Person person, Status from, Status to, double day) {
        int y = calendar.yearIndex(day);
        int s = person.sex().index();
        cohorts.transition(person.id(), s, from, to, y);
        if (from != Status.NOT_STARTED) {
            stockChange[from.ordinal()][y][s]--;
        }
        stockChange[to.ordinal()][y][s]++;
        switch (to) {
            case TRAVELLING_NK:
                if (from == Status.NOT_STARTED || from == Status.WAITING_NK) {
                    count(Measure.ATTEMPTS, y, s);
                }
                break;
            case TRANSIT_CHINA:
                if (from == Status.TRAVELLING_NK) {
                    count(Measure.BORDER_CROSSINGS, y, s);
                }
                break;
            case DIED:
                if (from == Status.TRAVELLING_NK) {
                    count(Measure.BORDER_DEATHS, y, s);
                } else if (from == Status.TRANSIT_CHINA || from == Status.TRANSIT_ABROAD) {
                    count(Measure.TRANSIT_DEATHS, y, s);
                }
                break;
            case DETAINED_NK:
                if (from == Status.TRAVELLING_NK) {
                    count(Measure.BORDER_CAUGHT, y, s);
                } else if (from == Status.DETAINED_CHINA) {
                    count(Measure.REPATRIATIONS, y, s);
                }
                break;
            case DETAINED_CHINA:
                count(Measure.ARRESTS_CHINA, y, s);
                break;
            case HIDING_CHINA:
                if (from == Status.DETAINED_CHINA) {
                    count(Measure.RELEASES_CHINA, y, s);
                }
                break;
            case ARRIVED:
                count(Measure.ARRIVALS, y, s);
                int exit = person.exitCountry() >= 0 ? person.exitCountry() : config.countries().size();
                routes[exit][person.lastCountry()][y][s]++;
                origins[person.province()][y][s]++;
                monthlyArrivals[calendar.monthIndex(day)][s]++;
                if (!Double.isNaN(person.chinaEntryDay())) {
                    yearsInChinaSum[y][s] += (day - person.chinaEntryDay()) / 365.25;
                    yearsInChinaCount[y][s]++;
                }
                break;
            default:
                break;
        }
    }

    private void count(Measure measure, int year, int sex) {
        flows[measure.ordinal()][year][sex]++;
    }

    /** The population of each status at the end of each year: stocks[status][year][sex]. */
    long[][][] stocks() {
        long[][][] stocks = new long[Status.COUNT][years][Sex.COUNT];
        for (int status = 0; status < Status.COUNT; status++) {
            for (int s = 0; s < Sex.COUNT; s++) {
                long level = 0;
                for (int y = 0; y < years; y++) {
                    level += stockChange[status][y][s];
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
                        case FLOW -> flows[measure.ordinal()][y][s] * personsPerAgent;
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
                config.provinces().stream().map(p -> p.name()).toList(), origins, monthlyArrivals, cohorts.outcomes(),
                personEvents, persons, personsPerAgent);
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
