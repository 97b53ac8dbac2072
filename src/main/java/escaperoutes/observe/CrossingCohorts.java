package escaperoutes.observe;

import escaperoutes.model.ModelCalendar;
import escaperoutes.model.Person;
import escaperoutes.model.Sex;
import escaperoutes.model.Status;
import java.util.Arrays;

/**
 * The people who first crossed from North Korea into China in each calendar year (a cohort), counted by their
 * current {@link CohortOutcome}, so that the end of the run gives each cohort's outcomes without a scan of the
 * people. A border crossing is the transition {@code TRAVELLING_NK → TRANSIT_CHINA}. People already in China when
 * the run starts (the initial stock) crossed before the run and belong to no cohort, even if they are sent back and
 * cross again during it.
 *
 * <p>How a person's cohort is found, and why this way. The obvious way, a table of cohorts by person id read on
 * every transition, misses the cache whenever someone last seen months ago moves: at ten times the baseline's scale
 * (a million agents) it made a run a sixth slower. Instead:
 * <ul>
 *   <li>Only transitions that change the outcome count; the rest (between hiding, transit and detention in China;
 *       between travelling, detention and waiting in North Korea) cost one table read.</li>
 *   <li>The cohort is read from the person: {@link Person#chinaEntryDay()} is the day of the latest crossing, and
 *       the model clears it only when a new attempt starts, so until a crosser sets out again from North Korea it
 *       is the day of the first crossing.</li>
 *   <li>Crossers who set out again (back home waiting to retry, or walked back into North Korea) are repeaters: a
 *       bit per person id marks them, small enough to stay in cache; their cohort, and each later change of their
 *       outcome, are appended to lists and matched up by id at the end, so no transition waits on a read from a
 *       table by id.</li>
 *   <li>The initial stock is created before anyone else, so it is the persons with ids below {@link #stockEnd}.</li>
 * </ul>
 * Each assumption about the model is checked where it is used: a run that breaks one stops with an error rather than
 * miscount.
 */
final class CrossingCohorts implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final int[] OUTCOME = new int[Status.COUNT];
    private static final int IN_CHINA = CohortOutcome.IN_CHINA.ordinal();
    /**
     * What each transition means here, by from.ordinal() · Status.COUNT + to.ordinal(): its kind in the low 3 bits,
     * and above them the change of outcome, from outcome · CohortOutcome.COUNT + to outcome.
     */
    private static final int[] KIND = new int[Status.COUNT * Status.COUNT];
    private static final int NOTHING = 0;
    private static final int APPEARING = 1;
    private static final int CROSSING = 2;
    private static final int SETTING_OUT_AGAIN = 3;
    private static final int CHANGE = 4;

    static {
        for (Status status : Status.values()) {
            OUTCOME[status.ordinal()] = CohortOutcome.of(status).ordinal();
        }
        for (Status from : Status.values()) {
            for (Status to : Status.values()) {
                int kind;
                if (from == Status.NOT_STARTED) {
                    kind = APPEARING;
                } else if (from == Status.TRAVELLING_NK && to == Status.TRANSIT_CHINA) {
                    kind = CROSSING;
                } else if (OUTCOME[from.ordinal()] != OUTCOME[to.ordinal()]) {
                    kind = CHANGE;
                } else if (to == Status.WAITING_NK) {
                    kind = SETTING_OUT_AGAIN;
                } else {
                    kind = NOTHING;
                }
                KIND[from.ordinal() * Status.COUNT + to.ordinal()] = kind
                        | (OUTCOME[from.ordinal()] * CohortOutcome.COUNT + OUTCOME[to.ordinal()]) << 3;
            }
        }
    }

    private final int years;
    /** yearStart[y] = first day of the calendar year of index y, 0 ≤ y ≤ years (for y = 0 at most 0). */
    private final double[] yearStart;
    /** Persons with an id below this are the initial stock (ids count up from 0 as agents are created). */
    private int stockEnd;
    /** Whether anyone not in the initial stock has appeared yet. */
    private boolean othersAppeared;
    /** One bit per person id: a repeater (grown on demand). */
    private long[] repeater = new long[64];
    /** Each repeater's id and cohort (year index), in the order they became repeaters: id · 2^16 + cohort. */
    private long[] repeaterCohorts = new long[1024];
    private int repeaterCount;
    /**
     * Each change of a repeater's outcome since it became one: id · 2^16 + (from outcome · CohortOutcome.COUNT + to
     * outcome) · Sex.COUNT + sex.
     */
    private long[] repeaterChanges = new long[1024];
    private int repeaterChangeCount;
    /**
     * Agents of each cohort now with each outcome, repeaters' changes since they set out again left out:
     * counts[(cohort · CohortOutcome.COUNT + outcome) · Sex.COUNT + sex].
     */
    private final long[] counts;

    CrossingCohorts(ModelCalendar calendar) {
        this.years = calendar.years();
        if (years > Short.MAX_VALUE) {
            throw new IllegalArgumentException(years + " years are too many cohorts to count");
        }
        this.yearStart = new double[years + 1];
        for (int y = 0; y <= years; y++) {
            yearStart[y] = calendar.yearStartDay(y);
        }
        this.counts = new long[years * CohortOutcome.COUNT * Sex.COUNT];
    }

    /**
     * A transition of {@code person} (sex index {@code sex}) into {@code to} on {@code day}; {@code pair} is
     * from.ordinal() · Status.COUNT + to.ordinal().
     */
    void transition(int pair, Person person, int sex, Status to, double day) {
        int code = KIND[pair];
        int kind = code & 7;
        if (kind == NOTHING) {
            return;
        }
        int id = person.id();
        if (kind == APPEARING) {
            appeared(id, to);
            return;
        }
        if (id < stockEnd) {
            return;
        }
        if (kind == SETTING_OUT_AGAIN) {
            settingOutAgain(person);
            return;
        }
        if (isRepeater(id)) {
            if (repeaterChangeCount == repeaterChanges.length) {
                repeaterChanges = Arrays.copyOf(repeaterChanges, 2 * repeaterChanges.length);
            }
            repeaterChanges[repeaterChangeCount++] = (long) id << 16 | (code >>> 3) * Sex.COUNT + sex;
            return;
        }
        double entry = person.chinaEntryDay();
        if (kind == CROSSING) {
            if (entry != day) {
                throw new IllegalStateException("person " + id + " crossed into China on day " + day
                        + " but its entry day is " + entry + ": cohorts can no longer be read from the entry day");
            }
            counts[index(yearOf(entry), IN_CHINA, sex)]++;
            return;
        }
        if (Double.isNaN(entry)) {
            return; // has never crossed
        }
        int cohort = yearOf(entry);
        int change = code >>> 3;
        counts[index(cohort, change / CohortOutcome.COUNT, sex)]--;
        counts[index(cohort, change % CohortOutcome.COUNT, sex)]++;
        if (to == Status.TRAVELLING_NK) {
            // Walked back into North Korea: crossing again would overwrite the entry day.
            markRepeater(id, cohort);
        }
    }

    /** Back home and going to try again: the new attempt will clear the entry day, so keep the cohort now. */
    private void settingOutAgain(Person person) {
        double entry = person.chinaEntryDay();
        int id = person.id();
        if (!Double.isNaN(entry) && !isRepeater(id)) {
            markRepeater(id, yearOf(entry));
        }
    }

    /** Index of the calendar year of {@code day}, 0 ≤ day &lt; end of the run (a multiplication, not a division). */
    private int yearOf(double day) {
        int y = Math.min((int) ((day - yearStart[0]) * (1 / 365.25)), years - 1);
        while (day < yearStart[y]) {
            y--;
        }
        while (day >= yearStart[y + 1]) {
            y++;
        }
        return y;
    }

    private static int index(int cohort, int outcome, int sex) {
        return (cohort * CohortOutcome.COUNT + outcome) * Sex.COUNT + sex;
    }

    /**
     * A person's first transition: the initial stock appear first, in id order, straight into China; everybody else
     * sets out, from North Korea or from an origin outside it (workers abroad).
     */
    private void appeared(int id, Status to) {
        if (to == Status.TRAVELLING_NK || to == Status.TRANSIT_ABROAD) {
            othersAppeared = true;
        } else if (othersAppeared || id != stockEnd) {
            throw new IllegalStateException("person " + id + " appeared in " + to + " after persons who set out "
                    + "from North Korea, or out of id order: the initial stock can no longer be told by id");
        } else {
            stockEnd++;
        }
    }

    private boolean isRepeater(int id) {
        int word = id >>> 6;
        return word < repeater.length && (repeater[word] & (1L << id)) != 0;
    }

    private void markRepeater(int id, int cohort) {
        int word = id >>> 6;
        if (word >= repeater.length) {
            repeater = Arrays.copyOf(repeater, Math.max(2 * repeater.length, word + 1));
        }
        repeater[word] |= 1L << id;
        if (repeaterCount == repeaterCohorts.length) {
            repeaterCohorts = Arrays.copyOf(repeaterCohorts, 2 * repeaterCohorts.length);
        }
        repeaterCohorts[repeaterCount++] = (long) id << 16 | cohort;
    }

    /** Agents by cohort (year index), outcome and sex index: outcomes[year][outcome][sex]. */
    long[][][] outcomes() {
        long[] all = counts.clone();
        int maxId = -1;
        for (int i = 0; i < repeaterCount; i++) {
            maxId = Math.max(maxId, (int) (repeaterCohorts[i] >>> 16));
        }
        short[] cohortOf = new short[maxId + 1];
        for (int i = 0; i < repeaterCount; i++) {
            cohortOf[(int) (repeaterCohorts[i] >>> 16)] = (short) (repeaterCohorts[i] & 0xFFFF);
        }
        for (int i = 0; i < repeaterChangeCount; i++) {
            int cohort = cohortOf[(int) (repeaterChanges[i] >>> 16)];
            int low = (int) (repeaterChanges[i] & 0xFFFF);
            int sex = low % Sex.COUNT;
            int change = low / Sex.COUNT;
            all[index(cohort, change / CohortOutcome.COUNT, sex)]--;
            all[index(cohort, change % CohortOutcome.COUNT, sex)]++;
        }
        long[][][] outcomes = new long[years][CohortOutcome.COUNT][Sex.COUNT];
        for (int y = 0; y < years; y++) {
            for (int o = 0; o < CohortOutcome.COUNT; o++) {
                for (int s = 0; s < Sex.COUNT; s++) {
                    outcomes[y][o][s] = all[index(y, o, s)];
                }
            }
        }
        return outcomes;
    }
}
