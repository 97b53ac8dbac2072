package escaperoutes.model;

/**
 * Where a person is. Every person is in exactly one status at any time; a person's history is a sequence of
 * transitions between these, reported to the {@link ModelListener}.
 */
public enum Status {
    /** Before a person's first attempt (only the source of the first transition). */
    NOT_STARTED(Territory.NORTH_KOREA, false),
    /** On the way from home to and across the border (or to sea), still in North Korea. */
    TRAVELLING_NK(Territory.NORTH_KOREA, false),
    /** Held in North Korea after being caught at the border or repatriated. */
    DETAINED_NK(Territory.NORTH_KOREA, false),
    /** Back home and going to try again. */
    WAITING_NK(Territory.NORTH_KOREA, false),
    /** Back home for good (gave up). */
    STAYED_NK(Territory.NORTH_KOREA, true),
    /** Hiding in China (including those who settled there). */
    HIDING_CHINA(Territory.CHINA, false),
    /** Travelling through China with smugglers. */
    TRANSIT_CHINA(Territory.CHINA, false),
    /** Arrested by (or handed back to) China, awaiting repatriation or release. */
    DETAINED_CHINA(Territory.CHINA, false),
    /** In a third country (Laos, Myanmar, Thailand, ...) on the way to South Korea. */
    TRANSIT_ABROAD(Territory.THIRD_COUNTRY, false),
    /** Reached South Korea. */
    ARRIVED(Territory.SOUTH_KOREA, true),
    /** Died on the way or in detention. */
    DIED(Territory.NORTH_KOREA, true);

    public static final int COUNT = values().length;

    private final Territory territory;
    private final boolean terminal;

    Status(Territory territory, boolean terminal) {
        this.territory = territory;
        this.terminal = terminal;
    }

    public Territory territory() {
        return territory;
    }

    public boolean isTerminal() {
        return terminal;
    }

    public boolean isInChina() {
        return territory == Territory.CHINA;
    }
}
