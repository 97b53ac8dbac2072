package escaperoutes.model;

/**
 * A province people come from.
 *
 * @param place              index of the province's place in the network
 * @param name               display name
 * @param attemptsPerDay     rate of first attempts under unit multipliers, persons per day, by {@link Sex#index()}
 */
public record Province(int place, String name, double[] attemptsPerDay) {
}
