package escaperoutes.observe;

import java.util.List;

/**
 * What one replication produced, by calendar year. Immutable once built by {@link Recorder#result}.
 *
 * <p>Routes are keyed by exit route — the first country outside North Korea and China on the successful trip, or
 * {@code direct_from_<country>} when the person reached South Korea straight from North Korea or China (by sea or
 * across the DMZ; by air from China) — and the last country before South Korea.
 *
 * <p>Cohort outcomes count, for each calendar year, the people who first crossed from North Korea into China that
 * year, by what had become of them at the end of the run ({@link CohortOutcome}). People already in China when the
 * run starts (the initial stock) crossed before it and are in no cohort.
 */
public final class RunResult {
    private final int replication;
    private final int firstYear;
    private final double[][][] values;
    private final List<String> exitRoutes;
    private final List<String> lastCountries;
    private final long[][][][] routeArrivals;
    private final List<String> provinces;
    private final long[][][] originArrivals;
    private final Monthly monthly;
    /** arrestsInHiding[year − firstYear][female 0, male 1], agents. */
    private final long[][] arrestsInHiding;
    /** cohortOutcomes[crossing year − firstYear][outcome][female 0, male 1], agents. */
    private final long[][][] cohortOutcomes;
    private final long personEvents;
    private final int persons;
    /** 1 / scale: what one agent counts for in the route, origin and cohort tables, persons. */
    private final double personsPerAgent;

    RunResult(int replication, int firstYear, double[][][] values, List<String> exitRoutes,
              List<String> lastCountries, long[][][][] routeArrivals, List<String> provinces,
              long[][][] originArrivals, Monthly monthly, long[][] arrestsInHiding, long[][][] cohortOutcomes,
              long personEvents, int persons, double personsPerAgent) {
        this.replication = replication;
        this.firstYear = firstYear;
        this.values = values;
        this.exitRoutes = List.copyOf(exitRoutes);
        this.lastCountries = List.copyOf(lastCountries);
        this.routeArrivals = routeArrivals;
        this.provinces = List.copyOf(provinces);
        this.originArrivals = originArrivals;
        this.monthly = monthly;
        this.arrestsInHiding = arrestsInHiding;
        this.cohortOutcomes = cohortOutcomes;
        this.personEvents = personEvents;
        this.persons = persons;
        this.personsPerAgent = personsPerAgent;
    }

    public int replication() {
        return replication;
    }

    public int firstYear() {
        return firstYear;
    }

    public int years() {
        return values[0].length;
    }

    public int lastYear() {
        return firstYear + years() - 1;
    }

    /** The measure in a calendar year; NaN for a mean over no arrivals. */
    public double value(Measure measure, int year, SexGroup sex) {
        return values[measure.ordinal()][year - firstYear][sex.ordinal()];
    }

    /** Sum of a flow measure over the calendar years [fromYear, toYear]. */
    public double sum(Measure measure, int fromYear, int toYear, SexGroup sex) {
        double total = 0;
        for (int y = fromYear; y <= toYear; y++) {
            total += value(measure, y, sex);
        }
        return total;
    }

    public List<String> exitRoutes() {
        return exitRoutes;
    }

    public List<String> lastCountries() {
        return lastCountries;
    }

    /**
     * The exit route as the route tables name it: the exit country, or {@code direct_from_<last country>} for those
     * who reached South Korea straight from North Korea or China (indices into the two lists).
     */
    public String exitRouteLabel(int exitRoute, int lastCountry) {
        String exit = exitRoutes.get(exitRoute);
        return exit.equals("direct") ? "direct_from_" + lastCountries.get(lastCountry) : exit;
    }

    /** Arrivals (persons) in a year by exit route and last country (indices into the two lists). */
    public double routeArrivals(int exitRoute, int lastCountry, int year, SexGroup sex) {
        long[] bySex = routeArrivals[exitRoute][lastCountry][year - firstYear];
        return (sex == SexGroup.ALL ? bySex[0] + bySex[1] : bySex[sex.ordinal()]) * personsPerAgent;
    }

    public List<String> provinces() {
        return provinces;
    }

    /** Arrivals (persons) in a year from a province (index into {@link #provinces()}). */
    public double originArrivals(int province, int year, SexGroup sex) {
        long[] bySex = originArrivals[province][year - firstYear];
        return (sex == SexGroup.ALL ? bySex[0] + bySex[1] : bySex[sex.ordinal()]) * personsPerAgent;
    }

    /**
     * Arrivals (persons) in the calendar months from {@code fromYear}-{@code fromMonth} to {@code toYear}-{@code
     * toMonth} inclusive (months 1-12), for targets that cover part of a year or several years.
     */
    public double arrivalsInMonths(int fromYear, int fromMonth, int toYear, int toMonth, SexGroup sex) {
        return sumOverMonths(monthly.arrivals, fromYear, fromMonth, toYear, toMonth, sex) * personsPerAgent;
    }

    /** Repatriations from China to North Korea (persons) in the months given as {@link #arrivalsInMonths} takes them. */
    public double repatriationsInMonths(int fromYear, int fromMonth, int toYear, int toMonth, SexGroup sex) {
        return sumOverMonths(monthly.repatriations, fromYear, fromMonth, toYear, toMonth, sex) * personsPerAgent;
    }

    /**
     * Mean years from the latest entry into China to arrival over the arrivals of those months who had been in China
     * (the months as {@link #arrivalsInMonths} takes them); NaN when there were none.
     */
    public double meanYearsInChinaOfArrivalsInMonths(int fromYear, int fromMonth, int toYear, int toMonth,
                                                     SexGroup sex) {
        int[] span = months(fromYear, fromMonth, toYear, toMonth);
        double sum = 0;
        long count = 0;
        for (int m = span[0]; m <= span[1]; m++) {
            for (int s = 0; s < 2; s++) {
                if (sex == SexGroup.ALL || sex.ordinal() == s) {
                    sum += monthly.yearsInChinaSum[m][s];
                    count += monthly.yearsInChinaCount[m][s];
                }
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /** Arrests in China (persons) of people who were hiding there, not in transit, during a calendar year. */
    public double arrestsInHiding(int year, SexGroup sex) {
        long[] bySex = arrestsInHiding[year - firstYear];
        return (sex == SexGroup.ALL ? bySex[0] + bySex[1] : bySex[sex.ordinal()]) * personsPerAgent;
    }

    private long sumOverMonths(long[][] bySexPerMonth, int fromYear, int fromMonth, int toYear, int toMonth,
                               SexGroup sex) {
        int[] span = months(fromYear, fromMonth, toYear, toMonth);
        long total = 0;
        for (int m = span[0]; m <= span[1]; m++) {
            long[] bySex = bySexPerMonth[m];
            total += sex == SexGroup.ALL ? bySex[0] + bySex[1] : bySex[sex.ordinal()];
        }
        return total;
    }

    /** The first and last month index (from January of the first year) of a span, checked. */
    private int[] months(int fromYear, int fromMonth, int toYear, int toMonth) {
        int first = 12 * (fromYear - firstYear) + fromMonth - 1;
        int last = 12 * (toYear - firstYear) + toMonth - 1;
        if (fromMonth < 1 || fromMonth > 12 || toMonth < 1 || toMonth > 12 || first < 0
                || last >= monthly.arrivals.length || last < first) {
            throw new IllegalArgumentException("months " + fromYear + "-" + fromMonth + " to " + toYear + "-"
                    + toMonth + " are not a span within " + firstYear + "-" + lastYear());
        }
        return new int[] {first, last};
    }

    /**
     * What a replication records month by month (index 12 · (year − firstYear) + month − 1; then female 0, male 1),
     * agents: arrivals, repatriations, and the years in China summed and counted over the month's arrivals who had
     * been in China.
     */
    record Monthly(long[][] arrivals, long[][] repatriations, double[][] yearsInChinaSum,
                   long[][] yearsInChinaCount) {
        /** No month recorded anything, for runs built by hand. */
        static Monthly empty(int years) {
            return new Monthly(new long[12 * years][2], new long[12 * years][2], new double[12 * years][2],
                    new long[12 * years][2]);
        }
    }

    /**
     * Of the people who first crossed into China in {@code crossingYear}, those (persons) whose outcome at the end of
     * the run is {@code outcome}. Summed over outcomes: the year's first crossings, initial stock excluded.
     */
    public double cohortOutcome(int crossingYear, CohortOutcome outcome, SexGroup sex) {
        long[] bySex = cohortOutcomes[crossingYear - firstYear][outcome.ordinal()];
        return (sex == SexGroup.ALL ? bySex[0] + bySex[1] : bySex[sex.ordinal()]) * personsPerAgent;
    }

    /** Events the model processed (attempts started and people's own transitions). */
    public long personEvents() {
        return personEvents;
    }

    /** Agents created (initial stock and new attempts). */
    public int persons() {
        return persons;
    }
}
