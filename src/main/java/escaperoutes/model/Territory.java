package escaperoutes.model;

/** The four kinds of territory that decide what a status, an arrest or a border crossing means. */
public enum Territory {
    NORTH_KOREA, CHINA, THIRD_COUNTRY, SOUTH_KOREA;

    /** Country ids used in scenario files for the three named territories; every other id is a third country. */
    public static Territory ofCountry(String country) {
        switch (country) {
            case "north_korea": return NORTH_KOREA;
            case "china": return CHINA;
            case "south_korea": return SOUTH_KOREA;
            default: return THIRD_COUNTRY;
        }
    }
}
