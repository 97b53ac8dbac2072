/**
 * Running the model: one configuration and seed to one {@link escaperoutes.observe.RunResult}, and replications
 * in parallel on separate model instances. Results come back in replication order, so everything written from
 * them is the same whatever the number of threads. {@link escaperoutes.simulation.Comparison} runs several
 * scenarios on common random numbers and pairs their replications, for what-if differences.
 */
package escaperoutes.simulation;
