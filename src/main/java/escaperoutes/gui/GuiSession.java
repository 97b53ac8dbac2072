package escaperoutes.gui;

import escaperoutes.model.ModelConfig;
import escaperoutes.scenario.Scenario;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import sim.display.Console;

/**
 * Opens the console on a scenario and, for scripts, plays a number of simulated days and writes a snapshot. The
 * caller has checked that there is a display.
 */
public final class GuiSession {
    private GuiSession() {
    }

    /**
     * Opens the window. Without {@code days}, returns when the console is closed. With {@code days}, plays until
     * that day and pauses there (▶ plays on); with a {@code snapshot} too, writes it and returns (the caller exits),
     * else returns when the console is closed.
     *
     * @return 0; 1 if the snapshot could not be written
     */
    public static int open(Scenario scenario, ModelConfig config, long seed, Integer days, Path snapshot,
                           PrintWriter out, PrintWriter err) throws InterruptedException {
        EscapeRoutesWithUI gui = new EscapeRoutesWithUI(scenario, config, seed);
        CountDownLatch closed = new CountDownLatch(1);
        Console console = onSwing(() -> {
            Console c = new Console(gui);
            c.addWindowListener(new WindowAdapter() {
                @Override
                public void windowClosed(WindowEvent e) {
                    closed.countDown();
                }
            });
            gui.arrange(c);
            c.setVisible(true);
            return c;
        });
        if (days != null) {
            CountDownLatch paused = new CountDownLatch(1);
            gui.pauseAtDay(days, () -> SwingUtilities.invokeLater(() -> {
                console.pressPause();
                gui.playOnFreely();
                paused.countDown();
            }));
            onSwing(() -> {
                console.pressPlay();
                return null;
            });
            // The step that reaches the day asks Swing's thread to press pause, as the button does.
            while (!paused.await(20, java.util.concurrent.TimeUnit.MILLISECONDS)
                    && console.getPlayState() != Console.PS_STOPPED) {
                // the run may also end before the day (a scenario shorter than asked is refused before)
            }
            double reached = gui.model().daysDone();
            MapView view = gui.view();
            out.printf("escape-routes gui: ran %s to %s (day %.0f): the map shows %d places and %d people%n",
                    scenario.name(), dateOf(config, reached), reached, view.nodes.length, view.dots());
            out.println("escape-routes gui: arrivals in the years completed: " + gui.arrivalsOfYearsCompleted());
            if (snapshot != null) {
                AtomicReference<IOException> failure = new AtomicReference<>();
                onSwing(() -> {
                    try {
                        Snapshot.write(gui, snapshot);
                    } catch (IOException e) {
                        failure.set(e);
                    }
                    return null;
                });
                if (failure.get() != null) {
                    err.println("error: could not write " + snapshot + ": " + failure.get().getMessage());
                    return 1;
                }
                out.println("escape-routes gui: snapshot written to " + snapshot);
                out.flush();
                return 0;
            }
        }
        out.flush();
        closed.await();
        return 0;
    }

    private static String dateOf(ModelConfig config, double day) {
        return config.calendar().start().plusDays((long) Math.floor(day)).toString();
    }

    private interface SwingWork<T> {
        T run() throws RuntimeException;
    }

    private static <T> T onSwing(SwingWork<T> work) throws InterruptedException {
        AtomicReference<T> result = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> result.set(work.run()));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
        return result.get();
    }
}
