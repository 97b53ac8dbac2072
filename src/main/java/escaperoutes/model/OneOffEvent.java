package escaperoutes.model;

/** A dated one-off enforcement event. */
public sealed interface OneOffEvent extends java.io.Serializable
        permits OneOffEvent.MassRepatriation, OneOffEvent.Airlift {

    /** Day of the event (days since the start). */
    double day();

    /**
     * China repatriates at once detainees — a documented count of them, then a share of the rest — and arrests and
     * repatriates a share of those hiding.
     *
     * @param persons         detainees repatriated (before {@link ModelConfig#scale()}); fewer if fewer are held
     * @param shareOfDetained share of the other detainees repatriated
     * @param shareOfHiding   share of people hiding in China arrested and repatriated
     */
    record MassRepatriation(double day, int persons, double shareOfDetained, double shareOfHiding)
            implements OneOffEvent {
    }

    /**
     * People hiding in China are taken to South Korea together (the July 2004 airlift of 468 from Vietnam).
     *
     * @param persons       how many (before {@link ModelConfig#scale()}); fewer if fewer are hiding
     * @param country       index of the country they are flown from (their exit route)
     */
    record Airlift(double day, int persons, int country) implements OneOffEvent {
    }
}
