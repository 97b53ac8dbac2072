/**
 * Observed series, parameter spaces, loss functions and optimisers for fitting the model to the Ministry of
 * Unification arrivals.
 */
package escaperoutes.calibration;
