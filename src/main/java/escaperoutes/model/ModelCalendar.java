package escaperoutes.model;

import java.time.LocalDate;

/**
 * Day numbers of the run and the calendar years they fall in. Day 0 is the start date; the run covers days
 * [0, {@link #endDay()}), i.e. through the end date inclusive.
 */
public final class ModelCalendar implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final LocalDate start;
    private final double endDay;
    private final int firstYear;
    /** yearStart[i] = day on which calendar year firstYear + i begins (may be negative for the first year). */
    private final double[] yearStart;
    /** monthStart[12·i + m] = day on which month m (0 = January) of year firstYear + i begins. */
    private final double[] monthStart;

    public ModelCalendar(LocalDate start, LocalDate endInclusive) {
        this.start = start;
        this.endDay = (double) (endInclusive.toEpochDay() - start.toEpochDay() + 1);
        this.firstYear = start.getYear();
        int years = endInclusive.getYear() - firstYear + 1;
        this.yearStart = new double[years + 1];
        for (int i = 0; i <= years; i++) {
            yearStart[i] = LocalDate.of(firstYear + i, 1, 1).toEpochDay() - start.toEpochDay();
        }
        this.monthStart = new double[12 * years + 1];
        for (int m = 0; m < monthStart.length; m++) {
            monthStart[m] = LocalDate.of(firstYear + m / 12, m % 12 + 1, 1).toEpochDay() - start.toEpochDay();
        }
    }

    /** Day on which calendar year {@code firstYear() + i} begins, for 0 ≤ i ≤ years(). */
    public double yearStartDay(int i) {
        return yearStart[i];
    }

    /** Index of the month containing {@code day}, counted from January of the first year (0). */
    public int monthIndex(double day) {
        int guess = (int) ((day - monthStart[0]) / 30.436875);
        guess = Math.max(0, Math.min(guess, monthStart.length - 2));
        while (guess > 0 && day < monthStart[guess]) {
            guess--;
        }
        while (guess < monthStart.length - 2 && day >= monthStart[guess + 1]) {
            guess++;
        }
        return guess;
    }

    /** Day on which month {@code m} (counted from January of the first year, 0) begins, for 0 ≤ m ≤ 12·years(). */
    public double monthStartDay(int m) {
        return monthStart[m];
    }

    public LocalDate start() {
        return start;
    }

    /** First day after the run (exclusive bound). */
    public double endDay() {
        return endDay;
    }

    public int firstYear() {
        return firstYear;
    }

    public int years() {
        return yearStart.length - 1;
    }

    /** Day number of a date. */
    public double dayOf(LocalDate date) {
        return (double) (date.toEpochDay() - start.toEpochDay());
    }

    /** Index (0 = first year) of the calendar year containing {@code day}, for 0 ≤ day &lt; endDay. */
    public int yearIndex(double day) {
        int guess = (int) ((day - yearStart[0]) / 365.25);
        if (guess < 0) {
            guess = 0;
        } else if (guess >= yearStart.length - 1) {
            guess = yearStart.length - 2;
        }
        while (guess > 0 && day < yearStart[guess]) {
            guess--;
        }
        while (guess < yearStart.length - 2 && day >= yearStart[guess + 1]) {
            guess++;
        }
        return guess;
    }
}
