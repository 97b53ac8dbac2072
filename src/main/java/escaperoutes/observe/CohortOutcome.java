package escaperoutes.observe;

import escaperoutes.model.Status;

/**
 * What had become of a person who crossed from North Korea into China, at the end of the run: the outcome columns
 * of {@code cohorts.csv}, whose CSV name is {@link #key()}. {@link #of(Status)} is the one place that maps the
 * model's statuses onto outcomes.
 */
public enum CohortOutcome {
    REACHED_SOUTH_KOREA("reached_south_korea"),
    /** Back in North Korea: repatriated by China or caught on a later attempt, and not out again. */
    IN_NORTH_KOREA("in_north_korea"),
    DIED("died"),
    /** Hiding, held by China, or travelling through China. */
    IN_CHINA("in_china"),
    /** In a third country on the way to South Korea, not yet arrived. */
    IN_THIRD_COUNTRY("in_third_country");

    public static final int COUNT = values().length;

    private final String key;

    CohortOutcome(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /**
     * The outcome of a crosser now in {@code status}. Every status maps to exactly one outcome, and a new status
     * will not compile until it is given one. A crosser is never {@code NOT_STARTED} again; it is mapped (to North
     * Korea, where such a person is) only so that the mapping is total.
     */
    public static CohortOutcome of(Status status) {
        return switch (status) {
            case ARRIVED -> REACHED_SOUTH_KOREA;
            case NOT_STARTED, TRAVELLING_NK, DETAINED_NK, WAITING_NK, STAYED_NK -> IN_NORTH_KOREA;
            case DIED -> DIED;
            case HIDING_CHINA, TRANSIT_CHINA, DETAINED_CHINA -> IN_CHINA;
            case TRANSIT_ABROAD -> IN_THIRD_COUNTRY;
        };
    }
}
