/**
 * The Bayesian posterior over a calibration's free parameters: approximate Bayesian computation by sequential
 * Monte Carlo ({@link escaperoutes.posterior.AbcSmc}) over the priors of the calibration spec, each proposal
 * scored by the same distance as {@code calibrate}'s loss.
 */
package escaperoutes.posterior;
