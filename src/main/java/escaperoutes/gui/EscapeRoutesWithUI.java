package escaperoutes.gui;

import escaperoutes.calibration.ObservedSeries;
import escaperoutes.model.EscapeModel;
import escaperoutes.model.ModelCalendar;
import escaperoutes.model.ModelConfig;
import escaperoutes.model.ModelListener;
import escaperoutes.model.Person;
import escaperoutes.model.Status;
import escaperoutes.observe.Recorder;
import escaperoutes.observe.RunResult;
import escaperoutes.scenario.Scenario;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.GridLayout;
import java.io.File;
import java.io.IOException;
import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import org.jfree.chart.ChartPanel;
import sim.display.Controller;
import sim.display.Display2D;
import sim.display.GUIState;
import sim.engine.SimState;
import sim.portrayal.continuous.ContinuousPortrayal2D;
import sim.portrayal.network.NetworkPortrayal2D;
import sim.portrayal.network.SimpleEdgePortrayal2D;
import sim.portrayal.network.SpatialNetwork2D;

/**
 * The escape model in MASON's console: a map of the route network with every person on it, live charts, and the
 * enforcement of the current regime as the model's inspector ({@link EnforcementControls}). The model is the same
 * {@link EscapeModel} the other commands run (replication 0 of the console's seed); the map and charts watch it
 * through a listener and sample it after each step. Each start builds a fresh model, so stopping and playing again
 * starts the run over (on the console's seed).
 */
public final class EscapeRoutesWithUI extends GUIState {
    /** The map's size on screen when the window opens, pixels. */
    private static final int MAP_WIDTH = 752;
    private static final int MAP_HEIGHT = 682;
    /** Each chart's size on screen, pixels. */
    static final int CHART_WIDTH = 480;
    static final int CHART_HEIGHT = 240;

    private final ModelConfig config;
    private final MapPositions positions;
    private final EnforcementControls controls;
    private final LiveCharts charts;
    private Recorder recorder;
    private MapView view;
    /** Whether the console runs a model (from start to finish: playing or paused). */
    private volatile boolean running;
    /** Years whose arrivals the charts show. */
    private int yearsShown;
    /** For scripted runs: the step that reaches this day is the last (negative: no limit). */
    private volatile double stopAtDay = -1;
    /** What pauses the console when the run reaches {@link #stopAtDay} (null: the run ends there instead). */
    private volatile Runnable pauseAction;
    private volatile boolean pauseAsked;

    Display2D display;
    JFrame displayFrame;
    JFrame chartsFrame;
    private final ContinuousPortrayal2D placesPortrayal = new ContinuousPortrayal2D();
    private final NetworkPortrayal2D legsPortrayal = new NetworkPortrayal2D();
    private final ContinuousPortrayal2D peoplePortrayal = new ContinuousPortrayal2D();
    private final ContinuousPortrayal2D legendPortrayal = new ContinuousPortrayal2D();

    /** The window for {@code config}, compiled from {@code scenario} (for the places' map positions). */
    public EscapeRoutesWithUI(Scenario scenario, ModelConfig config, long seed) {
        super(new EscapeModel(config, seed, 0, ModelListener.NONE));
        this.config = config;
        this.positions = MapPositions.of(scenario, config);
        this.controls = new EnforcementControls(() -> (EscapeModel) state, () -> running);
        this.charts = new LiveCharts(config.calendar(), ObservedSeries.shipped());
        this.view = new MapView(config, positions, new PersonTracks(config, positions));
    }

    public static String getName() {
        return "escape-routes";
    }

    public static Object getInfo() {
        return "<h3>escape-routes</h3><p>North Koreans escaping through China to South Korea, one agent a person. "
                + "The map shows the provinces, crossings, places in China and the countries beyond, with each "
                + "person as a dot (women and men in the charts' colours; a square for a person held). The model's "
                + "inspector shows the date and regime and lets you change the current regime's multipliers.</p>";
    }

    /** The model the console runs now. */
    public EscapeModel model() {
        return (EscapeModel) state;
    }

    @Override
    public Object getSimulationInspectedObject() {
        return controls;
    }

    /**
     * The model's inspector, volatile: the date and regime change with every step, so the console refreshes it
     * after each (MASON 18 makes the model's inspector non-volatile whatever {@code isInspectorVolatile} says).
     */
    @Override
    public sim.portrayal.Inspector getInspector() {
        sim.portrayal.Inspector inspector = super.getInspector();
        inspector.setVolatile(true);
        return inspector;
    }

    /**
     * Lays the windows out side by side: the map, the console to its right, the charts to the right of the console
     * (as far right as the screen allows).
     */
    void arrange(JFrame console) {
        java.awt.Rectangle screen = java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment()
                .getMaximumWindowBounds();
        displayFrame.setLocation(screen.x, screen.y);
        console.setLocation(screen.x + displayFrame.getWidth(), screen.y);
        int chartsX = Math.min(console.getX() + console.getWidth(), screen.x + screen.width - chartsFrame.getWidth());
        chartsFrame.setLocation(Math.max(screen.x, chartsX), screen.y);
    }

    @Override
    public void start() {
        recorder = new Recorder(config);
        PersonTracks tracks = new PersonTracks(config, positions);
        view = new MapView(config, positions, tracks);
        EscapeModel model = new EscapeModel(config, state.seed(), 0, new Both(recorder, tracks));
        model.setDaysPerStep(controls.daysPerStepSetting());
        controls.applySetBeforeStart(model);
        state = model;
        super.start();
        running = true;
        yearsShown = 0;
        charts.clear();
        view.update(0.0);
        attachFields();
        scheduleRepeatingImmediatelyAfter(s -> afterStep());
    }

    /** The map and charts after a step: people placed at the day reached, each year finished added to the charts. */
    private void afterStep() {
        EscapeModel model = model();
        double day = model.daysDone();
        view.update(day);
        ModelCalendar calendar = config.calendar();
        RunResult result = null;
        while (yearsShown < calendar.years() && day >= calendar.yearStartDay(yearsShown + 1)) {
            if (result == null) {
                result = recorder.result(0, model.personEvents(), model.personsCreated());
            }
            charts.yearDone(calendar.firstYear() + yearsShown, result);
            yearsShown++;
        }
        int year = Math.min(calendar.yearIndex(day), calendar.years() - 1);
        double yearStart = calendar.yearStartDay(year);
        double yearFraction = calendar.firstYear() + year
                + (day - yearStart) / (calendar.yearStartDay(year + 1) - yearStart);
        // The map counts agents; the charts count persons (scale: agents per person).
        charts.dayDone(yearFraction, view.hidingInChina() / config.scale(), view.heldInChina() / config.scale());
        if (stopAtDay >= 0 && day < stopAtDay) {
            // Land the last step on the day asked for.
            model.setDaysPerStep((int) Math.max(1, Math.min(controls.daysPerStepSetting(),
                    Math.ceil(stopAtDay - day))));
        }
        if (displayFrame != null) {
            String title = "escape-routes: " + controls.getDate() + ", " + controls.getRegime();
            SwingUtilities.invokeLater(() -> displayFrame.setTitle(title));
        }
    }

    @Override
    public void finish() {
        super.finish();
        running = false;
    }

    @Override
    public boolean step() {
        if (stopAtDay >= 0 && model().daysDone() >= stopAtDay) {
            Runnable pause = pauseAction;
            if (pause == null) {
                return false;
            }
            if (!pauseAsked) {
                pauseAsked = true;
                pause.run();
            }
            // Until the pause takes hold, the console's play thread steps nothing.
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return true;
        }
        return super.step();
    }

    /** Makes the run end after the step that reaches {@code day} (runs without a console: tests). */
    void stopAtDay(double day) {
        stopAtDay = day;
    }

    /**
     * Has {@code pause} run (once) when the run reaches {@code day}; no step happens after that day until
     * {@link #playOnFreely()}.
     */
    void pauseAtDay(double day, Runnable pause) {
        pauseAction = pause;
        pauseAsked = false;
        stopAtDay = day;
    }

    /** Forgets the day to pause at: play goes on from there at the inspector's days per step. */
    void playOnFreely() {
        stopAtDay = -1;
        pauseAction = null;
        synchronized (state.schedule) {
            model().setDaysPerStep(controls.daysPerStepSetting());
        }
    }

    private void attachFields() {
        placesPortrayal.setField(view.places);
        placesPortrayal.setPortrayalForAll(new MapPortrayals.PlacePortrayal());
        legsPortrayal.setField(new SpatialNetwork2D(view.places, view.legs));
        legsPortrayal.setPortrayalForAll(new SimpleEdgePortrayal2D(new Color(0xB0BEC5), new Color(0xB0BEC5), null));
        peoplePortrayal.setField(view.people);
        peoplePortrayal.setPortrayalForAll(new MapPortrayals.DotPortrayal());
        legendPortrayal.setField(view.legend);
        legendPortrayal.setPortrayalForAll(new MapPortrayals.LegendPortrayal(view.mapBottom));
        if (display != null) {
            display.reset();
            display.repaint();
        }
    }

    @Override
    public void init(Controller controller) {
        super.init(controller);
        display = new Display2D(MAP_WIDTH, MAP_HEIGHT, this);
        display.setBackdrop(new Color(0xF3F6F9));
        // MASON's movies need the Java Media Framework, which is not here (the button would only throw); its camera
        // button works, for PNG (its PDF needs iText, not here either).
        display.movieButton.setVisible(false);
        display.attach(legsPortrayal, "Legs");
        display.attach(placesPortrayal, "Places");
        display.attach(peoplePortrayal, "People");
        display.attach(legendPortrayal, "Key");
        attachFields();
        displayFrame = display.createFrame();
        displayFrame.setTitle("escape-routes: map");
        controller.registerFrame(displayFrame);
        displayFrame.setVisible(true);

        JPanel column = new JPanel(new GridLayout(3, 1));
        for (org.jfree.chart.JFreeChart chart : java.util.List.of(charts.arrivals, charts.share, charts.inChina)) {
            ChartPanel panel = new ChartPanel(chart);
            panel.setPreferredSize(new Dimension(CHART_WIDTH, CHART_HEIGHT));
            column.add(panel);
        }
        JButton save = new JButton("Save map and charts as PNG…");
        save.addActionListener(e -> saveSnapshotAsked());
        chartsFrame = new JFrame("escape-routes: charts");
        chartsFrame.getContentPane().add(column, BorderLayout.CENTER);
        chartsFrame.getContentPane().add(save, BorderLayout.SOUTH);
        chartsFrame.pack();
        controller.registerFrame(chartsFrame);
        chartsFrame.setVisible(true);
    }

    private void saveSnapshotAsked() {
        JFileChooser chooser = new JFileChooser();
        chooser.setSelectedFile(new File("escape-routes-" + controls.getDate() + ".png"));
        if (chooser.showSaveDialog(chartsFrame) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        try {
            Snapshot.write(this, chooser.getSelectedFile().toPath());
        } catch (IOException e) {
            JOptionPane.showMessageDialog(chartsFrame, "Could not write the PNG: " + e.getMessage());
        }
    }

    @Override
    public void quit() {
        super.quit();
        for (JFrame frame : new JFrame[] {displayFrame, chartsFrame}) {
            if (frame != null) {
                frame.dispose();
            }
        }
        displayFrame = null;
        chartsFrame = null;
        display = null;
    }

    @Override
    public boolean validSimState(SimState state) {
        return state instanceof EscapeModel;
    }

    LiveCharts charts() {
        return charts;
    }

    MapView view() {
        return view;
    }

    String dateAndRegime() {
        return controls.getDate() + ", regime " + controls.getRegime();
    }

    /** "1998 132, 1999 171, …": the arrivals (persons) of each calendar year the run has completed. */
    String arrivalsOfYearsCompleted() {
        EscapeModel model = model();
        RunResult result;
        synchronized (state.schedule) {
            result = recorder.result(0, model.personEvents(), model.personsCreated());
        }
        ModelCalendar calendar = config.calendar();
        java.util.List<String> years = new java.util.ArrayList<>();
        for (int y = 0; y < calendar.years() && calendar.yearStartDay(y + 1) <= model.daysDone(); y++) {
            int year = calendar.firstYear() + y;
            years.add(String.format("%d %.0f", year,
                    result.value(escaperoutes.observe.Measure.ARRIVALS, year, escaperoutes.observe.SexGroup.ALL)));
        }
        return years.isEmpty() ? "none yet" : String.join(", ", years);
    }

    /** The recorder of the run the console has started (counts as {@code run} makes them). */
    Recorder recorder() {
        return recorder;
    }

    /** Tells both the recorder (the charts' counts) and the map's tracks. */
    private record Both(ModelListener first, ModelListener second) implements ModelListener {
        @Override
        public boolean wantsLegs() {
            return first.wantsLegs() || second.wantsLegs();
        }

        @Override
        public void leg(Person person, int leg, double fromDay, double toDay) {
            first.leg(person, leg, fromDay, toDay);
            second.leg(person, leg, fromDay, toDay);
        }

        @Override
        public void transition(Person person, Status from, Status to, double day) {
            first.transition(person, from, to, day);
            second.transition(person, from, to, day);
        }
    }
}
