package escaperoutes.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The charts' datasets from a folder small enough to compute by hand (see {@link HandMadeFolder}). */
class ChartDataTest {
    private static final double EPS = 1e-9;

    @TempDir
    Path dir;

    @Test
    void arrivalBandsAreTheQuantilesOfTheReplications() throws Exception {
        ResultFolder f = ResultFolder.read(HandMadeFolder.write(dir));
        assertEquals(ResultFolder.Kind.RUN, f.kind());
        Band b = ChartData.arrivals(f.run, "all");
        assertEquals(2020, b.firstYear());
        // 10, 20, 30 by type-7 quantiles: h = 2p, so p05 = 11, p25 = 15, p50 = 20, p75 = 25, p95 = 29.
        assertArrayEquals(new double[] {11, 15, 20, 25, 29, 20},
                new double[] {b.p05()[0], b.p25()[0], b.p50()[0], b.p75()[0], b.p95()[0], b.mean()[0]}, EPS);
        // 0, 40, 50: p05 = 4, p25 = 20, p50 = 40, p75 = 45, p95 = 49, mean 30.
        assertArrayEquals(new double[] {4, 20, 40, 45, 49, 30},
                new double[] {b.p05()[1], b.p25()[1], b.p50()[1], b.p75()[1], b.p95()[1], b.mean()[1]}, EPS);
    }

    @Test
    void shareOfWomenIsTakenPerReplicationAndSkipsReplicationsWithoutArrivals() throws Exception {
        ResultFolder f = ResultFolder.read(HandMadeFolder.write(dir));
        Band share = ChartData.shareWomen(f.run);
        // 2020: 0.6, 0.5, 1.0 → median 0.6, mean 0.7. 2021: replication 0 has none; 0.5, 0.5 → 0.5.
        assertEquals(0.6, share.p50()[0], EPS);
        assertEquals(0.7, share.mean()[0], EPS);
        assertEquals(0.5, share.p50()[1], EPS);
        assertEquals(0.5, share.p05()[1], EPS);
        assertEquals(Map.of(2020, 0.6), ChartData.observedShareWomen(f.run));
        assertEquals(Map.of(2020, 25.0), ChartData.observed(f.run, "all"));
        assertEquals(2020, f.run.lastObservedYear());
        assertTrue(Double.isNaN(f.run.replicated("mean_years_in_china_of_arrivals", "all")[1][0]),
                "NA, a mean over no arrivals, reads as no value");
    }

    @Test
    void routeAndOriginStacksAreMeansOverReplicationsOfAllPersonsLargestFirst() throws Exception {
        ResultFolder f = ResultFolder.read(HandMadeFolder.write(dir));
        Map<String, double[]> routes = ChartData.largestFirst(f.run.routes);
        assertEquals(List.of("laos", "direct_from_china"), List.copyOf(routes.keySet()));
        // laos: (6 + 20 + 30) / 3 and (0 + 40 + 50) / 3; the female row is not added to "all".
        assertArrayEquals(new double[] {56.0 / 3, 30}, routes.get("laos"), EPS);
        assertArrayEquals(new double[] {4.0 / 3, 0}, routes.get("direct_from_china"), EPS);
        Map<String, double[]> origins = ChartData.largestFirst(f.run.origins);
        assertEquals(List.of("North Hamgyong", "Abroad: workers, students"), List.copyOf(origins.keySet()));
        assertArrayEquals(new double[] {50.0 / 3, 30}, origins.get("North Hamgyong"), EPS);
    }

    @Test
    void bandsAreOrderedInEveryYear() throws Exception {
        ResultFolder f = ResultFolder.read(HandMadeFolder.write(dir));
        for (Band b : List.of(ChartData.arrivals(f.run, "all"), ChartData.arrivals(f.run, "female"),
                ChartData.shareWomen(f.run), ChartData.measure(f.run, "hiding_china_end"))) {
            assertOrdered(b);
        }
    }

    static void assertOrdered(Band b) {
        for (int i = 0; i < b.years(); i++) {
            if (Double.isNaN(b.p50()[i])) {
                continue;
            }
            String at = "year " + (b.firstYear() + i);
            assertTrue(b.p05()[i] <= b.p50()[i] && b.p50()[i] <= b.p95()[i], at);
            if (b.hasInnerBand()) {
                assertTrue(b.p05()[i] <= b.p25()[i] && b.p25()[i] <= b.p50()[i], at);
                assertTrue(b.p50()[i] <= b.p75()[i] && b.p75()[i] <= b.p95()[i], at);
            }
            assertTrue(b.mean()[i] >= b.p05()[i] && b.mean()[i] <= b.p95()[i] || b.years() == 0, at);
        }
    }

    @Test
    void bestSoFarSkipsFailedCandidatesAndLogErrorsCompareWithObserved() {
        assertArrayEquals(new double[] {Double.NaN, 5, 5, 3, 3},
                ChartData.bestSoFar(new double[] {Double.NaN, 5, 7, 3, Double.NaN}), EPS);
        var rows = List.of(
                new ResultFolder.CalibrationTables.FitRow(2019, "fit", 100, 80, 110, 90, 130, 0.8, 0.75),
                new ResultFolder.CalibrationTables.FitRow(2020, "hold-out", 0, 0, 5, 1, 9, Double.NaN, 0.5));
        double[] e = ChartData.logErrors(rows);
        assertEquals(Math.log(1.1), e[0], EPS);
        assertTrue(Double.isNaN(e[1]), "no log error where nothing was observed");
        assertArrayEquals(new double[] {1, 3, 3, 7}, ChartData.cumulative(new double[] {1, 2, Double.NaN, 4}), EPS);
    }

    @Test
    void cumulativeComparisonStartsWhereTheScenariosFirstDiffer() {
        var c = new ResultFolder.ComparisonTables();
        c.labels.addAll(List.of("base", "a", "b"));
        c.firstYear = 2020;
        c.lastYear = 2023;
        double[] zero = {0, 0, 0, 0};
        c.differences.put("a/arrivals/all", new Band(2020, zero, zero, null, zero, null, new double[] {0, 0, 0, 3}));
        c.differences.put("b/arrivals/all", new Band(2020, zero, new double[] {0, 0, -1, -2}, null, zero, null, zero));
        assertEquals(2022, ChartData.firstDifferentYear(c), "b's 5% quantile is below zero from 2022");
        c.differences.put("b/arrivals/all", new Band(2020, zero, zero, null, zero, null, zero));
        assertEquals(2023, ChartData.firstDifferentYear(c));
        c.differences.put("a/arrivals/all", new Band(2020, zero, zero, null, zero, null, zero));
        assertEquals(2020, ChartData.firstDifferentYear(c), "identical scenarios: from the first year");
    }

    @Test
    void scenarioDifferencesMatchListElementsByName() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var before = mapper.readTree("{\"name\":\"x\",\"scale\":1,\"regimes\":[{\"name\":\"a\",\"x\":1},"
                + "{\"name\":\"b\",\"x\":2}],\"legs\":[{\"from\":\"p\",\"days\":3}]}");
        var after = mapper.readTree("{\"name\":\"y\",\"scale\":1,\"regimes\":[{\"name\":\"new\",\"x\":0},"
                + "{\"name\":\"a\",\"x\":1},{\"name\":\"b\",\"x\":5}],\"legs\":[{\"from\":\"p\",\"days\":4}]}");
        assertEquals(List.of(
                new ScenarioDiff.Change("$.regimes[name=b].x", "2", "5"),
                new ScenarioDiff.Change("$.legs[0].days", "3", "4"),
                new ScenarioDiff.Change("$.regimes[name=new].name", null, "new"),
                new ScenarioDiff.Change("$.regimes[name=new].x", null, "0")),
                ScenarioDiff.between(before, after));
    }

    @Test
    void evidenceIsDividedByItsBestValueOrTheTopOfItsRangeWhereThatIsZero() {
        ResultFolder.CalibrationTables.EvidenceRow ten = evidence(10, 5, 20, 40, 30, 50);
        ResultFolder.CalibrationTables.EvidenceRow none = evidence(0, 0, 8, 2, 1, 4);
        ResultFolder.CalibrationTables.EvidenceRow zero = evidence(0, 0, 0, 3, 2, 4);
        assertEquals(10, ChartData.evidenceScale(ten), EPS);
        assertEquals(8, ChartData.evidenceScale(none), EPS);
        assertEquals(1, ChartData.evidenceScale(zero), EPS);
        // Ratios: 0.5, 2, 4, 3, 5 and 0, 1, 0.25, 0.125, 0.5; the 0 is left out: 0.125 / 1.25 to 5 · 1.25.
        assertArrayEquals(new double[] {0.1, 6.25}, ChartData.evidenceAxis(List.of(ten, none)), EPS);
        // At least a half to twice the best value.
        assertArrayEquals(new double[] {0.5, 2}, ChartData.evidenceAxis(List.of(evidence(10, 9, 11, 10, 10, 10))),
                EPS);
        // A mean 10^6 times the best value and one of 10^-6 are drawn at the edges, 1/128 and 128.
        assertArrayEquals(new double[] {1.0 / 128, 128},
                ChartData.evidenceAxis(List.of(evidence(1, 1, 1, 1e6, 1e-6, 1e6))), EPS);
    }

    private static ResultFolder.CalibrationTables.EvidenceRow evidence(double value, double low, double high,
                                                                       double mean, double p05, double p95) {
        return new ResultFolder.CalibrationTables.EvidenceRow("item", "arrivals", "2010", "sum", "interval", value,
                low, high, 1, mean, p05, p95, true, 0, "source");
    }

    @Test
    void theHistogramIsEachBinsShareOfTheWeightAsDensityPerUnitOfTheSearchCoordinate() {
        // Bins of width 0.25: 0 and 0.1 in the first (weight 2), none in the second, 0.5 and 0.74 in the third
        // (2), 1.0 in the last (4, the upper end belongs to the last bin); of 8 in all: shares 1/4, 0, 1/4, 1/2,
        // times 4 bins per unit.
        assertArrayEquals(new double[] {1, 0, 1, 2},
                ChartData.unitHistogram(new double[] {0, 0.1, 0.5, 0.74, 1.0}, new double[] {1, 1, 1, 1, 4}, 4), EPS);
        // A value a rounding step outside [0, 1] counts at the nearer end.
        assertArrayEquals(new double[] {2, 0},
                ChartData.unitHistogram(new double[] {-1e-12}, new double[] {0.3}, 2), EPS);
    }

    @Test
    void theWeightedCorrelationIsPearsonsWithEachPointCountedByItsWeight() {
        // Weights 1, 1, 2: means 5/4 and 7/4; covariance 1.75·1.25 + 0.25·0.75 + 2·0.75·1.25 = 4.25; variances
        // 1.25² + 0.25² + 2·0.75² = 2.75 and 1.75² + 0.75² + 2·1.25² = 6.75.
        double expected = 4.25 / Math.sqrt(2.75 * 6.75);
        assertEquals(expected, ChartData.weightedCorrelation(new double[] {0, 1, 2}, new double[] {0, 1, 3},
                new double[] {1, 1, 2}), EPS);
        // A point of weight 0 counts for nothing; scaling the weights changes nothing.
        assertEquals(expected, ChartData.weightedCorrelation(new double[] {0, 1, 2, 10},
                new double[] {0, 1, 3, -10}, new double[] {0.25, 0.25, 0.5, 0}), EPS);
        assertEquals(-1, ChartData.weightedCorrelation(new double[] {0, 1, 2}, new double[] {4, 2, 0},
                new double[] {1, 3, 1}), EPS);
        assertTrue(Double.isNaN(ChartData.weightedCorrelation(new double[] {1, 2}, new double[] {5, 5},
                new double[] {1, 1})), "no spread, no correlation");
    }

    @Test
    void theStrongestPairsAreThoseOfLargestAbsoluteCorrelation() {
        // Equal weights. a and b: r = −1. a and c: deviations from the means ∓0.5, 0 and −1/3, −1/12, 5/12; sums
        // of products 0.375, of squares 0.5 and 42/144: r = 0.375 / √(0.5 · 42/144) = 0.982; b and c: −0.982.
        // d has no spread, so no pair with it.
        double[][] unit = {{0, 0.5, 1}, {1, 0.5, 0}, {0, 0.25, 0.75}, {0.4, 0.4, 0.4}};
        double[] weights = {1, 1, 1};
        double ac = 0.375 / Math.sqrt(0.5 * 42.0 / 144);
        List<ChartData.Pair> pairs = ChartData.strongestPairs(unit, weights, 3);
        assertEquals(3, pairs.size());
        assertEquals(List.of(0, 1), List.of(pairs.get(0).first(), pairs.get(0).second()));
        assertEquals(-1, pairs.get(0).correlation(), EPS);
        // a–c and b–c tie in |r|: they keep the parameters' order.
        assertEquals(List.of(0, 2), List.of(pairs.get(1).first(), pairs.get(1).second()));
        assertEquals(List.of(1, 2), List.of(pairs.get(2).first(), pairs.get(2).second()));
        assertEquals(ac, pairs.get(1).correlation(), EPS);
        assertEquals(-ac, pairs.get(2).correlation(), EPS);
        assertEquals(1, ChartData.strongestPairs(unit, weights, 1).size());
        assertEquals(List.of(), ChartData.strongestPairs(new double[][] {{0, 1}}, new double[] {1, 1}, 3),
                "one parameter has no pair");
    }

    @Test
    void aParametersSearchCoordinateIsLinearOrInItsLogarithm() {
        var log = new PosteriorTables.Parameter("$.a", true, 10, 1000, "log_uniform", 0, 0, 0, 0, 0, 0, 0, 0);
        assertEquals(0.5, log.unitOf(100), EPS);
        assertEquals(100, log.valueAt(0.5), 1e-9);
        var linear = new PosteriorTables.Parameter("$.b", false, 2, 4, "uniform", 0, 0, 0, 0, 0, 0, 0, 0);
        assertEquals(0.25, linear.unitOf(2.5), EPS);
        assertEquals(3.5, linear.valueAt(0.75), EPS);
    }
}
