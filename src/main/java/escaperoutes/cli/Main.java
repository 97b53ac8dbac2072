package escaperoutes.cli;

import escaperoutes.output.Manifest;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code escape-routes <command> ...}. */
@Command(name = "escape-routes", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Agent-based simulation of North Korean escape routes through China to South Korea.",
        subcommands = {RunCommand.class, CompareCommand.class, CalibrateCommand.class, ScoreCommand.class, PosteriorCommand.class,
                ChartCommand.class, GuiCommand.class, MasonCommand.class,
                SweepCommand.class, SweepMergeCommand.class, ValidateCommand.class, BenchCommand.class, SweepBenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    /** Exit codes shared by all commands. */
    public static final int OK = 0;
    public static final int INTERNAL_FAILURE = 1;
    public static final int BAD_INPUT = 2;
    /** Stopped by a signal (128 + SIGINT's 2, the shells' convention). */
    public static final int INTERRUPTED = 130;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return BAD_INPUT;
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line with the given streams and returns its exit code (never exits the JVM). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> INTERNAL_FAILURE);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("error: " + e.getMessage());
            e.getCommandLine().usage(err);
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof InterruptedException) {
                // Stopped from outside (Ctrl-C, SIGTERM) while the JVM shuts down; the command's shutdown hook has
                // said what was saved.
                return INTERRUPTED;
            }
            err.println("internal error: " + e);
            if (System.getenv("ESCAPE_ROUTES_DEBUG") != null) {
                e.printStackTrace(err);
            } else {
                err.println("(set ESCAPE_ROUTES_DEBUG=1 for the stack trace)");
            }
            return INTERNAL_FAILURE;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The version every manifest records (the jar's), so that {@code --version} and a folder's manifest agree. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"escape-routes " + Manifest.currentProgramVersion()};
        }
    }
}
