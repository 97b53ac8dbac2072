package escaperoutes.io;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The start or end of a period as the input CSV files write it: a year ({@code 2024}) or a month ({@code 2024-06}). */
public final class PeriodText {
    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})(?:-(\\d{2}))?");

    private PeriodText() {
    }

    /**
     * A period as messages and tables write it: {@code 2012} or {@code 2002-2011} for whole years, {@code 2023-10}
     * for one month, {@code 2020-01 to 2024-04} otherwise (months 1-12).
     */
    public static String label(int startYear, int startMonth, int endYear, int endMonth) {
        if (startMonth == 1 && endMonth == 12) {
            return startYear == endYear ? Integer.toString(startYear) : startYear + "-" + endYear;
        }
        String start = String.format("%d-%02d", startYear, startMonth);
        String end = String.format("%d-%02d", endYear, endMonth);
        return start.equals(end) ? start : start + " to " + end;
    }

    /**
     * {year, month} of {@code raw}: {@code 2024} gives month {@code wholeYearMonth} (1 for a start, 12 for an end),
     * {@code 2024-06} June; null after adding a problem at {@code where} that names {@code column}.
     */
    public static int[] yearMonth(String raw, String column, int wholeYearMonth, String where,
                                  List<Problem> problems) {
        String text = raw.trim();
        Matcher m = YEAR_MONTH.matcher(text);
        if (!m.matches()) {
            problems.add(new Problem(where, column + " '" + text + "' is not a year (2024) or a month (2024-06)"));
            return null;
        }
        int month = m.group(2) == null ? wholeYearMonth : Integer.parseInt(m.group(2));
        if (month < 1 || month > 12) {
            problems.add(new Problem(where, column + " '" + text + "' has no month " + month));
            return null;
        }
        return new int[] {Integer.parseInt(m.group(1)), month};
    }
}
