package escaperoutes.model;

/** Sex of a person; {@link #index()} addresses per-sex arrays (0 female, 1 male). */
public enum Sex {
    FEMALE, MALE;

    public static final int COUNT = 2;

    public int index() {
        return ordinal();
    }

    /** Lower-case name as used in files and CSV columns. */
    public String label() {
        return this == FEMALE ? "female" : "male";
    }
}
