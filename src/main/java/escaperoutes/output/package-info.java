/**
 * What goes into a result folder: the tidy CSV tables of a run, a comparison and a calibration, and the manifests
 * (the folder itself, staged and renamed into place, is the job's: {@code escaperoutes.experiment.JobFolder}). A
 * sweep's folder ({@link escaperoutes.output.SweepFolder}) grows instead, point by point, and is resumable: whole
 * points are appended and synced before a journal records them, and the manifest, written last, marks it complete;
 * {@link escaperoutes.output.SweepMerge} joins the folders of a sweep's chunks.
 *
 * <p>The writers take plain values — run results, rows, layouts — never a job's own types (a sweep's plan, a
 * calibrator, a comparison): the jobs turn their results into these. The tables are laid out as
 * {@link escaperoutes.io.ResultTable} says and written by {@link escaperoutes.io.Csv}; each writer returns the
 * {@link escaperoutes.io.Table} it wrote, so the job can draw its charts from it without reading the file back.
 */
package escaperoutes.output;
