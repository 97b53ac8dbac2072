package escaperoutes.gui;

import escaperoutes.io.Problem;
import escaperoutes.model.EscapeModel;
import escaperoutes.model.ModelCalendar;
import escaperoutes.model.ModelConfig;
import escaperoutes.model.ModelListener;
import escaperoutes.observe.Measure;
import escaperoutes.observe.Recorder;
import escaperoutes.observe.RunResult;
import escaperoutes.observe.SexGroup;
import escaperoutes.scenario.InvalidScenarioException;
import escaperoutes.scenario.ScenarioCompiler;
import escaperoutes.scenario.ScenarioReader;
import escaperoutes.scenario.ScenarioSize;
import java.io.PrintWriter;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import sim.engine.MakesSimState;
import sim.engine.SimState;

/**
 * The model as a plain MASON model, run by MASON's own command-line loop ({@link SimState#doLoop}): {@code -seed},
 * {@code -until}, {@code -for}, {@code -repeat}, {@code -parallel}, {@code -time}, {@code -quiet} and {@code -help}
 * work as in any MASON model. {@code -scenario FILE} (ours, default {@code scenarios/baseline.json}) picks the
 * scenario. Each job is replication 0 of its seed — the same run as {@code run --seed S}'s first replication — and
 * prints on standard output, when it ends, the arrivals in South Korea of each calendar year it completed (MASON
 * prints its own lines on standard error). Checkpoints work as in any MASON model: {@code -docheckpoint N} saves the
 * job every N days, model and counts together, and {@code -checkpoint FILE} continues it exactly as the uninterrupted
 * run (the scenario comes from the checkpoint, not from {@code -scenario}).
 */
public final class MasonMain {
    /** Our own option, taken out before MASON reads the rest. */
    static final String SCENARIO_OPTION = "-scenario";
    static final String DEFAULT_SCENARIO = "scenarios/baseline.json";

    private MasonMain() {
    }

    public static void main(String[] args) {
        PrintWriter err = new PrintWriter(System.err, true);
        int code = run(args, err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Reads the scenario and hands the other arguments to MASON's loop (which prints to standard output and may end
     * the JVM itself when done); returns 2 for bad input, 0 when the loop returns.
     */
    public static int run(String[] args, PrintWriter err) {
        List<String> rest = new ArrayList<>();
        String scenario = null;
        String checkpoint = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(SCENARIO_OPTION)) {
                if (i + 1 >= args.length) {
                    err.println("error: " + SCENARIO_OPTION + " needs a scenario file");
                    return 2;
                }
                scenario = args[++i];
            } else {
                if (args[i].equals("-checkpoint") && i + 1 < args.length) {
                    checkpoint = args[i + 1];
                }
                rest.add(args[i]);
            }
        }
        if (checkpoint != null && scenario == null) {
            // Continuing a job: its scenario is the checkpoint's (further jobs of -repeat run it too).
            SimState saved = Files.isRegularFile(Path.of(checkpoint))
                    ? SimState.readFromCheckpoint(new java.io.File(checkpoint)) : null;
            if (!(saved instanceof EscapeModel model)) {
                err.println("error: -checkpoint " + checkpoint + ": not a checkpoint of this model (MASON's "
                        + "-docheckpoint writes them)");
                return 2;
            }
            SimState.doLoop(new Jobs(model.config(), true), rest.toArray(new String[0]));
            return 0;
        }
        scenario = scenario == null ? DEFAULT_SCENARIO : scenario;
        if (rest.contains("-help")) {
            System.out.println("escape-routes: " + SCENARIO_OPTION + " FILE picks the scenario (default "
                    + DEFAULT_SCENARIO + "); each job prints the arrivals of the years it completed. MASON's "
                    + "options:");
        }
        ModelConfig config;
        try {
            ScenarioReader.Read read = new ScenarioReader().readWithParents(Path.of(scenario));
            config = ScenarioCompiler.compile(read.scenario());
            ScenarioSize.check(scenario, "$", config, 1);
        } catch (InvalidScenarioException e) {
            err.println("error: " + e.getMessage() + ":");
            for (Problem problem : e.problems()) {
                err.println("  " + problem);
            }
            return 2;
        }
        SimState.doLoop(new Jobs(config, rest.contains("-checkpoint")), rest.toArray(new String[0]));
        return 0;
    }

    /** Makes each job's model: replication 0 of the job's seed, reporting its arrivals when it finishes. */
    private record Jobs(ModelConfig config, boolean fromCheckpoint) implements MakesSimState {
        @Override
        public SimState newInstance(long seed, String[] args) {
            EscapeModel model = new EscapeModel(config, seed, 0, new ArrivalsReport(config, seed, true));
            // A day a step, so that MASON's clock is the day and -until N stops after day N - 1, not at the end of
            // a stretch of up to 30 days; the results do not depend on it.
            model.setDaysPerStep(1);
            return model;
        }

        /**
         * The class MASON names in its help ("Format: java ..."): the one to run, this one; but when a job is read
         * from a checkpoint MASON requires the checkpoint's own class here, the model's.
         */
        @Override
        public Class<?> simulationClass() {
            return fromCheckpoint ? EscapeModel.class : MasonMain.class;
        }
    }

    /**
     * A job's listener: counts what happens and, when the job ends, prints the arrivals of the years it completed.
     * Saved with the model in a checkpoint, so a job read back from one reports its whole run.
     */
    static final class ArrivalsReport implements ModelListener, Serializable {
        private static final long serialVersionUID = 1L;
        private final ModelConfig config;
        private final long seed;
        private final Recorder recorder;
        private final boolean print;

        /** @param print whether to print the arrivals when the job ends (MASON's jobs do; tests need not) */
        ArrivalsReport(ModelConfig config, long seed, boolean print) {
            this.config = config;
            this.seed = seed;
            this.recorder = new Recorder(config);
            this.print = print;
        }

        @Override
        public void transition(escaperoutes.model.Person person, escaperoutes.model.Status from,
                               escaperoutes.model.Status to, double day) {
            recorder.transition(person, from, to, day);
        }

        @Override
        public void finished(double daysDone) {
            if (!print) {
                return;
            }
            // On standard output, whole (jobs may finish at once with -parallel); MASON's own lines go to
            // standard error.
            String text = arrivals(config, seed, daysDone, result());
            synchronized (System.out) {
                System.out.println(text);
                System.out.flush();
            }
        }

        RunResult result() {
            return recorder.result(0, 0, 0);
        }
    }

    /** The arrivals of the calendar years completed in {@code daysDone} days, one line a year. */
    static String arrivals(ModelConfig config, long seed, double daysDone, RunResult result) {
        ModelCalendar calendar = config.calendar();
        StringBuilder text = new StringBuilder(String.format("seed %d: %.0f days simulated, to %s; arrivals in "
                + "South Korea (persons)%n%-6s %8s %8s %8s%n", seed, daysDone,
                calendar.start().plusDays((long) Math.floor(daysDone)), "year", "all", "women", "men"));
        if (calendar.years() == 0 || calendar.yearStartDay(1) > daysDone) {
            text.append("(no calendar year completed)");
        }
        for (int y = 0; y < calendar.years() && calendar.yearStartDay(y + 1) <= daysDone; y++) {
            int year = calendar.firstYear() + y;
            text.append(String.format("%-6d %8.0f %8.0f %8.0f%n", year,
                    result.value(Measure.ARRIVALS, year, SexGroup.ALL),
                    result.value(Measure.ARRIVALS, year, SexGroup.FEMALE),
                    result.value(Measure.ARRIVALS, year, SexGroup.MALE)));
        }
        return text.toString().stripTrailing();
    }
}
