package escaperoutes.model;

/**
 * What an enforcement regime can scale in a segment. Rates (attempts, departures from hiding, the arrest hazard in
 * hiding) are multiplied directly. Probabilities are treated as hazards: a probability p under multiplier m becomes
 * 1 − (1 − p)^m, which stays in [0, 1], is p·m for small p, and is 0 when m is 0.
 */
public enum MultiplierKind {
    /** Rate of new attempts from a province (applies to the province's segment). */
    ATTEMPT("attempt"),
    /** Arrest probability on a leg, or the arrest hazard while hiding at a place. */
    ARREST("arrest"),
    /** Death probability on a leg. */
    DEATH("death"),
    /** Probability of being turned back on a leg. */
    TURN_BACK("turnBack"),
    /** Weight of a leg in the route choice at its starting place. */
    CHOICE("choice"),
    /** Pace at which time in hiding passes: 0 stops people moving on (lockdown), 2 halves the wait. */
    DEPARTURE("departure"),
    /** Probability that China repatriates a detainee (China's detention segment). */
    REPATRIATION("repatriation"),
    /** Probability that China releases a detainee it does not repatriate (else held longer). */
    RELEASE("release"),
    /** Probability that a person back in North Korea tries again (the province's segment). */
    RETRY("retry"),
    /**
     * Probability that a person who has just crossed goes straight on from the first hiding place instead of stopping
     * there (the hiding place's segment): journeys a broker arranges from North Korea to South Korea in one go.
     */
    DIRECT("direct");

    public static final int COUNT = values().length;

    private final String key;

    MultiplierKind(String key) {
        this.key = key;
    }

    /** The name used in scenario files. */
    public String key() {
        return key;
    }

    public static MultiplierKind ofKey(String key) {
        for (MultiplierKind kind : values()) {
            if (kind.key.equals(key)) {
                return kind;
            }
        }
        return null;
    }

    /** A probability p under hazard multiplier m (see the class comment). */
    public static double scaleProbability(double p, double m) {
        if (m == 1.0 || p == 0.0) {
            return p;
        }
        if (m == 0.0) {
            return 0.0;
        }
        if (p >= 1.0) {
            return 1.0;
        }
        return 1.0 - Math.pow(1.0 - p, m);
    }
}
