/**
 * Reading and writing, below every other package: the checked JSON binder ({@link escaperoutes.io.JsonBinder}, which
 * turns a JSON tree into records, fills {@link escaperoutes.io.Default} values, checks {@link escaperoutes.io.Range}s
 * and reports every {@link escaperoutes.io.Problem} with its JSON path), the one configured Jackson mapper of every
 * file the program writes ({@link escaperoutes.io.Json}), and files written through a temporary name and a rename
 * ({@link escaperoutes.io.AtomicFiles}). It knows nothing of scenarios, the model or the command line.
 */
package escaperoutes.io;
