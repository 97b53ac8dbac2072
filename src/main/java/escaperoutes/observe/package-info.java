/**
 * Counting what happens in a run: a {@link escaperoutes.observe.Recorder} listens to the model's transitions and
 * produces an immutable {@link escaperoutes.observe.RunResult} of annual flows, year-end stocks, arrivals by route
 * and by province of origin, and what became of each year's crossers into China
 * ({@link escaperoutes.observe.CohortOutcome}). Stocks and cohort outcomes are accumulated from the same
 * transitions as flows, so flows add up to stocks by construction; the tests check this against the people
 * themselves.
 */
package escaperoutes.observe;
