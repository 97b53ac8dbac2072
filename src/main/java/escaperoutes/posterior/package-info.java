/**
 * The Bayesian posterior over a calibration's free parameters: approximate Bayesian computation by sequential
 * Monte Carlo ({@link escaperoutes.posterior.AbcSmc}: population Monte Carlo with an adaptive tolerance, a global
 * or a local perturbation kernel, proposals on their own random streams so that a seed gives one posterior whatever
 * the threads) over the priors of the calibration spec ({@link escaperoutes.parameter.Prior}), each proposal scored
 * by a distance the caller gives (the {@code posterior} job uses {@code calibrate}'s loss); and what a sample says
 * ({@link escaperoutes.posterior.PosteriorSummary}: quantiles, how much the data narrowed each parameter, systematic
 * resampling of draws). No I/O: the job writes and reads the folder.
 */
package escaperoutes.posterior;
