package escaperoutes.observe;

/** The sex column of results: female, male, or both together. Index 0 and 1 match {@code Sex.index()}. */
public enum SexGroup {
    FEMALE("female"), MALE("male"), ALL("all");

    public static final int COUNT = 3;
    private final String label;

    SexGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
