package escaperoutes.evidence;

import escaperoutes.observe.Measure;
import escaperoutes.observe.RunResult;
import escaperoutes.observe.SexGroup;
import java.util.Locale;
import java.util.Set;

/**
 * The simulated statistics an evidence item can be compared with, named as the evidence file's {@code measure}
 * column names them. Each has one {@link Statistic} (the file's {@code statistic} column must say the same) and is
 * computed from one replication over the item's {@link EvidencePeriod}; counts are in persons, shares in [0, 1],
 * durations in years, rates per year.
 */
public enum EvidenceMeasure {
    /** Forced returns from China to North Korea, summed over the period's months. */
    REPATRIATIONS(Statistic.SUM, true,
            "repatriations from China to North Korea over the period, persons"),
    /** People held by China on the last day of the period's last year. */
    DETAINED_CHINA_END(Statistic.VALUE_AT_END, false,
            "held by China at the end of the period's last year, persons"),
    /** People hiding in China on the last day of the period's last year. */
    HIDING_CHINA_END(Statistic.VALUE_AT_END, false,
            "hiding in China at the end of the period's last year, persons"),
    /**
     * Arrests of people hiding in China (not in transit) per person-year hiding: the arrests of the period's years
     * over the sum, year by year, of the mean of the year's opening and closing number hiding.
     */
    CHINA_ARREST_HAZARD(Statistic.ANNUAL_RATE, false,
            "arrests of people hiding in China per person hiding and year"),
    /** Mean years from the latest entry into China to arrival, over the period's arrivals who had been in China. */
    MEAN_YEARS_IN_CHINA_OF_ARRIVALS(Statistic.MEAN, true,
            "mean years from the latest entry into China to arrival, over the period's arrivals, years"),
    /** Arrivals whose last country before South Korea was Thailand, as a share of all arrivals of the period. */
    SHARE_ARRIVALS_VIA_THAILAND(Statistic.SHARE, false,
            "share of the period's arrivals whose last country before South Korea was Thailand"),
    /** Arrivals whose last country before South Korea was Thailand. */
    ARRIVALS_VIA_THAILAND(Statistic.SUM, false,
            "arrivals whose last country before South Korea was Thailand, persons"),
    /** Arrivals whose last country before South Korea was Vietnam. */
    ARRIVALS_VIA_VIETNAM(Statistic.SUM, false,
            "arrivals whose last country before South Korea was Vietnam, persons"),
    /** Arrivals who left from North Hamgyong or Ryanggang, as a share of all arrivals of the period. */
    SHARE_ARRIVALS_FROM_NORTH_HAMGYONG_RYANGGANG(Statistic.SHARE, false,
            "share of the period's arrivals who left from North Hamgyong or Ryanggang"),
    /** Arrivals straight from North Korea (by sea or across the DMZ), through no third country. */
    ARRIVALS_DIRECT_SEA_OR_DMZ(Statistic.SUM, false,
            "arrivals straight from North Korea by sea or across the DMZ, persons"),
    /**
     * Of the attempts to travel from China to South Korea that ended during the period, the share that ended in an
     * arrest: arrests in transit (in China or handed over to China from a third country) over those arrests plus
     * the arrivals.
     */
    SHARE_OF_ATTEMPTS_TO_REACH_SK_ARRESTED(Statistic.SHARE, false,
            "share of journeys towards South Korea ending in the period that ended in arrest, not arrival");

    /** How the file's {@code statistic} column names the way a measure aggregates over its period. */
    public enum Statistic {
        SUM, VALUE_AT_END, ANNUAL_RATE, MEAN, SHARE;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Provinces of the share from the border provinces, as the scenario names them in id form. */
    private static final Set<String> NORTH_HAMGYONG_RYANGGANG = Set.of("north_hamgyong", "ryanggang");

    private final Statistic statistic;
    private final boolean monthly;
    private final String description;

    EvidenceMeasure(Statistic statistic, boolean monthly, String description) {
        this.statistic = statistic;
        this.monthly = monthly;
        this.description = description;
    }

    /** The name in the evidence file. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Statistic statistic() {
        return statistic;
    }

    /** Whether a period may start or end within a year (the run records this measure month by month). */
    public boolean monthly() {
        return monthly;
    }

    public String description() {
        return description;
    }

    /** A count of persons (compared on a logarithmic scale, and exactly where low = high). */
    public boolean isCount() {
        return statistic == Statistic.SUM || statistic == Statistic.VALUE_AT_END;
    }

    /** A share in [0, 1] (compared on a linear scale). */
    public boolean isShare() {
        return statistic == Statistic.SHARE;
    }

    /** The measure named {@code key} in an evidence file, or null. */
    public static EvidenceMeasure ofKey(String key) {
        for (EvidenceMeasure m : values()) {
            if (m.key().equals(key)) {
                return m;
            }
        }
        return null;
    }

    /**
     * The statistic in one replication over {@code period}; NaN where it is undefined (a mean or share over no
     * arrivals, a rate with nobody hiding).
     */
    public double simulate(RunResult run, EvidencePeriod p) {
        int from = p.startYear();
        int to = p.endYear();
        return switch (this) {
            case REPATRIATIONS -> run.repatriationsInMonths(from, p.startMonth(), to, p.endMonth(), SexGroup.ALL);
            case DETAINED_CHINA_END -> run.value(Measure.DETAINED_CHINA_END, to, SexGroup.ALL);
            case HIDING_CHINA_END -> run.value(Measure.HIDING_CHINA_END, to, SexGroup.ALL);
            case CHINA_ARREST_HAZARD -> arrestHazard(run, from, to);
            case MEAN_YEARS_IN_CHINA_OF_ARRIVALS -> run.meanYearsInChinaOfArrivalsInMonths(from, p.startMonth(), to,
                    p.endMonth(), SexGroup.ALL);
            case SHARE_ARRIVALS_VIA_THAILAND -> ratio(arrivalsVia(run, "thailand", from, to),
                    run.sum(Measure.ARRIVALS, from, to, SexGroup.ALL));
            case ARRIVALS_VIA_THAILAND -> arrivalsVia(run, "thailand", from, to);
            case ARRIVALS_VIA_VIETNAM -> arrivalsVia(run, "vietnam", from, to);
            case SHARE_ARRIVALS_FROM_NORTH_HAMGYONG_RYANGGANG -> ratio(arrivalsFrom(run, from, to),
                    run.sum(Measure.ARRIVALS, from, to, SexGroup.ALL));
            case ARRIVALS_DIRECT_SEA_OR_DMZ -> directFromNorthKorea(run, from, to);
            case SHARE_OF_ATTEMPTS_TO_REACH_SK_ARRESTED -> arrestedShare(run, from, to);
        };
    }

    private static double ratio(double part, double whole) {
        return whole == 0 ? Double.NaN : part / whole;
    }

    private static double arrestHazard(RunResult run, int from, int to) {
        double arrests = 0;
        double personYears = 0;
        for (int year = from; year <= to; year++) {
            arrests += run.arrestsInHiding(year, SexGroup.ALL);
            double closing = run.value(Measure.HIDING_CHINA_END, year, SexGroup.ALL);
            // The first simulated year has no recorded opening number: its closing number stands in for it.
            double opening = year > run.firstYear() ? run.value(Measure.HIDING_CHINA_END, year - 1, SexGroup.ALL)
                    : closing;
            personYears += (opening + closing) / 2;
        }
        return ratio(arrests, personYears);
    }

    private static double arrivalsVia(RunResult run, String lastCountry, int from, int to) {
        int last = run.lastCountries().indexOf(lastCountry);
        if (last < 0) {
            return 0;
        }
        double total = 0;
        for (int exit = 0; exit < run.exitRoutes().size(); exit++) {
            for (int year = from; year <= to; year++) {
                total += run.routeArrivals(exit, last, year, SexGroup.ALL);
            }
        }
        return total;
    }

    private static double arrivalsFrom(RunResult run, int from, int to) {
        double total = 0;
        for (int province = 0; province < run.provinces().size(); province++) {
            String id = run.provinces().get(province).trim().toLowerCase(Locale.ROOT).replace(' ', '_');
            if (NORTH_HAMGYONG_RYANGGANG.contains(id)) {
                for (int year = from; year <= to; year++) {
                    total += run.originArrivals(province, year, SexGroup.ALL);
                }
            }
        }
        return total;
    }

    private static double directFromNorthKorea(RunResult run, int from, int to) {
        int direct = run.exitRoutes().indexOf("direct");
        int northKorea = run.lastCountries().indexOf("north_korea");
        if (direct < 0 || northKorea < 0) {
            return 0;
        }
        double total = 0;
        for (int year = from; year <= to; year++) {
            total += run.routeArrivals(direct, northKorea, year, SexGroup.ALL);
        }
        return total;
    }

    private static double arrestedShare(RunResult run, int from, int to) {
        double inTransit = 0;
        for (int year = from; year <= to; year++) {
            inTransit += run.value(Measure.ARRESTS_CHINA, year, SexGroup.ALL) - run.arrestsInHiding(year, SexGroup.ALL);
        }
        return ratio(inTransit, inTransit + run.sum(Measure.ARRIVALS, from, to, SexGroup.ALL));
    }
}
