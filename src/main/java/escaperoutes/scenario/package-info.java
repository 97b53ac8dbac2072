/**
 * Reading and validating scenario files: JSON → immutable records, every problem reported with its file and JSON
 * path; a file that {@code extends} another is merged onto it first, and each problem names the file its value
 * came from ({@link escaperoutes.scenario.ScenarioInheritance}). One index of a scenario's ids
 * ({@code ScenarioIds}: places, countries, segments) serves the defaults, the validator and the compiler to the
 * model's configuration, which alone converts units (dates to days, rates per year to per day) and carries the
 * regime that ends last forward to the end of a projection unless the scenario says otherwise. A base scenario
 * with other values for some of its numbers ({@link escaperoutes.scenario.ScenarioVariants}: a calibration's
 * candidate, a sweep's point) is built from its records and checked as the same change in its file would be. The
 * checks that the files naming a scenario's numbers (sweep and calibration specs) make alike are in
 * {@link escaperoutes.scenario.SpecChecks}. {@link escaperoutes.scenario.ScenarioSize} estimates from a compiled
 * configuration's rates the persons a replication will create, and refuses a run that would not fit in memory.
 */
package escaperoutes.scenario;
