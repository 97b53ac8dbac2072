/**
 * One folder per run or comparison: tidy CSV tables, the manifest and the resolved scenarios, written to a
 * temporary folder and renamed into place so that a crash never leaves a half-written result.
 */
package escaperoutes.output;
