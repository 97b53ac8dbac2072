/**
 * Fitting the model to the Ministry of Unification arrivals: the calibration spec and its reader (which reads the
 * free parameters into a {@link escaperoutes.parameter.ParameterSpace}), observed series, loss functions, the
 * objective on common random numbers and the optimisers.
 */
package escaperoutes.calibration;
