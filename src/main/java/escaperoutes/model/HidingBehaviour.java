package escaperoutes.model;

/**
 * What one sex does on reaching the first hiding place in China.
 *
 * @param directShare   share who move straight on without hiding
 * @param settleShare   share who settle (forced marriage, work) and never move on of their own accord
 * @param duration      for the rest: time in hiding before moving on, days of "departure time" (calendar days
 *                      at departure multiplier 1; a lockdown at multiplier 0 stops this clock)
 */
public record HidingBehaviour(double directShare, double settleShare, Duration duration)
        implements java.io.Serializable {
}
