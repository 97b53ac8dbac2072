package escaperoutes.model;

/**
 * People already hiding in China when the run starts (the warm-up).
 *
 * @param sex            their sex
 * @param persons        how many (before {@link ModelConfig#scale()})
 * @param place          index of the hiding place
 * @param daysInChina    time already spent in China at the start, days
 */
public record InitialStock(Sex sex, int persons, int place, Duration daysInChina)
        implements java.io.Serializable {
}
