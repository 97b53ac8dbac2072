package escaperoutes.observe;

import java.util.List;

/** Builds {@link RunResult}s by hand for tests outside this package, through its package-private constructor. */
public final class TestRunResults {

    private TestRunResults() {
    }

    /**
     * @param values        values[measure ordinal][year − firstYear][SexGroup ordinal]
     * @param routeArrivals routeArrivals[exit route][last country][year − firstYear][female 0, male 1]
     * @param originArrivals originArrivals[province][year − firstYear][female 0, male 1]
     */
    public static RunResult of(int replication, int firstYear, double[][][] values, List<String> exitRoutes,
                               List<String> lastCountries, long[][][][] routeArrivals, List<String> provinces,
                               long[][][] originArrivals) {
        return of(replication, firstYear, values, exitRoutes, lastCountries, routeArrivals, provinces, originArrivals,
                new long[values[0].length][CohortOutcome.COUNT][2]);
    }

    /** As above, with cohortOutcomes[crossing year − firstYear][CohortOutcome ordinal][female 0, male 1]. */
    public static RunResult of(int replication, int firstYear, double[][][] values, List<String> exitRoutes,
                               List<String> lastCountries, long[][][][] routeArrivals, List<String> provinces,
                               long[][][] originArrivals, long[][][] cohortOutcomes) {
        return new RunResult(replication, firstYear, values, exitRoutes, lastCountries, routeArrivals, provinces,
                originArrivals, RunResult.Monthly.empty(values[0].length), new long[values[0].length][2],
                cohortOutcomes, 0, 0, 1.0);
    }

    /** As the first, with arrestsInHiding[year − firstYear][female 0, male 1] (persons). */
    public static RunResult withArrestsInHiding(int replication, int firstYear, double[][][] values,
                                                List<String> exitRoutes, List<String> lastCountries,
                                                long[][][][] routeArrivals, List<String> provinces,
                                                long[][][] originArrivals, long[][] arrestsInHiding) {
        return new RunResult(replication, firstYear, values, exitRoutes, lastCountries, routeArrivals, provinces,
                originArrivals, RunResult.Monthly.empty(values[0].length), arrestsInHiding,
                new long[values[0].length][CohortOutcome.COUNT][2], 0, 0, 1.0);
    }
}
