package escaperoutes.gui;

import escaperoutes.model.EscapeModel;
import escaperoutes.model.Leg;
import escaperoutes.model.ModelConfig;
import escaperoutes.model.MultiplierKind;
import escaperoutes.model.Sex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import sim.util.Interval;

/**
 * The model's inspector in the console: the current date and regime, and the enforcement of the current regime as
 * properties MASON shows and edits (getX / setX, domX for a pop-up or a slider, desX for the tooltip). Pick a segment
 * and a kind of multiplier; the women's and men's multipliers of that pair are then shown and can be changed, with
 * effect from the current day to the end of the regime ({@link EscapeModel#overrideMultiplier}). The route choices
 * are the {@code choice} multipliers of the legs' segments; {@code RouteSharesFrom} shows, for a place picked in
 * {@code Place}, how the legs out of it share the choices on the current day.
 */
public final class EnforcementControls {
    /** The largest multiplier the sliders offer; larger ones are for the scenario file. */
    static final double MAX_MULTIPLIER = 10.0;
    /** Simulated days per console step when the window opens: a week, for motion along legs of a few days. */
    static final int DEFAULT_DAYS_PER_STEP = 7;
    static final int MAX_DAYS_PER_STEP = 30;

    private final Supplier<EscapeModel> model;
    private final java.util.function.BooleanSupplier running;
    private int segment;
    private int kind = MultiplierKind.ATTEMPT.ordinal();
    private int place;
    private int daysPerStep = DEFAULT_DAYS_PER_STEP;

    /** Controls of a model that is running. */
    public EnforcementControls(Supplier<EscapeModel> model) {
        this(model, () -> true);
    }

    /**
     * Controls of whichever model {@code model} returns (the window builds a new one each time it starts);
     * {@code running} says whether the console is running one (playing or paused) rather than stopped.
     */
    EnforcementControls(Supplier<EscapeModel> model, java.util.function.BooleanSupplier running) {
        this.model = model;
        this.running = running;
    }

    private ModelConfig config() {
        return model.get().config();
    }

    private double today() {
        return model.get().daysDone();
    }

    public String getDate() {
        LocalDate start = config().calendar().start();
        return start.plusDays((long) Math.floor(today())).toString();
    }

    public String desDate() {
        return "the simulated day the window shows: every event before it has happened";
    }

    public String getRegime() {
        String regime = model.get().regimeAt(today());
        return regime == null ? "(none: every multiplier 1)" : regime;
    }

    public String desRegime() {
        return "the enforcement regime in force on the current day";
    }

    public int getSegment() {
        return segment;
    }

    public void setSegment(int segment) {
        if (segment >= 0 && segment < config().segments().size()) {
            this.segment = segment;
        } else {
            refuse("no segment " + segment);
        }
    }

    public Object domSegment() {
        return config().segments().toArray(new String[0]);
    }

    public String desSegment() {
        return "the enforcement segment whose multipliers are shown below";
    }

    public int getKind() {
        return kind;
    }

    public void setKind(int kind) {
        if (kind >= 0 && kind < MultiplierKind.COUNT) {
            this.kind = kind;
        } else {
            refuse("no multiplier kind " + kind);
        }
    }

    public Object domKind() {
        String[] keys = new String[MultiplierKind.COUNT];
        for (MultiplierKind k : MultiplierKind.values()) {
            keys[k.ordinal()] = k.key();
        }
        return keys;
    }

    public String desKind() {
        return "what the multiplier scales: attempt (from a province's segment), arrest, death, turnBack and choice "
                + "(on the segment's legs), departure and arrest (hiding), repatriation and release (China's "
                + "detention segment), retry, direct";
    }

    public double getWomenMultiplier() {
        return multiplier(Sex.FEMALE);
    }

    public void setWomenMultiplier(double value) {
        override(Sex.FEMALE, value);
    }

    public Object domWomenMultiplier() {
        return new Interval(0.0, MAX_MULTIPLIER);
    }

    public String desWomenMultiplier() {
        return "the women's multiplier of this segment and kind in the current regime; a change holds from the "
                + "current day to the end of the regime (attempt and departure also vary by year, on top)";
    }

    public double getMenMultiplier() {
        return multiplier(Sex.MALE);
    }

    public void setMenMultiplier(double value) {
        override(Sex.MALE, value);
    }

    public Object domMenMultiplier() {
        return new Interval(0.0, MAX_MULTIPLIER);
    }

    public String desMenMultiplier() {
        return "the men's multiplier of this segment and kind in the current regime (see WomenMultiplier)";
    }

    public int getPlace() {
        return place;
    }

    public void setPlace(int place) {
        if (place >= 0 && place < config().places().size()) {
            this.place = place;
        } else {
            refuse("no place " + place);
        }
    }

    public Object domPlace() {
        return config().places().stream().map(p -> p.id()).toArray(String[]::new);
    }

    public String desPlace() {
        return "the place whose route choices RouteSharesFrom shows";
    }

    /** Each leg out of {@link #getPlace()}: its share of the women's route choices on the current day, in percent. */
    public String getRouteSharesFrom() {
        ModelConfig config = config();
        EscapeModel m = model.get();
        List<String> parts = new ArrayList<>();
        double total = 0;
        List<Leg> out = config.legs().stream().filter(l -> l.from() == place).toList();
        double[] weights = new double[out.size()];
        for (int i = 0; i < out.size(); i++) {
            Leg leg = out.get(i);
            weights[i] = leg.weight() * m.regimeMultiplier(leg.segment(), MultiplierKind.CHOICE, Sex.FEMALE, today());
            total += weights[i];
        }
        for (int i = 0; i < out.size(); i++) {
            String to = config.places().get(out.get(i).to()).id();
            parts.add(total > 0 ? String.format("%s %.0f%%", to, 100 * weights[i] / total) : to + " closed");
        }
        return parts.isEmpty() ? "(no legs out)" : String.join(", ", parts);
    }

    public String desRouteSharesFrom() {
        return "how the legs out of the place share the women's route choices today (leg weight × choice multiplier "
                + "of the leg's segment)";
    }

    public int getDaysPerStep() {
        return daysPerStep;
    }

    public void setDaysPerStep(int days) {
        if (days >= 1 && days <= MAX_DAYS_PER_STEP) {
            daysPerStep = days;
            model.get().setDaysPerStep(days);
        } else {
            refuse("days per step must be 1 to " + MAX_DAYS_PER_STEP + ", not " + days);
        }
    }

    /** The days per step to give a model the window starts afresh. */
    int daysPerStepSetting() {
        return daysPerStep;
    }

    public Object domDaysPerStep() {
        return new Interval(1L, (long) MAX_DAYS_PER_STEP);
    }

    public String desDaysPerStep() {
        return "simulated days per step of the console: fewer for smoother motion, more for speed; results are "
                + "the same either way";
    }

    private double multiplier(Sex sex) {
        return model.get().regimeMultiplier(segment, MultiplierKind.values()[kind], sex, today());
    }

    /**
     * Sets the multiplier, holding the schedule's lock: the console's play thread steps the model under that lock,
     * so the change falls between two steps.
     */
    private void override(Sex sex, double value) {
        if (!(value >= 0 && value <= MAX_MULTIPLIER)) {
            refuse("a multiplier here is 0 to " + MAX_MULTIPLIER + ", not " + value + "; the value stays "
                    + multiplier(sex));
            return;
        }
        if (isSliderEcho(value, multiplier(sex))) {
            return;
        }
        EscapeModel m = model.get();
        MultiplierKind k = MultiplierKind.values()[kind];
        synchronized (m.schedule) {
            m.overrideMultiplier(segment, k, sex, value);
            if (!running.getAsBoolean()) {
                // The console is stopped: the next start builds a new model, which takes it on.
                beforeStart.add(new Override(segment, k, sex, value));
            }
        }
    }

    /** Positions of MASON's sliders between the ends of their interval (its {@code PropertyField.SLIDER_MAX}). */
    static final int SLIDER_STEPS = 1000;

    /**
     * Whether {@code value} is what the inspector's slider writes back when it merely shows {@code current}: MASON's
     * slider, refreshed after a step with a value that is not on one of its 1,000 positions (1.2999999999999998, a
     * regime's 1.3 after arithmetic), sets the property to the position below (1.29), although nobody moved it.
     * Taken for a change, it would alter the run (and redraw the attempt processes) without anyone asking; so a value
     * equal to the current one, or to the current one truncated to the slider's positions, is no change. A change
     * smaller than a position (0.01) is therefore not possible from the window.
     */
    static boolean isSliderEcho(double value, double current) {
        double position = MAX_MULTIPLIER / SLIDER_STEPS;
        double shown = (int) (current / position) * position;
        return value == current || Math.abs(value - shown) < position * 1e-6;
    }

    /** A multiplier set while no run was going. */
    private record Override(int segment, MultiplierKind kind, Sex sex, double value) {
    }

    private final List<Override> beforeStart = new ArrayList<>();

    /**
     * Gives {@code fresh}, a model about to start, the multipliers set since the last start while the console was
     * stopped (from its first day to the end of the first regime, as on the model they were set on), and forgets
     * them.
     */
    void applySetBeforeStart(EscapeModel fresh) {
        for (Override o : beforeStart) {
            fresh.overrideMultiplier(o.segment(), o.kind(), o.sex(), o.value());
        }
        beforeStart.clear();
    }

    /**
     * A value the inspector cannot take: said on the error stream (the inspector shows the value kept), never
     * clamped.
     */
    private static void refuse(String why) {
        System.err.println("escape-routes gui: " + why);
    }
}
