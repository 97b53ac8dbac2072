/**
 * Experimental designs and sensitivity estimators for parameter sweeps, as pure functions on the unit cube: no
 * files, no model. A design is a matrix of points with one coordinate in [0, 1] per parameter; a
 * {@link escaperoutes.sweep.ParameterScale} turns a coordinate into the parameter's value (linearly, on a log scale,
 * or onto a list of levels). Designs: {@link escaperoutes.sweep.FactorialGrid} (every combination of levels),
 * {@link escaperoutes.sweep.LatinHypercube} (seeded), {@link escaperoutes.sweep.SobolPoints} (Commons Math's Sobol
 * sequence), {@link escaperoutes.sweep.SaltelliSample} (the A, B and AB<sub>i</sub> matrices for Sobol indices) and
 * {@link escaperoutes.sweep.MorrisDesign} (trajectories of one-at-a-time steps). Estimators:
 * {@link escaperoutes.sweep.SobolIndices} (first-order by Saltelli 2010, total by Jansen 1999, with bootstrap
 * intervals) and {@link escaperoutes.sweep.MorrisEffects} (μ, μ*, σ of the elementary effects). Randomness comes in
 * as a {@link java.util.random.RandomGenerator} the caller derives from a seed and a stream name.
 */
package escaperoutes.sweep;
