/**
 * The jobs: {@link escaperoutes.experiment.RunJob run}, {@link escaperoutes.experiment.CompareJob compare},
 * {@link escaperoutes.experiment.CalibrateJob calibrate}, {@link escaperoutes.experiment.ScoreJob score} (a
 * calibration's closing runs alone, nothing searched), {@link escaperoutes.experiment.PosteriorJob posterior},
 * {@link escaperoutes.experiment.SweepJob sweep} (and its {@code --only-point}) and
 * {@link escaperoutes.experiment.SweepMergeJob sweep-merge}. A posterior's folder is read back by
 * {@link escaperoutes.experiment.PosteriorFolder} to carry its draws into {@code compare --posterior} and sweeps; a
 * posterior's proposals run on a cluster through a {@link escaperoutes.experiment.DistributedPosteriorExecutor}, whose
 * workers rebuild the calibration from {@link escaperoutes.experiment.CalibrationTexts} in a
 * {@link escaperoutes.experiment.PosteriorWorker}. Each takes input already
 * read and checked (a scenario, a calibration or sweep spec) and writes one result folder. Where that folder goes by
 * default is decided in {@link escaperoutes.experiment.ResultsLayout} alone; how it is made — an existing folder
 * refused, files staged under a temporary name or written in place, one shutdown behaviour, the manifest, then the
 * charts and the report — in {@link escaperoutes.experiment.JobFolder} (a sweep's resumable folder, with its
 * journal, is {@link escaperoutes.output.SweepFolder}). A job refuses input it cannot use with a
 * {@link escaperoutes.experiment.JobRefused} before writing anything; the command line maps that to exit code 2.
 */
package escaperoutes.experiment;
