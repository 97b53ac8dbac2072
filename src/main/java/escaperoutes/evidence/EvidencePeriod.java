package escaperoutes.evidence;

import escaperoutes.io.PeriodText;

/**
 * The span an evidence item covers, from the first day of month {@code startMonth} of {@code startYear} through
 * the last day of month {@code endMonth} of {@code endYear} (months 1-12). Written {@code 2012} (a whole year),
 * {@code 2023-10} (a month), and as a pair of such for longer spans.
 */
public record EvidencePeriod(int startYear, int startMonth, int endYear, int endMonth) {

    /** Starts in January and ends in December. */
    public boolean isWholeYears() {
        return startMonth == 1 && endMonth == 12;
    }

    /** As evidence.csv writes it: {@code 2012}, {@code 2002-2011}, {@code 2023-10}, {@code 2020-01 to 2024-04}. */
    @Override
    public String toString() {
        return PeriodText.label(startYear, startMonth, endYear, endMonth);
    }
}
