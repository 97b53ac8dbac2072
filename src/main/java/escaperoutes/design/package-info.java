/**
 * Experimental designs and sensitivity estimators for parameter sweeps, as pure functions on the unit cube: no
 * files, no model, no scenario. A design is a matrix of points with one coordinate in [0, 1] per parameter, which
 * the parameter's scale ({@code escaperoutes.parameter.Scale}) turns into its value. Designs:
 * {@link escaperoutes.design.FactorialGrid} (every combination of levels), {@link escaperoutes.design.LatinHypercube}
 * (seeded), {@link escaperoutes.design.SobolPoints} (Commons Math's Sobol sequence),
 * {@link escaperoutes.design.SaltelliSample} (the A, B and AB<sub>i</sub> matrices for Sobol indices) and
 * {@link escaperoutes.design.MorrisDesign} (trajectories of one-at-a-time steps). Estimators:
 * {@link escaperoutes.design.SobolIndices} (first-order by Saltelli 2010, total by Jansen 1999, with bootstrap
 * intervals) and {@link escaperoutes.design.MorrisEffects} (μ, μ*, σ of the elementary effects). Randomness comes in
 * as a {@link java.util.random.RandomGenerator} the caller derives from a seed and a stream name.
 */
package escaperoutes.design;
