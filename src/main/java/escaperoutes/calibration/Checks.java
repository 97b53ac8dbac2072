package escaperoutes.calibration;

import escaperoutes.observe.Measure;
import escaperoutes.observe.RunResult;
import escaperoutes.observe.SexGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Facts a calibration does not fit, reported beside it so that a good fit for the wrong reasons shows: time spent in
 * China by arrivals, where arrivals come from and leave by, and how many people are in China (sources in
 * shared/data/README.md). A check is skipped when the run does not cover its year or lacks its province or country.
 */
public final class Checks {

    /** One check: what, the simulated mean over replications, and the reference value with its source. */
    public record Check(String name, double simulated, String reference) {
    }

    private Checks() {
    }

    public static List<Check> compute(List<RunResult> runs) {
        RunResult first = runs.get(0);
        List<Check> checks = new ArrayList<>();
        int[][] years = {{2002}, {2009}, {2024}};
        String[] yearsInChina = {"3.2 (3 years 2 months; Yoon Yeo-sang via Hankyung 2003)",
            "~1.5 (MOU; Yonhap)", "5+ ('usually 5+ years'; Daily NK)"};
        for (int i = 0; i < years.length; i++) {
            int year = years[i][0];
            if (covers(first, year)) {
                checks.add(new Check("mean years in China of " + year + " arrivals",
                        mean(runs, r -> r.value(Measure.MEAN_YEARS_IN_CHINA_OF_ARRIVALS, year, SexGroup.ALL)),
                        yearsInChina[i]));
            }
        }
        int lastObserved = Math.min(first.lastYear(), 2024);
        int nh = first.provinces().indexOf("North Hamgyong");
        int ry = first.provinces().indexOf("Ryanggang");
        if (nh >= 0 && ry >= 0) {
            checks.add(new Check("share of arrivals " + first.firstYear() + "-" + lastObserved
                    + " born in North Hamgyong or Ryanggang", mean(runs, r -> {
                        double border = 0;
                        for (int y = r.firstYear(); y <= lastObserved; y++) {
                            border += r.originArrivals(nh, y, SexGroup.ALL) + r.originArrivals(ry, y, SexGroup.ALL);
                        }
                        return border / r.sum(Measure.ARRIVALS, r.firstYear(), lastObserved, SexGroup.ALL);
                    }), "0.77 (59% + 18% of arrivals by birthplace; MOU, ~2024)"));
        }
        int thailand = first.lastCountries().indexOf("thailand");
        if (thailand >= 0 && covers(first, 2016)) {
            checks.add(new Check("share of 2016 arrivals who came via Thailand", mean(runs, r -> {
                double via = 0;
                for (int exit = 0; exit < r.exitRoutes().size(); exit++) {
                    via += r.routeArrivals(exit, thailand, 2016, SexGroup.ALL);
                }
                return via / r.value(Measure.ARRIVALS, 2016, SexGroup.ALL);
            }), "0.72 (MOU via Korea Herald, 2017-03-14)"));
        }
        if (covers(first, 2012)) {
            checks.add(new Check("people hiding in China at the end of 2012",
                    mean(runs, r -> r.value(Measure.HIDING_CHINA_END, 2012, SexGroup.ALL)),
                    "~15,000 (KTV 2012)"));
        }
        if (covers(first, 2020) && covers(first, 2022)) {
            checks.add(new Check("people held by China at the end of 2020-2022 (mean of the three years)",
                    mean(runs, r -> (r.value(Measure.DETAINED_CHINA_END, 2020, SexGroup.ALL)
                            + r.value(Measure.DETAINED_CHINA_END, 2021, SexGroup.ALL)
                            + r.value(Measure.DETAINED_CHINA_END, 2022, SexGroup.ALL)) / 3),
                    "1,500-2,500 held during the 2020-23 closure (UN Special Rapporteur; HRW; R. King)"));
        }
        return checks;
    }

    private static boolean covers(RunResult run, int year) {
        return year >= run.firstYear() && year <= run.lastYear();
    }

    /** Mean over replications, ignoring replications where the value is undefined (no arrivals). */
    private static double mean(List<RunResult> runs, ToDoubleFunction<RunResult> value) {
        return runs.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }
}
