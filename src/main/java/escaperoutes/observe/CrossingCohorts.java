package escaperoutes.observe;

import escaperoutes.model.Sex;
import escaperoutes.model.Status;
import java.util.Arrays;

/**
 * The people who first crossed from North Korea into China in each calendar year (a cohort), counted by the status
 * they are in now, so that the end of the run gives each cohort's outcomes without a scan of the people. A border
 * crossing is the transition {@code TRAVELLING_NK → TRANSIT_CHINA}. People already in China when the run starts
 * (the initial stock, whose first transition is not into {@code TRAVELLING_NK}) crossed before the run and belong
 * to no cohort, even if they are sent back and cross again during it.
 *
 * <p>Each transition costs one array read by person id, and for a member of a cohort two counter updates.
 */
final class CrossingCohorts {
    /** Marks in {@link #cohortOf}: not crossed yet (0, the array's default), or never to be in a cohort. */
    private static final short NOT_CROSSED = 0;
    private static final short NO_COHORT = -1;

    private final int years;
    /**
     * Per person id (ids count up from 0 as agents are created): 1 + index of the year of the first crossing, or one
     * of the marks. Grown on demand; ids beyond its end have not crossed.
     */
    private short[] cohortOf = new short[1 << 12];
    /** Agents of each cohort in each status now: counts[(cohort · Status.COUNT + status) · Sex.COUNT + sex]. */
    private final long[] counts;

    CrossingCohorts(int years) {
        if (years >= Short.MAX_VALUE) {
            throw new IllegalArgumentException(years + " years do not fit the cohort marks");
        }
        this.years = years;
        this.counts = new long[years * Status.COUNT * Sex.COUNT];
    }

    /** A transition of person {@code id} of sex index {@code sex}, in the year of index {@code year}. */
    void transition(int id, int sex, Status from, Status to, int year) {
        int mark = id < cohortOf.length ? cohortOf[id] : NOT_CROSSED;
        if (mark > 0) {
            int cohort = (mark - 1) * Status.COUNT;
            counts[(cohort + from.ordinal()) * Sex.COUNT + sex]--;
            counts[(cohort + to.ordinal()) * Sex.COUNT + sex]++;
        } else if (mark == NOT_CROSSED) {
            if (from == Status.TRAVELLING_NK && to == Status.TRANSIT_CHINA) {
                mark(id, (short) (year + 1));
                counts[(year * Status.COUNT + to.ordinal()) * Sex.COUNT + sex]++;
            } else if (from == Status.NOT_STARTED && to != Status.TRAVELLING_NK) {
                mark(id, NO_COHORT);
            }
        }
    }

    private void mark(int id, short mark) {
        if (id >= cohortOf.length) {
            cohortOf = Arrays.copyOf(cohortOf, Math.max(2 * cohortOf.length, id + 1));
        }
        cohortOf[id] = mark;
    }

    /** Agents by cohort (year index), outcome and sex index: outcomes[year][outcome][sex]. */
    long[][][] outcomes() {
        long[][][] outcomes = new long[years][CohortOutcome.COUNT][Sex.COUNT];
        for (int y = 0; y < years; y++) {
            for (Status status : Status.values()) {
                long[] bySex = outcomes[y][CohortOutcome.of(status).ordinal()];
                for (int s = 0; s < Sex.COUNT; s++) {
                    bySex[s] += counts[(y * Status.COUNT + status.ordinal()) * Sex.COUNT + s];
                }
            }
        }
        return outcomes;
    }
}
