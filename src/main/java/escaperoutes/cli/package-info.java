/**
 * The command line (picocli): thin commands that parse options, call the core and map outcomes to exit codes —
 * 0 success, 2 bad input or usage, 1 internal failure. Commands write to the streams they are given, so tests
 * drive them in-process; only {@link escaperoutes.cli.Main#main} exits.
 */
package escaperoutes.cli;
