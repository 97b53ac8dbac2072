package escaperoutes.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import escaperoutes.io.Json;
import escaperoutes.io.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The calibration spec contract: defaults, and one exact path and message per kind of mistake. */
class CalibrationSpecReaderTest {

    /** Paths relative to the project root, which is the working directory of the tests. */
    private static final Path BASELINE = Path.of("scenarios/baseline-handset.json");

    private static final String ATTEMPTS = "{\"path\": \"$.attempts.attemptsPerYear\", \"lower\": 2000, "
            + "\"upper\": 15000, \"logScale\": true}";

    @TempDir
    Path dir;

    private final CalibrationSpecReader reader = new CalibrationSpecReader();

    @Test
    void readsAMinimalSpecAndFillsDefaults() throws Exception {
        Path spec = write("spec.json", """
                {"parameters": [
                  %s,
                  {"path": "$.regimes[name=buffer-zone].multipliers.china_life.departure.female",
                   "lower": 0, "upper": 1}
                ]}
                """.formatted(ATTEMPTS));

        CalibrationSpecReader.ResolvedCalibration resolved = reader.resolve(spec, BASELINE);
        CalibrationSpec s = resolved.spec();

        assertEquals(List.of(
                new CalibrationSpec.Parameter("$.attempts.attemptsPerYear", 2000, 15000, true, List.of()),
                new CalibrationSpec.Parameter("$.regimes[name=buffer-zone].multipliers.china_life.departure.female",
                        0, 1, false, List.of())), s.parameters());
        assertNull(s.observed());
        assertEquals(new CalibrationSpec.Window(2012, 2024), s.fitWindow());
        assertNull(s.holdOutWindow());
        assertEquals(new CalibrationSpec.Loss(CalibrationSpec.Totals.POISSON, null,
                new CalibrationSpec.Weights(1, 1)), s.loss());
        assertEquals(8, s.replications());
        assertEquals(400, s.budget());
        assertEquals(CalibrationSpec.Optimizer.CMAES, s.optimizer());
        assertEquals(1L, s.seed());

        assertEquals("baseline-handset", resolved.scenario().name());
        assertEquals("classpath:" + ObservedSeries.RESOURCE, resolved.observed().source());
    }

    @Test
    void readsEveryKeyGivenAndAnObservedCsvBesideTheSpec() throws Exception {
        write("arrivals.csv", """
                period_start,period_end,male,female,total
                2015,2015,10,30,40
                2016,2016,12,28,40
                """);
        Path spec = write("spec.json", """
                {
                  "parameters": [%s, {"path": "$.legs[18].arrest", "lower": 0.05, "upper": 0.5}],
                  "observed": "arrivals.csv",
                  "fitWindow": {"from": 2015, "to": 2015},
                  "holdOutWindow": {"from": 2016, "to": 2016},
                  "loss": {"totals": "negative_binomial", "negativeBinomialSize": 20,
                           "weights": {"totals": 0.5, "women": 2}},
                  "replications": 3,
                  "budget": 50,
                  "optimizer": "nelder_mead",
                  "seed": 42
                }
                """.formatted(ATTEMPTS));

        CalibrationSpecReader.ResolvedCalibration resolved = reader.resolve(spec, BASELINE);
        CalibrationSpec s = resolved.spec();

        assertEquals("arrivals.csv", s.observed());
        assertEquals(dir.resolve("arrivals.csv").toString(), resolved.observed().source());
        assertEquals(2, resolved.observed().periods().size());
        assertEquals(new CalibrationSpec.Window(2015, 2015), s.fitWindow());
        assertEquals(new CalibrationSpec.Window(2016, 2016), s.holdOutWindow());
        assertEquals(new CalibrationSpec.Loss(CalibrationSpec.Totals.NEGATIVE_BINOMIAL, 20.0,
                new CalibrationSpec.Weights(0.5, 2)), s.loss());
        assertEquals(new LossFunctions.Weights(0.5, 2), s.loss().lossWeights());
        assertEquals(3, s.replications());
        assertEquals(50, s.budget());
        assertEquals(CalibrationSpec.Optimizer.NELDER_MEAD, s.optimizer());
        assertEquals(42L, s.seed());
    }

    @Test
    void enumsAreWrittenAsTheyAreRead() {
        JsonNode loss = Json.mapper().valueToTree(new CalibrationSpec.Loss(CalibrationSpec.Totals.NEGATIVE_BINOMIAL,
                5.0, new CalibrationSpec.Weights(1, 1)));
        assertEquals("negative_binomial", loss.get("totals").textValue());
        assertEquals("\"bobyqa\"", Json.mapper().valueToTree(CalibrationSpec.Optimizer.BOBYQA).toString());
    }

    @Test
    void unknownKeyListsTheValidKeys() throws Exception {
        assertProblems("{\"parameters\": [" + ATTEMPTS + "], \"budgett\": 10}",
                "$.budgett: unknown key 'budgett'; valid keys: parameters, observed, fitWindow, holdOutWindow, loss, "
                        + "replications, budget, optimizer, seed, evidence, posterior, annualVariation");
    }

    @Test
    void reversedBounds() throws Exception {
        assertProblems(spec("{\"path\": \"$.legs[18].arrest\", \"lower\": 0.5, \"upper\": 0.1}"),
                "$.parameters[0]: lower 0.5 must be less than upper 0.1");
    }

    @Test
    void logScaleNeedsAPositiveLowerBound() throws Exception {
        assertProblems(spec("{\"path\": \"$.legs[18].arrest\", \"lower\": 0, \"upper\": 0.5, \"logScale\": true}"),
                "$.parameters[0].lower: logScale needs lower > 0, found 0");
    }

    @Test
    void unknownParameterPathNamesTheMissingKeyAndListsTheKeys() throws Exception {
        assertProblems(spec("{\"path\": \"$.attempts.attemptsPerYer\", \"lower\": 1, \"upper\": 2}"),
                "$.parameters[0].path: $.attempts.attemptsPerYer: $.attempts has no key 'attemptsPerYer'; its keys: "
                        + "attemptsPerYear, borderProvinceMultiplier, femaleShare, chain");
    }

    @Test
    void unparsablePath() throws Exception {
        assertProblems(spec("{\"path\": \"attempts.attemptsPerYear\", \"lower\": 1, \"upper\": 2}"),
                "$.parameters[0].path: a path starts with $, e.g. $.attempts.attemptsPerYear; found "
                        + "\"attempts.attemptsPerYear\"");
    }

    @Test
    void aPerSexValueIsFreedForBothSexesOrMustNameTheSexWhenTheyDiffer() throws Exception {
        // buffer-zone's attempt multiplier is one number in the file (0.01 for both sexes): freed together.
        String same = "$.regimes[name=buffer-zone].multipliers.nk_border.attempt";
        assertEquals(1, reader.read(write("spec.json", spec("{\"path\": \"" + same + "\", \"lower\": 0, "
                + "\"upper\": 1}")), BASELINE).parameters().size());
        // buffer-zone's departure multiplier is 0.03 for women and 0.12 for men.
        String differs = "$.regimes[name=buffer-zone].multipliers.china_life.departure";
        assertProblems(spec("{\"path\": \"" + differs + "\", \"lower\": 0, \"upper\": 1}"),
                "$.parameters[0].path: " + differs + ": this value differs by sex; free " + differs
                        + ".female and/or " + differs + ".male");
    }

    @Test
    void aKeyLeftToItsDefaultCanBeFreed() throws Exception {
        // Leg 0 (north_hamgyong → hoeryong) gives no death risk in the file: it is there with its default 0.
        Path spec = write("spec.json", spec("{\"path\": \"$.legs[0].death\", \"lower\": 0, \"upper\": 0.1}"));
        assertEquals(1, reader.read(spec, BASELINE).parameters().size());
    }

    @Test
    void boundOutsideWhatTheScenarioAllows() throws Exception {
        assertProblems(spec("{\"path\": \"$.legs[18].arrest\", \"lower\": 0.1, \"upper\": 1.5}"),
                "$.parameters[0].upper: 1.5 is not allowed for $.legs[18].arrest: 1.5 is outside the allowed range "
                        + "[0, 1]");
    }

    @Test
    void samePathTwiceEvenWhenWrittenDifferently() throws Exception {
        assertProblems(spec("{\"path\": \"$.legs[18].arrest\", \"lower\": 0.1, \"upper\": 0.5}",
                        "{\"path\": \"$.legs[18].arrest\", \"lower\": 0.1, \"upper\": 0.3}",
                        "{\"path\": \"$.provinces[id=ryanggang].propensity\", \"lower\": 0.5, \"upper\": 2}",
                        "{\"path\": \"$.provinces[1].propensity\", \"lower\": 0.5, \"upper\": 2}"),
                "$.parameters[1].path: names the same number as $.parameters[0] ($.legs[18].arrest); a number can "
                        + "be free only once",
                "$.parameters[3].path: names the same number as $.parameters[2] "
                        + "($.provinces[id=ryanggang].propensity); a number can be free only once");
    }

    @Test
    void alsoPathsAreCheckedLikePaths() throws Exception {
        assertProblems(spec("{\"path\": \"$.legs[18].arrest\", \"lower\": 0.1, \"upper\": 0.5}",
                        "{\"path\": \"$.legs[19].arrest\", \"lower\": 0.1, \"upper\": 0.5, "
                                + "\"alsoPaths\": [\"$.legs[18].arrest\", \"$.legs[20].arest\"]}"),
                "$.parameters[1].alsoPaths[0]: names the same number as $.parameters[0] ($.legs[18].arrest); a "
                        + "number can be free only once",
                "$.parameters[1].alsoPaths[1].path: $.legs[20].arest: $.legs[20] has no key 'arest'; its keys: "
                        + "from, to, weight, travelDays, death, arrest, turnBack, segment");
    }

    @Test
    void fitWindowWithoutObservations() throws Exception {
        // The baseline starts in 1998, so 1960 is also before the scenario.
        assertProblems("{\"parameters\": [" + ATTEMPTS + "], \"fitWindow\": {\"from\": 1960, \"to\": 1970}}",
                "$.fitWindow: no single-year observed period lies within 1960-1970; the observed series "
                        + "(classpath:escaperoutes/observed/mou-arrivals-by-sex.csv) has single years from 2002 to "
                        + "2025",
                "$.fitWindow.from: 1960 is before 1998, the first whole year the scenario simulates (it starts "
                        + "1998-01-01)");
    }

    @Test
    void reversedWindow() throws Exception {
        assertProblems("{\"parameters\": [" + ATTEMPTS + "], \"fitWindow\": {\"from\": 2024, \"to\": 2012}}",
                "$.fitWindow: from 2024 is after to 2012");
    }

    @Test
    void overlappingHoldOut() throws Exception {
        assertProblems("{\"parameters\": [" + ATTEMPTS + "], \"holdOutWindow\": {\"from\": 2020, \"to\": 2024}}",
                "$.holdOutWindow: 2020-2024 overlaps the fit window 2012-2024; held-out years must not be fitted");
    }

    @Test
    void unknownOptimizerListsTheAllowedValues() throws Exception {
        assertProblems("{\"parameters\": [" + ATTEMPTS + "], \"optimizer\": \"nelderMead\"}",
                "$.optimizer: unknown value \"nelderMead\"; allowed values: cmaes, bobyqa, nelder_mead");
    }

    @Test
    void negativeBinomialNeedsASize() throws Exception {
        Path still = Files.writeString(dir.resolve("still.json"), "{\"extends\": \""
                + Path.of("scenarios/baseline.json").toAbsolutePath() + "\", \"name\": \"still\", "
                + "\"annualVariation\": 0}");
        InvalidCalibrationSpecException e = assertThrows(InvalidCalibrationSpecException.class,
                () -> reader.read(write("spec.json", "{\"parameters\": [" + ATTEMPTS + "], \"loss\": {\"totals\": "
                        + "\"negative_binomial\"}}"), still));
        assertEquals(List.of(dir.resolve("spec.json") + ": $.loss.negativeBinomialSize: missing, and the scenario has "
                + "no annualVariation to derive it from: give the size k > 0 (persons; the variance is μ + μ²/k)"),
                strings(e.problems()));
        assertProblems("{\"parameters\": [" + ATTEMPTS + "], \"loss\": {\"totals\": \"negative_binomial\", "
                        + "\"negativeBinomialSize\": 0}}",
                "$.loss.negativeBinomialSize: must be > 0, found 0");
    }

    @Test
    void withoutASizeTheNegativeBinomialHasTheScenariosOwnYearToYearVariation() throws Exception {
        Path spec = write("spec.json", "{\"parameters\": [" + ATTEMPTS + "], \"loss\": {\"totals\": "
                + "\"negative_binomial\"}}");
        // The hand-set baseline's annualVariation, which the shipped calibration searches with, is 0.13: a year's
        // count varies as mu + mu^2 (exp(0.13^2) - 1). The calibrated baseline's 0.21 gives 1 / (exp(0.21^2) - 1).
        assertEquals(1 / (Math.exp(0.13 * 0.13) - 1),
                reader.resolve(spec, Path.of("scenarios/baseline-handset.json")).negativeBinomialSize(), 1e-9);
        assertEquals(58.67, reader.resolve(spec, Path.of("scenarios/baseline-handset.json")).negativeBinomialSize(),
                0.01);
        assertEquals(22.18, reader.resolve(spec, Path.of("scenarios/baseline.json")).negativeBinomialSize(), 0.01);
        assertNull(reader.resolve(write("p.json", "{\"parameters\": [" + ATTEMPTS + "]}"), BASELINE)
                .negativeBinomialSize());
    }

    @Test
    void anEmptyEvidenceSectionFitsEveryShippedItemAndItemsTakeTheirOwnWeights() throws Exception {
        CalibrationSpecReader.ResolvedCalibration all = reader.resolve(write("spec.json", "{\"parameters\": ["
                + ATTEMPTS + "], \"evidence\": {}}"), BASELINE);
        assertEquals(22, all.evidence().size());
        assertEquals(List.of(1.0), all.evidence().stream().map(Objective.EvidenceTarget::weight).distinct().toList());
        CalibrationSpecReader.ResolvedCalibration some = reader.resolve(write("spec.json", "{\"parameters\": ["
                + ATTEMPTS + "], \"evidence\": {\"weight\": 2, \"items\": [{\"id\": \"hiding-2012\"}, "
                + "{\"id\": \"repatriated-2002\", \"weight\": 0.5}]}}"), BASELINE);
        assertEquals(List.of("hiding-2012:2.0", "repatriated-2002:0.5"), some.evidence().stream()
                .map(t -> t.item().id() + ":" + t.weight()).toList());
        assertEquals(List.of(), reader.resolve(write("spec.json", "{\"parameters\": [" + ATTEMPTS + "]}"), BASELINE)
                .evidence());
    }

    @Test
    void weightsByIdWeighSomeItemsWithoutListingTheRest() throws Exception {
        CalibrationSpecReader.ResolvedCalibration all = reader.resolve(write("spec.json", "{\"parameters\": ["
                + ATTEMPTS + "], \"evidence\": {\"weights\": {\"years-in-china-2005\": 4, \"hiding-2012\": 0.5}}}"),
                BASELINE);
        assertEquals(22, all.evidence().size());
        Map<String, Double> weights = new LinkedHashMap<>();
        all.evidence().forEach(t -> weights.put(t.item().id(), t.weight()));
        assertEquals(4.0, weights.get("years-in-china-2005"));
        assertEquals(0.5, weights.get("hiding-2012"));
        assertEquals(20, weights.values().stream().filter(w -> w == 1.0).count());
        CalibrationSpecReader.ResolvedCalibration some = reader.resolve(write("spec.json", "{\"parameters\": ["
                + ATTEMPTS + "], \"evidence\": {\"weight\": 2, \"items\": [{\"id\": \"hiding-2012\"}, "
                + "{\"id\": \"repatriated-2002\"}], \"weights\": {\"repatriated-2002\": 3}}}"), BASELINE);
        assertEquals(List.of("hiding-2012:2.0", "repatriated-2002:3.0"), some.evidence().stream()
                .map(t -> t.item().id() + ":" + t.weight()).toList());
    }

    @Test
    void badWeightsByIdAreProblemsOfTheSpec() throws Exception {
        Path spec = write("spec.json", "{\"parameters\": [" + ATTEMPTS + "], \"evidence\": {\"items\": "
                + "[{\"id\": \"hiding-2012\", \"weight\": 2}], \"weights\": {\"hiding-2021\": 4, "
                + "\"repatriated-2002\": 4, \"hiding-2012\": 3, \"years-in-china-2005\": -1}}}");
        List<String> problems = strings(assertThrows(InvalidCalibrationSpecException.class,
                () -> reader.read(spec, BASELINE)).problems());
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(spec + ": $.evidence.weights.hiding-2021: no evidence item "
                + "'hiding-2021' in classpath:escaperoutes/observed/other-evidence.csv; its ids are "), problems.get(0));
        assertEquals(spec + ": $.evidence.weights.years-in-china-2005: must be a finite number >= 0, found -1",
                problems.get(1));
        assertEquals(spec + ": $.evidence.items[0].weight: 'hiding-2012' is weighted twice: here and in "
                + "$.evidence.weights.hiding-2012", problems.get(2));
        assertEquals(spec + ": $.evidence.weights.repatriated-2002: 'repatriated-2002' is not fitted: it is not "
                + "among $.evidence.items (leave items out to fit every item of the file)", problems.get(3));
    }

    @Test
    void unknownOrRepeatedEvidenceIdsAreProblemsOfTheSpec() throws Exception {
        Path spec = write("spec.json", "{\"parameters\": [" + ATTEMPTS + "], \"evidence\": {\"items\": "
                + "[{\"id\": \"hiding-2021\"}, {\"id\": \"hiding-2012\"}, {\"id\": \"hiding-2012\"}]}}");
        List<String> problems = strings(assertThrows(InvalidCalibrationSpecException.class,
                () -> reader.read(spec, BASELINE)).problems());
        assertEquals(2, problems.size(), problems.toString());
        assertEquals(spec + ": $.evidence.items[0].id: no evidence item 'hiding-2021' in classpath:"
                + "escaperoutes/observed/other-evidence.csv; its ids are repatriated-2002, detained-closure-2022, ",
                problems.get(0).substring(0, problems.get(0).indexOf("detained-closure-2022") + 23));
        assertEquals(spec + ": $.evidence.items[2].id: 'hiding-2012' is already fitted by $.evidence.items[1]",
                problems.get(1));
    }

    @Test
    void ownEvidenceIsCheckedAtItsLinesAndMustLieInTheSimulatedYears() throws Exception {
        write("mine.csv", """
                id,measure,period_start,period_end,statistic,value,low,high,source
                late,hiding_china_end,2035,2035,value_at_end,100,50,200,a guess
                early,repatriations,1990,1999,sum,100,50,200,a guess
                fine,repatriations,2023-10,2023-10,sum,550,500,600,HRW
                """);
        InvalidCalibrationSpecException e = assertThrows(InvalidCalibrationSpecException.class,
                () -> reader.read(write("spec.json", "{\"parameters\": [" + ATTEMPTS + "], \"evidence\": "
                        + "{\"file\": \"mine.csv\"}}"), BASELINE));
        assertEquals(List.of(
                "mine.csv:2: period 2035 of 'late' lies outside the whole years the scenario simulates (1998-2030)",
                "mine.csv:3: period 1990-1999 of 'early' lies outside the whole years the scenario simulates "
                        + "(1998-2030)"), strings(e.problems()));
        write("bad.csv", """
                id,measure,period_start,period_end,statistic,value,low,high,source
                x,share_arrivals_via_thailand,2011,2011,share,0.9,0.95,0.8,press
                """);
        e = assertThrows(InvalidCalibrationSpecException.class, () -> reader.read(write("spec.json",
                "{\"parameters\": [" + ATTEMPTS + "], \"evidence\": {\"file\": \"bad.csv\"}}"), BASELINE));
        assertEquals(List.of("bad.csv:2: low 0.95 is above high 0.8"), strings(e.problems()));
        assertProblems("{\"parameters\": [" + ATTEMPTS + "], \"evidence\": {\"file\": \"none.csv\"}}",
                "$.evidence.file: file not found: " + dir.resolve("none.csv") + " (the path is relative to the "
                        + "spec file's folder)");
    }

    @Test
    void anObservedPeriodNotYetObservableIsAnErrorAndPeriodsOutsideTheRunAreSaid() throws Exception {
        write("arrivals.csv", """
                period_start,period_end,male,female,total
                2015,2015,10,30,40
                2100,2100,12,28,40
                """);
        InvalidCalibrationSpecException e = assertThrows(InvalidCalibrationSpecException.class,
                () -> reader.read(write("spec.json", "{\"parameters\": [" + ATTEMPTS + "], \"observed\": "
                        + "\"arrivals.csv\", \"fitWindow\": {\"from\": 2015, \"to\": 2015}}"), BASELINE));
        int thisYear = java.time.LocalDate.now(java.time.ZoneOffset.UTC).getYear();
        assertEquals(List.of("arrivals.csv:3: period 2100 begins after " + thisYear + ", so it cannot have been "
                + "observed yet: correct its year or remove it"), strings(e.problems()));
        // The shipped series' 1953-1998 lump begins before the baseline: said, not dropped in silence.
        assertEquals(List.of("observed periods reaching outside the simulated 1998-01-01 to 2030-12-31 are not "
                + "compared (line): 1953-1998 (7)"), reader.resolve(write("spec.json", "{\"parameters\": ["
                + ATTEMPTS + "]}"), BASELINE).notes());
    }

    @Test
    void poissonTakesNoSize() throws Exception {
        assertProblems("{\"parameters\": [" + ATTEMPTS + "], \"loss\": {\"negativeBinomialSize\": 10}}",
                "$.loss.negativeBinomialSize: only used with \"totals\": \"negative_binomial\"; remove it or change "
                        + "totals");
    }

    @Test
    void observedCsvProblemsKeepTheirLines() throws Exception {
        write("bad.csv", """
                period_start,period_end,male,female,total
                2015,2015,10,-3,7
                """);
        InvalidCalibrationSpecException e = assertThrows(InvalidCalibrationSpecException.class,
                () -> reader.read(write("spec.json", "{\"parameters\": [" + ATTEMPTS + "], \"observed\": "
                        + "\"bad.csv\"}"), BASELINE));
        assertEquals(List.of("bad.csv:2: female -3 is negative"), strings(e.problems()));
    }

    @Test
    void missingObservedCsv() throws Exception {
        assertProblems("{\"parameters\": [" + ATTEMPTS + "], \"observed\": \"none.csv\"}",
                "$.observed: file not found: " + dir.resolve("none.csv") + " (the path is relative to the spec "
                        + "file's folder)");
    }

    @Test
    void malformedJson() throws Exception {
        Path spec = write("spec.json", "{\"parameters\": [");
        InvalidCalibrationSpecException e = assertThrows(InvalidCalibrationSpecException.class,
                () -> reader.read(spec, BASELINE));
        assertEquals(1, e.problems().size());
        assertEquals(spec.toString(), e.problems().get(0).path());
        assertEquals(spec + ": 1 problem", e.getMessage());
    }

    @Test
    void aBadScenarioIsReportedAsItsOwnProblems() throws Exception {
        Path scenario = write("scenario.json", "{\"name\": \"x\"}");
        InvalidCalibrationSpecException e = assertThrows(InvalidCalibrationSpecException.class,
                () -> reader.read(write("spec.json", spec(ATTEMPTS)), scenario));
        assertEquals(scenario + ": $.start: missing required field (first simulated day, yyyy-mm-dd)",
                e.problems().get(0).toString());
    }

    @Test
    void everyProblemIsReportedAtOnce() throws Exception {
        Path spec = write("spec.json", """
                {
                  "parameters": [
                    {"path": "$.legs[18].arrest", "lower": 0.5, "upper": 1.5},
                    {"path": "$.attempts.perYear", "lower": 1, "upper": 2},
                    {"path": "$.legs[18].arrest", "lower": 0, "upper": 0.3, "logScale": true},
                    {"path": "$.attempts.femaleShare", "lower": "0.5", "upper": 0.9}
                  ],
                  "fitWindow": {"from": 2012, "to": 2031},
                  "holdOutWindow": {"from": 2019, "to": 2020},
                  "loss": {"totals": "negative_binomial", "negativeBinomialSize": 0},
                  "replications": 0,
                  "optimizer": "simplex",
                  "sede": 3
                }
                """);
        InvalidCalibrationSpecException e = assertThrows(InvalidCalibrationSpecException.class,
                () -> reader.read(spec, BASELINE));
        assertEquals(List.of(
                        "$.sede",
                        "$.parameters[3].lower",
                        "$.replications",
                        "$.optimizer",
                        "$.parameters[0].upper",
                        "$.parameters[1].path",
                        "$.parameters[2].path",
                        "$.parameters[2].lower",
                        "$.fitWindow.to",
                        "$.holdOutWindow",
                        "$.loss.negativeBinomialSize"),
                e.problems().stream().map(p -> p.path().substring(spec.toString().length() + 2)).toList());
        assertEquals(spec + ": 11 problems", e.getMessage());
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static String spec(String... parameters) {
        return "{\"parameters\": [" + String.join(", ", parameters) + "]}";
    }

    /** Reads {@code json} as spec.json against the baseline and checks the problems, each relative to the file. */
    private void assertProblems(String json, String... expected) throws IOException {
        Path spec = write("spec.json", json);
        InvalidCalibrationSpecException e = assertThrows(InvalidCalibrationSpecException.class,
                () -> reader.read(spec, BASELINE));
        String prefix = spec + ": ";
        assertEquals(List.of(expected).stream().map(p -> prefix + p).toList(), strings(e.problems()));
    }

    private static List<String> strings(List<Problem> problems) {
        return problems.stream().map(Problem::toString).toList();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
