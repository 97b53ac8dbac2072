package escaperoutes.model;

/**
 * A province people come from.
 *
 * @param place              index of the province's place in the network
 * @param name               display name
 * @param attemptsPerDay     rate of first attempts under unit multipliers, persons per day, by {@link Sex#index()}
 * @param stockOrigin        whether people already in China at the start may come from here (in proportion to the
 *                           attempt rate); not so for an origin outside North Korea's population, such as workers
 *                           abroad
 */
public record Province(int place, String name, double[] attemptsPerDay, boolean stockOrigin)
        implements java.io.Serializable {
}
