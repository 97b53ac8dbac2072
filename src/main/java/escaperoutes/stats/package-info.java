/**
 * Summary statistics as pure functions of arrays, at the bottom with {@code io}: the one quantile function
 * ({@link escaperoutes.stats.Quantiles}, R's type 7) that the run and comparison tables, the calibration's fit, the
 * charts and the sweep's bootstrap intervals all use. It imports nothing but the JDK, so every layer may use it.
 */
package escaperoutes.stats;
