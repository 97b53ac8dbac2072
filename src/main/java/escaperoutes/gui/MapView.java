package escaperoutes.gui;

import escaperoutes.model.Leg;
import escaperoutes.model.ModelConfig;
import escaperoutes.model.Place;
import sim.field.continuous.Continuous2D;
import sim.field.network.Network;
import sim.util.Double2D;

/**
 * The map as MASON fields, sampled from the model after each step (never touched by the model itself): the places
 * in a {@link Continuous2D} with the legs between them in a {@link Network}, and the people as dots in a second
 * {@link Continuous2D}. The portrayals in {@link EscapeRoutesWithUI} draw these.
 */
final class MapView {

    /** A place on the map, labelled with its id and the people staying there at the day sampled. */
    static final class PlaceNode {
        final Place place;
        int persons;

        PlaceNode(Place place) {
            this.place = place;
        }

        @Override
        public String toString() {
            return place.id() + " " + persons;
        }
    }

    /** A leg drawn between two places (both directions of a pair share one line). */
    record LegLine(Leg leg) {
    }

    final Continuous2D places;
    final Network legs = new Network(false);
    final Continuous2D people;
    /** The map's key (one object at the origin). */
    final Continuous2D legend;
    /** The map's height above the row of unplaced places, map units. */
    final double mapBottom;
    final PlaceNode[] nodes;
    private final PersonTracks tracks;
    /** The dots in {@link #people}, and the number of updates so far. */
    private java.util.List<PersonTracks.Dot> shown = java.util.List.of();
    private int updates;
    /** People hiding, and held, in China at the day last sampled. */
    private int hidingInChina;
    private int heldInChina;

    MapView(ModelConfig config, MapPositions positions, PersonTracks tracks) {
        this.tracks = tracks;
        // Buckets of 12 map units: people cluster at a few dozen places.
        double bucket = MapPositions.UNITS_PER_DEGREE;
        places = new Continuous2D(bucket, positions.width(), positions.height());
        people = new Continuous2D(bucket, positions.width(), positions.height());
        legend = new Continuous2D(bucket, positions.width(), positions.height());
        legend.setObjectLocation(new MapPortrayals.Legend(), new Double2D(0, 0));
        mapBottom = positions.bottom();
        nodes = new PlaceNode[config.places().size()];
        for (Place place : config.places()) {
            PlaceNode node = new PlaceNode(place);
            nodes[place.index()] = node;
            places.setObjectLocation(node, new Double2D(positions.x(place.index()), positions.y(place.index())));
            legs.addNode(node);
        }
        boolean[][] drawn = new boolean[nodes.length][nodes.length];
        for (Leg leg : config.legs()) {
            int a = Math.min(leg.from(), leg.to());
            int b = Math.max(leg.from(), leg.to());
            if (!drawn[a][b]) {
                drawn[a][b] = true;
                legs.addEdge(nodes[leg.from()], nodes[leg.to()], new LegLine(leg));
            }
        }
    }

    /** Places every person at {@code day} and counts the people at each place. */
    void update(double day) {
        PersonTracks.Sample sample = tracks.sample(day, nodes.length);
        // Only the dots that moved, came or went touch the field: most people stay put in hiding from one step to
        // the next, and moving an object in a Continuous2D searches its old bucket, so clearing the field and adding
        // everyone again, or setting every location anew, cost 4 to 17 ms a step with 13,000 people on the map.
        updates++;
        for (PersonTracks.Dot dot : sample.dots()) {
            dot.shownInUpdate = updates;
            if (!dot.inField || dot.x != dot.fieldX || dot.y != dot.fieldY) {
                people.setObjectLocation(dot, new Double2D(dot.x, dot.y));
                dot.inField = true;
                dot.fieldX = dot.x;
                dot.fieldY = dot.y;
            }
        }
        for (PersonTracks.Dot dot : shown) {
            if (dot.shownInUpdate != updates) {
                people.remove(dot);
                dot.inField = false;
            }
        }
        shown = sample.dots();
        for (int i = 0; i < nodes.length; i++) {
            nodes[i].persons = sample.atPlace()[i];
        }
        hidingInChina = sample.hidingInChina();
        heldInChina = sample.heldInChina();
    }

    int hidingInChina() {
        return hidingInChina;
    }

    int heldInChina() {
        return heldInChina;
    }

    /** People drawn at the day last sampled. */
    int dots() {
        return people.size();
    }
}
