package escaperoutes.gui;

import escaperoutes.model.ModelConfig;
import escaperoutes.model.Place;
import escaperoutes.scenario.Scenario;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the map draws each place of the network: the scenario's {@code location} of the place (longitude,
 * latitude), else the approximate position of the shipped network's place with that id, else a slot in a row
 * beneath the map. Positions are in map units (pixels at the display's scale 1), x growing east and y south.
 *
 * <p>The map is equirectangular in pieces: Korea and the Chinese side of the border (longitude 122-133° E, latitude
 * 37-44° N), where more than half the places lie within a few hundred kilometres, are drawn at {@link #ZOOM} times
 * the scale of the rest, which keeps every place in its order east-west and north-south.
 */
final class MapPositions {
    /** Map units per degree outside the magnified region. */
    static final double UNITS_PER_DEGREE = 12;
    /** How much larger the region of Korea and the border is drawn. */
    static final double ZOOM = 10.0 / 3.0;
    /** The map's edges, degrees: Thailand to Mongolia, Myanmar to Vladivostok. */
    private static final double WEST = 97.0;
    private static final double EAST = 134.0;
    private static final double NORTH = 49.5;
    private static final double SOUTH = 11.5;
    /** The magnified region's edges, degrees. */
    static final double ZOOM_WEST = 122.0;
    static final double ZOOM_EAST = 133.0;
    static final double ZOOM_NORTH = 44.0;
    static final double ZOOM_SOUTH = 37.0;
    /** Height of the row of places without a position beneath the map, map units. */
    private static final double UNPLACED_ROW = 30;

    /**
     * The shipped network's places, {longitude, latitude}, degrees: the province's main city or centre, the town at
     * the crossing, the city or border area named by the place. Places that sit across the river from each other
     * (Hyesan and Changbai, Sinuiju and Dandong) are pulled a little apart so that both stay visible.
     */
    private static final Map<String, double[]> SHIPPED = Map.ofEntries(
            Map.entry("north_hamgyong", new double[] {129.6, 41.6}),
            Map.entry("ryanggang", new double[] {128.4, 41.0}),
            Map.entry("south_hamgyong", new double[] {127.5, 40.1}),
            Map.entry("south_pyongan", new double[] {126.1, 39.5}),
            Map.entry("north_pyongan", new double[] {125.0, 40.0}),
            Map.entry("pyongyang", new double[] {125.75, 39.03}),
            Map.entry("kangwon", new double[] {127.4, 38.8}),
            Map.entry("south_hwanghae", new double[] {125.3, 38.2}),
            Map.entry("north_hwanghae", new double[] {126.3, 38.5}),
            Map.entry("chagang", new double[] {126.6, 40.9}),
            // Workers, sailors and diplomats abroad: drawn at Vladivostok, where many of the workers are.
            Map.entry("abroad", new double[] {131.9, 43.1}),
            Map.entry("hoeryong", new double[] {129.75, 42.44}),
            Map.entry("musan", new double[] {129.2, 42.2}),
            Map.entry("hyesan", new double[] {128.2, 41.3}),
            Map.entry("sinuiju", new double[] {124.5, 39.9}),
            Map.entry("yanbian", new double[] {129.5, 42.9}),
            Map.entry("changbai", new double[] {127.9, 41.8}),
            Map.entry("dandong", new double[] {124.2, 40.3}),
            Map.entry("shenyang", new double[] {123.43, 41.8}),
            Map.entry("beijing", new double[] {116.4, 39.9}),
            Map.entry("kunming", new double[] {102.7, 25.04}),
            Map.entry("nanning", new double[] {108.37, 22.82}),
            Map.entry("erenhot", new double[] {111.98, 43.65}),
            Map.entry("laos", new double[] {102.2, 19.5}),
            Map.entry("myanmar", new double[] {100.1, 20.6}),
            Map.entry("vietnam", new double[] {105.85, 21.03}),
            Map.entry("mongolia", new double[] {106.9, 47.9}),
            Map.entry("thailand", new double[] {100.5, 13.75}),
            Map.entry("south_korea", new double[] {126.98, 37.57}));

    private final double[] x;
    private final double[] y;
    private final boolean[] unplaced;

    private MapPositions(double[] x, double[] y, boolean[] unplaced) {
        this.x = x;
        this.y = y;
        this.unplaced = unplaced;
    }

    /** The positions of {@code config}'s places, from the scenario it was compiled from. */
    static MapPositions of(Scenario scenario, ModelConfig config) {
        Map<String, Scenario.Location> given = new HashMap<>();
        for (Scenario.ProvinceSpec province : scenario.provinces()) {
            if (province.location() != null) {
                given.put(province.id(), province.location());
            }
        }
        for (Scenario.PlaceSpec place : scenario.places()) {
            if (place.location() != null) {
                given.put(place.id(), place.location());
            }
        }
        int n = config.places().size();
        double[] x = new double[n];
        double[] y = new double[n];
        boolean[] unplaced = new boolean[n];
        int slot = 0;
        int unplacedCount = (int) config.places().stream()
                .filter(p -> !given.containsKey(p.id()) && !SHIPPED.containsKey(p.id())).count();
        double width = eastOf(EAST);
        for (Place place : config.places()) {
            Scenario.Location location = given.get(place.id());
            double[] lonLat = location != null ? new double[] {location.longitude(), location.latitude()}
                    : SHIPPED.get(place.id());
            int i = place.index();
            if (lonLat != null) {
                x[i] = eastOf(lonLat[0]);
                y[i] = southOf(lonLat[1]);
            } else {
                unplaced[i] = true;
                x[i] = width * (slot++ + 0.5) / unplacedCount;
                y[i] = southOf(SOUTH) + UNPLACED_ROW / 2;
            }
        }
        return new MapPositions(x, y, unplaced);
    }

    double x(int place) {
        return x[place];
    }

    double y(int place) {
        return y[place];
    }

    /** Whether the place had no position (neither in the scenario nor among the shipped network's). */
    boolean unplaced(int place) {
        return unplaced[place];
    }

    /** Map units east of the map's west edge of a longitude, degrees east. */
    static double eastOf(double longitude) {
        return stretched(longitude, WEST, ZOOM_WEST, ZOOM_EAST);
    }

    /** Map units south of the map's north edge of a latitude, degrees north. */
    static double southOf(double latitude) {
        return stretched(-latitude, -NORTH, -ZOOM_NORTH, -ZOOM_SOUTH);
    }

    /** Distance from {@code origin} to {@code v} with [zoomFrom, zoomTo] stretched by {@link #ZOOM}, map units. */
    private static double stretched(double v, double origin, double zoomFrom, double zoomTo) {
        double inside = Math.max(0, Math.min(v, zoomTo) - zoomFrom);
        double outside = v - origin - inside;
        return (outside + ZOOM * inside) * UNITS_PER_DEGREE;
    }

    /** The map's width, map units (places given positions outside the usual frame may lie beyond it). */
    double width() {
        double w = eastOf(EAST);
        for (double v : x) {
            w = Math.max(w, v + UNITS_PER_DEGREE);
        }
        return w;
    }

    /** The bottom of the map above the row of unplaced places, map units. */
    double bottom() {
        return southOf(SOUTH);
    }

    /** The map's height, with the row of unplaced places, map units. */
    double height() {
        double h = southOf(SOUTH) + UNPLACED_ROW;
        for (double v : y) {
            h = Math.max(h, v + UNITS_PER_DEGREE);
        }
        return h;
    }
}
