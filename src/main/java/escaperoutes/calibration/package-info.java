/**
 * Fitting the model to the Ministry of Unification arrivals: the calibration spec and its reader (which reads the
 * free parameters into a {@link escaperoutes.parameter.ParameterSpace}), observed series, loss functions, the
 * objective on common random numbers, the optimisers, and the estimate of the year-to-year variation a fitted
 * scenario's bands need to be as wide as its misses ({@link escaperoutes.calibration.AnnualVariationEstimate}).
 */
package escaperoutes.calibration;
