/**
 * Parameters as values of their own, shared by calibration and sweeps: a {@link escaperoutes.parameter.Parameter}
 * is a number of a scenario (its path, and any further paths set to the same value) with the
 * {@link escaperoutes.parameter.Scale} that maps a unit coordinate in [0, 1] to its value — linear, logarithmic or
 * levels, the one place where a parameter is mapped. A {@link escaperoutes.parameter.ParameterSpace} holds the
 * parameters over a base scenario and turns a point — a value per parameter — into the base with those values,
 * validated once and compiled without JSON. A prior distribution belongs beside the scale, as one more component of
 * {@code Parameter} (a constructor without it keeping today's callers). Above {@code scenario}; below
 * {@code calibration} and {@code sweep}, which read their spec files' parameters into these types.
 */
package escaperoutes.parameter;
