package escaperoutes.model;

/**
 * Receives every change of a person's status. Observers count from these and never change the model. A transition
 * may be reported before the schedule reaches its day (the legs of a journey are walked in one event); {@code day}
 * is always the day it happens, and transitions after the end of the run are not reported.
 */
public interface ModelListener {

    /**
     * @param person the person (read its fields; do not keep or change it)
     * @param from   status left
     * @param to     status entered
     * @param day    day of the change
     */
    void transition(Person person, Status from, Status to, double day);

    /**
     * Whether this listener wants {@link #leg} calls (asked once, when the model is built): drawing people along
     * their legs needs them, counting does not.
     */
    default boolean wantsLegs() {
        return false;
    }

    /**
     * A person sets out on a leg on {@code fromDay}, due at its end on {@code toDay} unless a transition reported
     * for a day in between ends the leg early (death, arrest, turned back).
     *
     * @param leg index into {@link ModelConfig#legs()}
     */
    default void leg(Person person, int leg, double fromDay, double toDay) {
    }

    /**
     * The run has finished ({@link EscapeModel#finish()}): after its last day, or earlier when whoever steps it stops
     * (MASON's {@code -until}); every event before {@code daysDone} has been reported.
     */
    default void finished(double daysDone) {
    }

    ModelListener NONE = (person, from, to, day) -> { };
}
