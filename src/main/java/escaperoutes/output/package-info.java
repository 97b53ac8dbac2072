/**
 * One folder per run or comparison: tidy CSV tables, the manifest and the resolved scenarios, written to a
 * temporary folder and renamed into place so that a crash never leaves a half-written result. A sweep's folder
 * ({@link escaperoutes.output.SweepFolder}) grows instead, point by point, and is resumable: whole points are
 * appended and synced before a journal records them, and the manifest, written last, marks it complete;
 * {@link escaperoutes.output.SweepMerge} joins the folders of a sweep's chunks.
 */
package escaperoutes.output;
