package escaperoutes.observe;

import escaperoutes.model.Status;

/**
 * What a run reports per year and sex. The CSV name is {@link #key()}. Flows count transitions during the
 * calendar year (persons); stocks count persons at the end of the year (or of the run); the mean is over the
 * year's arrivals who had entered China. With a scenario scale other than 1, counts are agents divided by the
 * scale, i.e. still persons.
 */
public enum Measure {
    ATTEMPTS("attempts", Kind.FLOW, "attempts to leave North Korea, or an origin outside it, started (first attempts "
            + "and retries), persons"),
    BORDER_CROSSINGS("border_crossings", Kind.FLOW, "crossings from North Korea into China, persons"),
    BORDER_DEATHS("border_deaths", Kind.FLOW, "deaths on the way out of North Korea (border, sea), persons"),
    BORDER_CAUGHT("border_caught", Kind.FLOW, "caught by North Korea on the way out, persons"),
    CAUGHT_ABROAD("caught_abroad", Kind.FLOW,
            "caught leaving from an origin outside North Korea (workers abroad) and sent back to it, persons"),
    ARRESTS_CHINA("arrests_china", Kind.FLOW, "arrested in China, or outside it and handed to China, persons"),
    REPATRIATIONS("repatriations", Kind.FLOW, "forcibly returned from China to North Korea, persons"),
    RELEASES_CHINA("releases_china", Kind.FLOW, "released by China back into hiding, persons"),
    TRANSIT_DEATHS("transit_deaths", Kind.FLOW, "deaths in China or third countries, persons"),
    ARRIVALS("arrivals", Kind.FLOW, "arrivals in South Korea, persons"),
    IN_CHINA_END("in_china_end", Kind.STOCK, "in China at year end (hiding, in transit or detained), persons"),
    HIDING_CHINA_END("hiding_china_end", Kind.STOCK, "hiding in China at year end, persons"),
    DETAINED_CHINA_END("detained_china_end", Kind.STOCK, "held by China at year end, persons"),
    DETAINED_NK_END("detained_nk_end", Kind.STOCK, "held in North Korea at year end, persons"),
    MEAN_YEARS_IN_CHINA_OF_ARRIVALS("mean_years_in_china_of_arrivals", Kind.MEAN,
            "mean years from the latest entry into China to arrival, over the year's arrivals who were in China");

    /** How a measure aggregates over time. */
    public enum Kind { FLOW, STOCK, MEAN }

    private final String key;
    private final Kind kind;
    private final String description;

    Measure(String key, Kind kind, String description) {
        this.key = key;
        this.kind = kind;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    /** Whether a person in {@code status} counts in this stock measure. */
    boolean countsStatus(Status status) {
        switch (this) {
            case IN_CHINA_END: return status.isInChina();
            case HIDING_CHINA_END: return status == Status.HIDING_CHINA;
            case DETAINED_CHINA_END: return status == Status.DETAINED_CHINA;
            case DETAINED_NK_END: return status == Status.DETAINED_NK;
            default: return false;
        }
    }
}
