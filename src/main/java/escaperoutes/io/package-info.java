/**
 * Reading and writing, below every other package: the checked JSON binder ({@link escaperoutes.io.JsonBinder}, which
 * turns a JSON tree into records, fills {@link escaperoutes.io.Default} values, checks {@link escaperoutes.io.Range}s
 * and reports every {@link escaperoutes.io.Problem} with its JSON path), the one configured Jackson mapper of every
 * file the program writes ({@link escaperoutes.io.Json}), files written through a temporary name and a rename
 * ({@link escaperoutes.io.AtomicFiles}), and the program's CSV ({@link escaperoutes.io.Csv}, on Jackson's CSV
 * format): a {@link escaperoutes.io.Table} read from a file, or built by a writer and handed to the charts as it
 * would read back, with errors that name the file and line.
 *
 * <p>The result folders' files are named here once: every CSV table with its columns in
 * {@link escaperoutes.io.ResultTable} (the column names in {@link escaperoutes.io.Column}), the other files in
 * {@link escaperoutes.io.ResultFiles}. The writers ({@code output}) and the readers ({@code chart}) both use them.
 * The providers a build's {@code META-INF/services} files name (the Spark executors) are read here too
 * ({@link escaperoutes.io.ServiceProviders}). This package knows nothing of scenarios, the model or the command line.
 */
package escaperoutes.io;
