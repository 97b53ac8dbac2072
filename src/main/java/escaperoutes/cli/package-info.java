/**
 * The command line (picocli): thin commands that parse options, read their input, call a job of
 * {@link escaperoutes.experiment} and map the outcome to an exit code — 0 success, 2 bad input or usage (a file's
 * problems, a job's refusal: {@link escaperoutes.cli.JobCommand}), 1 internal failure. Options that several commands
 * share are declared once, as mixins ({@code ReplicationOptions}, {@code ThreadsOption}, {@code FolderOptions},
 * {@code QuietOption}, {@code ExecutorOptions}). Commands write to the streams they are given, so tests drive them
 * in-process; only {@link escaperoutes.cli.Main#main} exits.
 */
package escaperoutes.cli;
