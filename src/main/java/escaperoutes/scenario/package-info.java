/**
 * Reading and validating scenario files: JSON → immutable records, every problem reported with its JSON path;
 * conversion to the model's configuration.
 */
package escaperoutes.scenario;
