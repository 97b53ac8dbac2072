package escaperoutes.model;

/**
 * Chain defection: first attempts that defectors already living in South Korea pay brokers for, to bring out the
 * relatives they left behind. Reporters and researchers describe it from the mid-2000s on: brokers in Seoul sold
 * "planned escapes", taking as little as three weeks from North Korea to Seoul (Washington Post, 18 Nov 2007); by
 * 2015 it was "almost the only way" out, the first to arrive earning money and meeting brokers to bring out the
 * others (Washington Post, 31 Mar 2016). The rate of these attempts is proportional to the defectors living in
 * South Korea, so the flow feeds itself, and its people go straight through China rather than hiding there for
 * years (MOU: arrivals of 2009 had spent about 1.5 years in China, some 3–4 months).
 *
 * <p>Residents in month m are {@link #residentsAtStart} plus every arrival of the run before month m −
 * {@link #lagMonths} (with a {@link #windowMonths} w &gt; 0: only the arrivals of months m − lag − w to m − lag − 1,
 * and none of those at the start, for relatives are brought out within the first years or not at all). The attempts of month m are a Poisson process of rate {@link #attemptsPerResidentPerDay} ×
 * residents × the ATTEMPT multiplier of the origin's segment, split between the sexes by {@link #femaleShare} and,
 * within a sex, between the North Korean provinces in proportion to their own attempt rates of that sex (relatives
 * live where defectors came from). An origin outside North Korea (workers abroad) has none.
 *
 * @param attemptsPerResidentPerDay first attempts per resident of South Korea per day, at multiplier 1
 * @param femaleShare               share of women among these attempts
 * @param residentsAtStart          defectors living in South Korea at the start of the run, persons (multiplied by
 *                                  the run's scale, like every count of people)
 * @param lagMonths                 months from an arrival until the newcomer funds a crossing (the time it takes
 *                                  to earn the broker's fee)
 * @param directShare               share of these people who go straight on from the first hiding place in China
 *                                  (the broker arranges the whole journey); the others hide as anybody else does
 * @param windowMonths              months after the lag during which an arrival funds crossings; 0: for ever
 */
public record ChainDefection(double attemptsPerResidentPerDay, double femaleShare, double residentsAtStart,
                             int lagMonths, double directShare, int windowMonths)
        implements java.io.Serializable {

    /** No chain defection: the run's attempts are the provinces' own. */
    public static final ChainDefection NONE = new ChainDefection(0, 0, 0, 0, 0, 0);

    /** Chain defection funded by every arrival for ever after the lag. */
    public ChainDefection(double attemptsPerResidentPerDay, double femaleShare, double residentsAtStart,
                          int lagMonths, double directShare) {
        this(attemptsPerResidentPerDay, femaleShare, residentsAtStart, lagMonths, directShare, 0);
    }

    public boolean active() {
        return attemptsPerResidentPerDay > 0;
    }
}
