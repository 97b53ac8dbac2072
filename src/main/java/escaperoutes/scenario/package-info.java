/**
 * Reading and validating scenario files: JSON → immutable records, every problem reported with its file and JSON
 * path; a file that {@code extends} another is merged onto it first, and each problem names the file its value
 * came from ({@link escaperoutes.scenario.ScenarioInheritance}); conversion to the model's configuration, where the
 * regime that ends last is carried forward to the end of a projection unless the scenario says otherwise. The
 * checks that the files naming a scenario's numbers (sweep and calibration specs) make alike are in
 * {@link escaperoutes.scenario.SpecChecks}. {@link escaperoutes.scenario.ScenarioSize} estimates from a compiled
 * configuration's rates the persons a replication will create, and refuses a run that would not fit in memory.
 */
package escaperoutes.scenario;
