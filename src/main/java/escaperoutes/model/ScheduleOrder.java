package escaperoutes.model;

/** The order of work within one instant of the schedule (MASON orderings; lower runs first). */
public enum ScheduleOrder {
    /**
     * One-off enforcement events act on the population as it stands at their instant (the start of the day, for
     * a scenario's dates): before the agent events due at that instant.
     */
    ENFORCEMENT_EVENT,
    /** The day's agent events (new attempts, people's own transitions), in exact time order. */
    AGENTS;

    public int ordering() {
        return ordinal();
    }
}
