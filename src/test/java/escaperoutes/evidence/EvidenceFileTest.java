package escaperoutes.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import escaperoutes.io.Problem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading evidence files: the shipped one, and every kind of bad row, each reported at its line. */
class EvidenceFileTest {
    private static final String HEADER =
            "id,measure,period_start,period_end,statistic,value,low,high,source,note\n";

    private static List<Problem> problems(String text) {
        InvalidEvidenceException e = assertThrows(InvalidEvidenceException.class,
                () -> EvidenceFile.parse(text.getBytes(StandardCharsets.UTF_8), "mine.csv", "mine.csv"));
        return e.problems();
    }

    @Test
    void theShippedFileHoldsTheTwentyTwoItemsWithTheirSources() {
        EvidenceFile shipped = EvidenceFile.shipped();
        assertEquals(22, shipped.items().size());
        EvidenceItem wave = shipped.items().get("repatriated-2023-oct-wave");
        assertEquals(new EvidencePeriod(2023, 10, 2023, 10), wave.period());
        assertEquals(EvidenceMeasure.REPATRIATIONS, wave.measure());
        assertEquals(EvidenceItem.Kind.INTERVAL, wave.kind());
        assertEquals("other-evidence.csv:6", wave.where());
        assertEquals(EvidenceItem.Kind.MINIMUM, shipped.items().get("repatriated-2020-2024apr").kind());
        assertEquals(EvidenceItem.Kind.EXACT, shipped.items().get("vietnam-airlift-2004").kind());
        assertEquals("2020-01 to 2024-04", shipped.items().get("repatriated-2020-2024apr").period().toString());
    }

    @Test
    void everyBadRowIsReportedAtItsLine() {
        List<Problem> p = problems(HEADER
                + "a,repatriations,2002,2002,sum,10,20,5,src,\n"
                + "b,share_arrivals_via_thailand,2011,2011,share,0.9,0.8,1.2,src,\n"
                + "c,sightings,2011,2011,sum,1,0,2,src,\n"
                + "d,hiding_china_end,2012-05,2012-06,value_at_end,10,5,20,src,\n"
                + "e,repatriations,2003,2002,sum,10,5,20,src,\n"
                + "f,detained_china_end,2022,2022,sum,10,5,20,src,\n"
                + "g,mean_years_in_china_of_arrivals,2009,2009,mean,1.5,1.5,1.5,src,\n"
                + "h,repatriations,2002,2002,sum,ten,5,20,src,\n"
                + "h,repatriations,2002,2002,sum,10,5,20,src,\n"
                + "h,repatriations,2003,2003,sum,10,5,20,src,\n");
        assertEquals(List.of(
                new Problem("mine.csv:2", "low 20 is above high 5"),
                new Problem("mine.csv:3", "share_arrivals_via_thailand is a share: low and high must lie within "
                        + "[0, 1], found [0.8, 1.2]"),
                new Problem("mine.csv:4", "measure 'sightings' is not one of " + java.util.Arrays.stream(
                        EvidenceMeasure.values()).map(EvidenceMeasure::key).toList()),
                new Problem("mine.csv:5", "measure hiding_china_end is recorded by calendar year only; its period "
                        + "must be whole years (2012, not 2012-05)"),
                new Problem("mine.csv:6", "period_end 2002 is before period_start 2003"),
                new Problem("mine.csv:7", "statistic 'sum' does not fit measure detained_china_end, which is a "
                        + "value_at_end"),
                new Problem("mine.csv:8", "low = high is read as an exact count, but mean_years_in_china_of_arrivals "
                        + "is a mean; give a range"),
                new Problem("mine.csv:9", "value 'ten' is not a finite number"),
                new Problem("mine.csv:11", "id 'h' is already used on line 10")), p);
    }

    @Test
    void aMissingColumnIsReportedAtTheHeader() {
        assertEquals(List.of(new Problem("mine.csv:1", "missing column high; the header must contain "
                + "id,measure,period_start,period_end,statistic,value,low,high,source (and optionally note)")),
                problems("id,measure,period_start,period_end,statistic,value,low,source\n"
                        + "a,repatriations,2002,2002,sum,10,5,src\n"));
    }
}
