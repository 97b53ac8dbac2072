package escaperoutes.model;

import java.util.random.RandomGenerator;

/**
 * One person (one agent). A person acts only when its own next transition is due (it is in the model's event queue
 * at most once); the fields below are the person's state, read by listeners and changed only by
 * {@link EscapeModel}. The fields are kept small (shorts and bytes for indices, codes for enums): at ten times
 * the baseline's scale a quarter of a million agents wait in the queue, and fewer bytes each means fewer cache
 * misses when their turn comes.
 */
public final class Person extends EventQueue.Entry implements RandomGenerator {

    /** What a person's pending schedule entry is for. */
    enum Action {
        NONE, DEPART_HIDING, ARRESTED_IN_HIDING, CHINA_DETENTION_ENDS, NK_DETENTION_ENDS, RETRY, CHOOSE_AGAIN
    }

    final int id;
    private static final Sex[] SEXES = Sex.values();
    /** {@link Sex} as its ordinal: a byte instead of a reference keeps a person within 64 bytes. */
    private final byte sexCode;
    /** Index into {@link ModelConfig#provinces()}. */
    final short province;

    // Status and pending action are kept as small codes rather than enum references: a reference store into an
    // agent that has survived a garbage collection also writes the collector's card table, a cache miss per
    // transition once there are a million agents.
    private static final Status[] STATUSES = Status.values();
    private static final Action[] ACTIONS = Action.values();
    private byte statusCode = (byte) Status.NOT_STARTED.ordinal();
    private byte actionCode = (byte) Action.NONE.ordinal();
    /** Current (or last) place. */
    short place;
    /** The hiding place this person uses in China (-1 before the first). */
    short hidingPlace = -1;
    boolean settled;
    /** A chain-defection crosser ({@link ChainDefection}): a broker paid from South Korea arranges the journey. */
    boolean planned;
    /** Crossed into China on this trip and not yet reached a hiding place. */
    boolean mustHide;
    /** Day of the latest entry into China (NaN if never). */
    double chinaEntryDay = Double.NaN;
    /** Country index of the first country outside North Korea and China on this trip (-1 none yet). */
    byte exitCountry = -1;
    /** Country index of the place from which the person reached South Korea (-1 until arrival). */
    byte lastCountry = -1;

    /**
     * Day the person began hiding or detention in China. A journey is walked ahead of the schedule, so a person
     * can already be marked hiding while, on the schedule's day, still on the way; one-off events check this.
     */
    double statusSince;
    /** Whether the person is in the model's list of those one-off events may act on. */
    boolean listed;

    void setPendingAction(Action action) {
        actionCode = (byte) action.ordinal();
    }

    void setStatus(Status status) {
        statusCode = (byte) status.ordinal();
    }

    /**
     * This person's own random numbers (person-level common random numbers): the n-th draw is SplitMix64's output
     * for the state {@code randomKey + n·γ}, the generator of the JDK's {@code SplittableRandom}. The key names the
     * person by where and in what order they were created (see {@link RandomStreams#personKey}), not by what
     * happened to others, so a change in a what-if that alters one person's path leaves everybody else's draws as
     * they were.
     */
    private final long randomKey;
    /** Draws taken so far from this person's numbers. */
    private int randomDraws;

    Person(int id, Sex sex, int province, int place, long randomKey) {
        this.randomKey = randomKey;
        this.id = id;
        this.sexCode = (byte) sex.ordinal();
        this.province = (short) province;
        this.place = (short) place;
    }

    /** The next of this person's own random numbers (every other draw of {@link RandomGenerator} is built on it). */
    @Override
    public long nextLong() {
        return RandomStreams.mix(randomKey + (++randomDraws) * RandomStreams.GOLDEN_GAMMA);
    }

    /** The pending action, which is cleared: the person's queue entry has come due. */
    Action takePendingAction() {
        Action action = ACTIONS[actionCode];
        actionCode = (byte) Action.NONE.ordinal();
        return action;
    }

    public int id() {
        return id;
    }

    public Sex sex() {
        return SEXES[sexCode];
    }

    public int province() {
        return province;
    }

    /** Index of the person's current (or last) place in {@link ModelConfig#places()}. */
    public int place() {
        return place;
    }

    public Status status() {
        return STATUSES[statusCode];
    }

    public double chinaEntryDay() {
        return chinaEntryDay;
    }

    public int exitCountry() {
        return exitCountry;
    }

    public int lastCountry() {
        return lastCountry;
    }

}
