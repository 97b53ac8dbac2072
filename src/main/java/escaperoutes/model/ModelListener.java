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

    ModelListener NONE = (person, from, to, day) -> { };
}
