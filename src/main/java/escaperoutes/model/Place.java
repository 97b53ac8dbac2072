package escaperoutes.model;

/**
 * A node of the route network.
 *
 * @param index    position in {@link ModelConfig#places()}
 * @param id       the scenario's id (e.g. {@code yanbian})
 * @param country  country id ({@code north_korea}, {@code china}, {@code laos}, ...); labels exit routes
 * @param countryIndex position of the country in {@link ModelConfig#countries()}
 * @param hiding   whether people who have just crossed into China stop and hide here
 * @param segment  enforcement segment of the place (hiding arrests and departures, attempts from a province)
 * @param territory what kind of territory the country is (derived from the country id)
 */
public record Place(int index, String id, String country, int countryIndex, boolean hiding, int segment,
                    Territory territory) implements java.io.Serializable {

    public Place(int index, String id, String country, int countryIndex, boolean hiding, int segment) {
        this(index, id, country, countryIndex, hiding, segment, Territory.ofCountry(country));
    }
}
