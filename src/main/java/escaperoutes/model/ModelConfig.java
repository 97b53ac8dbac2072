package escaperoutes.model;

import java.util.List;

/**
 * Everything a run needs, resolved to indices and days: the immutable input of {@link EscapeModel}. Built from a
 * scenario file by the scenario package; tests build small ones in code.
 *
 * @param calendar                 the run's days and years
 * @param countries                country ids; {@link Place#countryIndex()} points here
 * @param segments                 enforcement segment names; indices used by places, legs and the timeline
 * @param places                   network nodes, {@code places.get(i).index() == i}
 * @param legs                     network edges
 * @param provinces                origins of attempts
 * @param hiding                   behaviour on reaching a hiding place, by {@link Sex#index()}
 * @param hidingArrestPerDay       arrest hazard while hiding in China, per day (at multiplier 1)
 * @param chinaDetentionDays       time China holds a detainee before deciding, days
 * @param repatriationProbability  probability China repatriates a detainee at that decision
 * @param releaseProbability       probability China releases (back into hiding) a detainee it does not
 *                                 repatriate; the others are held for another detention period
 * @param chinaDetentionSegment    segment whose REPATRIATION and RELEASE multipliers apply
 * @param nkDetentionDays          time held in North Korea after being caught or repatriated, days
 * @param deathInNkDetention       probability of dying in North Korean detention
 * @param retryProbability         probability of trying again after detention or being turned back, by sex
 * @param retryDelayDays           time from release (or return home) to the next attempt, days
 * @param noRouteWaitDays          wait before choosing again at a place whose every leg is closed, days
 * @param initialStock             people hiding in China at the start
 * @param events                   one-off events, in date order
 * @param timeline                 enforcement regimes
 * @param scale                    agents per person: multiplies attempt rates, the initial stock and airlifts
 * @param annualVariation          standard deviation of the logarithm of a factor drawn for each calendar year
 *                                 and replication that scales attempt and departure rates (0: none)
 * @param chainDefection           attempts paid for by defectors already in South Korea
 *                                 ({@link ChainDefection#NONE}: none)
 */
public record ModelConfig(
        ModelCalendar calendar,
        List<String> countries,
        List<String> segments,
        List<Place> places,
        List<Leg> legs,
        List<Province> provinces,
        List<HidingBehaviour> hiding,
        double hidingArrestPerDay,
        Duration chinaDetentionDays,
        double repatriationProbability,
        double releaseProbability,
        int chinaDetentionSegment,
        Duration nkDetentionDays,
        double deathInNkDetention,
        double[] retryProbability,
        Duration retryDelayDays,
        double noRouteWaitDays,
        List<InitialStock> initialStock,
        List<OneOffEvent> events,
        EnforcementTimeline timeline,
        double scale,
        double annualVariation,
        ChainDefection chainDefection) implements java.io.Serializable {

    /** A configuration without chain defection. */
    public ModelConfig(ModelCalendar calendar, List<String> countries, List<String> segments, List<Place> places,
                       List<Leg> legs, List<Province> provinces, List<HidingBehaviour> hiding,
                       double hidingArrestPerDay, Duration chinaDetentionDays, double repatriationProbability,
                       double releaseProbability, int chinaDetentionSegment, Duration nkDetentionDays,
                       double deathInNkDetention, double[] retryProbability, Duration retryDelayDays,
                       double noRouteWaitDays, List<InitialStock> initialStock, List<OneOffEvent> events,
                       EnforcementTimeline timeline, double scale, double annualVariation) {
        this(calendar, countries, segments, places, legs, provinces, hiding, hidingArrestPerDay, chinaDetentionDays,
                repatriationProbability, releaseProbability, chinaDetentionSegment, nkDetentionDays,
                deathInNkDetention, retryProbability, retryDelayDays, noRouteWaitDays, initialStock, events,
                timeline, scale, annualVariation, ChainDefection.NONE);
    }

    public HidingBehaviour hiding(Sex sex) {
        return hiding.get(sex.index());
    }

    public ModelConfig withScale(double newScale) {
        return new ModelConfig(calendar, countries, segments, places, legs, provinces, hiding, hidingArrestPerDay,
                chinaDetentionDays, repatriationProbability, releaseProbability, chinaDetentionSegment,
                nkDetentionDays, deathInNkDetention, retryProbability, retryDelayDays, noRouteWaitDays,
                initialStock, events, timeline, newScale, annualVariation, chainDefection);
    }

    public ModelConfig withChainDefection(ChainDefection chain) {
        return new ModelConfig(calendar, countries, segments, places, legs, provinces, hiding, hidingArrestPerDay,
                chinaDetentionDays, repatriationProbability, releaseProbability, chinaDetentionSegment,
                nkDetentionDays, deathInNkDetention, retryProbability, retryDelayDays, noRouteWaitDays,
                initialStock, events, timeline, scale, annualVariation, chain);
    }
}
