package escaperoutes.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The loss terms of evidence items, against values worked out by hand. */
class EvidenceItemTest {
    private static final double Z2 = EvidenceItem.Z95 * EvidenceItem.Z95;

    private static EvidenceItem item(EvidenceMeasure measure, double value, double low, double high) {
        return new EvidenceItem("x", measure, new EvidencePeriod(2002, 1, 2002, 12), value, low, high, "s", "",
                "test.csv:2");
    }

    @Test
    void anIntervalIsANinetyFivePercentRangeOnTheLogScaleOfCountsEachSideItsOwnWidth() {
        EvidenceItem it = item(EvidenceMeasure.REPATRIATIONS, 4809, 3000, 6000);
        assertEquals(EvidenceItem.Kind.INTERVAL, it.kind());
        assertEquals(0, it.loss(4809), 1e-12);
        // At either end of the range the z-score is 1.96, whatever the side's width.
        assertEquals(Z2, it.loss(6000), 1e-9);
        assertEquals(Z2, it.loss(3000), 1e-9);
        // Halfway to the upper end on the ln(1 + x) scale: z = 0.98.
        double halfway = Math.expm1((Math.log1p(4809) + Math.log1p(6000)) / 2);
        assertEquals(Z2 / 4, it.loss(halfway), 1e-9);
        // Twice the best value: ((ln 9619 - ln 4810) / ((ln 6001 - ln 4810) / 1.96))^2.
        double z = (Math.log(9619) - Math.log(4810)) / ((Math.log(6001) - Math.log(4810)) / EvidenceItem.Z95);
        assertEquals(z * z, it.loss(9618), 1e-9);
        assertTrue(it.inside(3000) && it.inside(6000) && !it.inside(2999.9) && !it.inside(6000.1));
    }

    @Test
    void sharesAreComparedOnTheirOwnLinearScale() {
        EvidenceItem it = item(EvidenceMeasure.SHARE_ARRIVALS_VIA_THAILAND, 0.72, 0.65, 0.79);
        // 0.035 above the value, half the side's width of 0.07: z = 1.96 / 2.
        assertEquals(Z2 / 4, it.loss(0.755), 1e-9);
        assertEquals(Z2, it.loss(0.65), 1e-9);
    }

    @Test
    void aDocumentedMinimumCostsNothingWithinItsRangeAndGrowsBeyondEitherEnd() {
        EvidenceItem it = item(EvidenceMeasure.REPATRIATIONS, 670, 670, 1500);
        assertEquals(EvidenceItem.Kind.MINIMUM, it.kind());
        assertEquals(0, it.loss(670));
        assertEquals(0, it.loss(1000));
        assertEquals(0, it.loss(1500));
        double sigma = (Math.log(1501) - Math.log(671)) / (2 * EvidenceItem.Z95);
        // One sigma above the upper end, and two below the minimum.
        assertEquals(1, it.loss(Math.expm1(Math.log(1501) + sigma)), 1e-9);
        assertEquals(4, it.loss(Math.expm1(Math.log(671) - 2 * sigma)), 1e-9);
        // Four thousand repatriations against a documented 670 and a plausible 1,500: 4.8 sigma off.
        double z = (Math.log(4001) - Math.log(1501)) / sigma;
        assertEquals(z * z, it.loss(4000), 1e-9);
        assertTrue(z > 4.7);
        assertFalse(it.inside(4000));
    }

    @Test
    void anExactCountIsAPoissonDevianceAndNaNIsLargeButFinite() {
        EvidenceItem it = item(EvidenceMeasure.ARRIVALS_VIA_VIETNAM, 468, 468, 468);
        assertEquals(EvidenceItem.Kind.EXACT, it.kind());
        assertEquals(0, it.loss(468), 1e-12);
        assertEquals(2 * (468 * Math.log(468.0 / 494) - (468 - 494)), it.loss(494), 1e-9);
        // Within 1.96 Poisson standard deviations (42.4 persons) counts as inside.
        assertTrue(it.inside(510));
        assertFalse(it.inside(511));
        EvidenceItem mean = item(EvidenceMeasure.MEAN_YEARS_IN_CHINA_OF_ARRIVALS, 1.5, 1.0, 2.5);
        assertEquals(EvidenceItem.UNDEFINED_LOSS, mean.loss(Double.NaN));
        assertFalse(mean.inside(Double.NaN));
        // Durations on ln x: the value's own range end gives z = 1.96.
        assertEquals(Z2, mean.loss(2.5), 1e-9);
    }
}
