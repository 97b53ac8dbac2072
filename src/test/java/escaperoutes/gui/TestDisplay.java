package escaperoutes.gui;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A display for the tests that open windows, and a way to run the program in a JVM of its own on it (the test JVM
 * runs headless). Starts a private Xvfb when the machine has one (CI installs it), else uses the {@code DISPLAY} the
 * tests were started with; with neither, the tests that need a display are skipped, saying what is missing.
 */
final class TestDisplay implements AutoCloseable {
    /** The screen of the private Xvfb: room for the map, the charts and the console. */
    private static final String SCREEN = "1600x1000x24";
    private final Process xvfb;
    final String display;

    private TestDisplay(Process xvfb, String display) {
        this.xvfb = xvfb;
        this.display = display;
    }

    /** A display, or a failed assumption naming what is missing. */
    static TestDisplay start() throws IOException, InterruptedException {
        String xvfbPath = onPath("Xvfb");
        if (xvfbPath != null) {
            // Display numbers from 90 on, skipping those whose lock file says they are taken.
            for (int n = 90; n < 140; n++) {
                if (Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                    continue;
                }
                Process process = new ProcessBuilder(xvfbPath, ":" + n, "-screen", "0", SCREEN, "-nolisten", "tcp")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                Path socket = Path.of("/tmp/.X11-unix/X" + n);
                for (int wait = 0; wait < 100 && process.isAlive() && !Files.exists(socket); wait++) {
                    Thread.sleep(50);
                }
                if (process.isAlive() && Files.exists(socket)) {
                    return new TestDisplay(process, ":" + n);
                }
                process.destroyForcibly();
            }
        }
        String existing = System.getenv("DISPLAY");
        assumeTrue(existing != null && !existing.isEmpty(), "no display for the window's tests: neither Xvfb "
                + "(apt-get install xvfb; .ci/run installs it) nor a DISPLAY is available");
        return new TestDisplay(null, existing);
    }

    private static String onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File file = new File(dir, program);
            if (file.canExecute()) {
                return file.getPath();
            }
        }
        return null;
    }

    /** What a program run printed, and how it ended. */
    record Outcome(int exitCode, String out, String err) {
    }

    /**
     * Runs {@code mainClass} with {@code args} in a JVM of its own on the test classes' class path, in the project
     * folder, with {@code display} as its DISPLAY (null: none at all), for at most {@code seconds}.
     */
    static Outcome java(String display, int seconds, Path dir, String mainClass, String... args)
            throws IOException, InterruptedException {
        return java(display, seconds, dir, new File("."), mainClass, args);
    }

    /** As {@link #java(String, int, Path, String, String...)}, in the folder {@code workingDir}. */
    static Outcome java(String display, int seconds, Path dir, File workingDir, String mainClass, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir);
        Map<String, String> env = builder.environment();
        env.remove("DISPLAY");
        if (display != null) {
            env.put("DISPLAY", display);
        }
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(mainClass + " " + String.join(" ", args) + " did not end within " + seconds
                    + " s; its output: " + Files.readString(out) + Files.readString(err));
        }
        return new Outcome(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Override
    public void close() throws InterruptedException {
        if (xvfb != null) {
            xvfb.destroy();
            if (!xvfb.waitFor(5, TimeUnit.SECONDS)) {
                xvfb.destroyForcibly();
            }
        }
    }
}
