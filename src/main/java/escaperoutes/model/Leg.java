package escaperoutes.model;

/**
 * A directed leg of the network. The three probabilities are independent risks of the whole leg, checked in the
 * order death, arrest, turned back; a person who meets none arrives at {@code to}. Each is scaled by the regime in
 * force when the person sets out.
 *
 * @param from        index of the starting place
 * @param to          index of the place reached
 * @param weight      relative weight in the route choice at {@code from} (≥ 0; 0 closes the leg)
 * @param travelDays  duration of the leg, days
 * @param death       probability of dying on the leg
 * @param arrest      probability of being arrested on the leg
 * @param turnBack    probability of being turned back on the leg
 * @param segment     enforcement segment of the leg
 */
public record Leg(int from, int to, double weight, Duration travelDays, double death, double arrest,
                  double turnBack, int segment) implements java.io.Serializable {
}
